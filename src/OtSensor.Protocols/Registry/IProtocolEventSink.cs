using OtSensor.Core.Protocols;

namespace OtSensor.Protocols.Registry;

/// <summary>
/// Receives decoded PDUs from protocol sessions. Declared here by the producer and implemented downstream
/// (Engine), so references point from the pipeline to the protocols and never back.
/// The caller's context (flow endpoints, packet time) is known to the implementation, not to the session.
/// </summary>
public interface IProtocolEventSink
{
    /// <remarks>
    /// <typeparamref name="TMessage"/> may be a <c>ref struct</c> that borrows the frame from the caller's buffer
    /// (e.g. <c>ModbusMessage</c>): it is valid only during this call, so implementations read or format it here
    /// and never keep it.
    /// </remarks>
    void OnMessage<TMessage>(in TMessage message) where TMessage : struct, IProtocolMessage, allows ref struct;

    /// <summary>A stream-level problem not tied to one PDU (resync after garbage, bound hit).</summary>
    void OnStreamAnomaly(ProtocolId protocol, string anomaly);
}
