using OtSensor.Core.Protocols;

namespace OtSensor.Protocols.Registry;

/// <summary>
/// Receives decoded PDUs from protocol sessions. Declared here by the producer and implemented downstream
/// (Engine), so references point from the pipeline to the protocols and never back.
/// The caller's context (flow endpoints, packet time) is known to the implementation, not to the session.
/// </summary>
public interface IProtocolEventSink
{
    void OnMessage<TMessage>(in TMessage message) where TMessage : struct, IProtocolMessage;

    /// <summary>A stream-level problem not tied to one PDU (resync after garbage, bound hit).</summary>
    void OnStreamAnomaly(ProtocolId protocol, string anomaly);
}
