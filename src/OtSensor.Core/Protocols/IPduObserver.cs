using System.Text.Json;

namespace OtSensor.Core.Protocols;

/// <summary>
/// Consumes decoded PDUs and anomaly records downstream of the protocol parsers (event log, detection, store).
/// </summary>
/// <remarks>
/// Deliberately not generic over the message type: a generic virtual call is resolved by the runtime on every
/// call. The caller holds the concrete message; when the observer wants the protocol's own fields it returns a
/// JSON writer, and the caller writes them through <see cref="PduDetails.Write{TMessage}"/> and calls
/// <see cref="EndPdu"/>.
/// </remarks>
public interface IPduObserver
{
    /// <summary>
    /// False when <see cref="OnPdu"/> would ignore every PDU (an event log told not to write events): the caller
    /// then skips building each PDU's context. Read once when the pipeline is built.
    /// </summary>
    bool RecordsPdus { get; }

    /// <summary>
    /// One PDU. Returns a writer positioned inside the PDU's JSON object if the observer records the anomalies
    /// and protocol-specific fields (the caller then writes them and calls <see cref="EndPdu"/>), or null.
    /// </summary>
    Utf8JsonWriter? OnPdu(in PduContext context, in PduSummary pdu);

    /// <summary>Closes the record opened by an <see cref="OnPdu"/> that returned a writer.</summary>
    void EndPdu();

    void OnAnomaly(in AnomalyRecord anomaly);
}
