using System.Text;
using System.Text.Json;
using OtSensor.Core.Protocols;

namespace OtSensor.Integration.Tests.Engine;

/// <summary>Keeps every PDU the engine reports as a comparable record (its details rendered to JSON during the call).</summary>
internal sealed class RecordingObserver : IPduObserver
{
    public sealed record Pdu(ProtocolId Protocol, int Function, bool IsResponse, bool FromClient, string Source, ushort SourcePort,
        string Anomalies, string Details, long Frame);

    public List<Pdu> Pdus { get; } = [];
    public List<string> AnomalyRecords { get; } = [];

    public void OnPdu<TMessage>(in PduContext context, in TMessage message) where TMessage : struct, IProtocolMessage, allows ref struct
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            message.WriteDetails(writer);
            writer.WriteEndObject();
        }
        var anomalies = new StringBuilder();
        for (int bit = 0; bit < 64; bit++)
            if ((message.Anomalies & (1UL << bit)) != 0) anomalies.Append(message.AnomalyName(bit)).Append(' ');
        Pdus.Add(new Pdu(message.Protocol, message.Function, message.IsResponse, context.FromClient, context.Source.ToString(), context.SourcePort,
            anomalies.ToString().TrimEnd(), Encoding.UTF8.GetString(buffer.ToArray()), context.FrameNumber));
    }

    public void OnAnomaly(in AnomalyRecord anomaly) => AnomalyRecords.Add($"{anomaly.Layer}.{anomaly.Name}");
}
