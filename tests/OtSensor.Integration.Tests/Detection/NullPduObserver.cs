using OtSensor.Core.Protocols;

namespace OtSensor.Integration.Tests.Detection;

/// <summary>Records nothing: detection tests read the engine's alerts, not the event log.</summary>
internal sealed class NullPduObserver : IPduObserver
{
    public bool RecordsPdus => false;
    public System.Text.Json.Utf8JsonWriter? OnPdu(in PduContext context, in PduSummary pdu) => null;
    public void EndPdu() { }
    public void OnAnomaly(in AnomalyRecord anomaly) { }
}
