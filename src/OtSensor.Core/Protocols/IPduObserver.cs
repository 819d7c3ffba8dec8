namespace OtSensor.Core.Protocols;

/// <summary>
/// Consumes decoded PDUs and anomaly records downstream of the protocol parsers (event log, inventory,
/// detection). Generic over the message type so value-type messages are never boxed.
/// </summary>
public interface IPduObserver
{
    void OnPdu<TMessage>(in PduContext context, in TMessage message)
        where TMessage : struct, IProtocolMessage, allows ref struct;

    void OnAnomaly(in AnomalyRecord anomaly);
}
