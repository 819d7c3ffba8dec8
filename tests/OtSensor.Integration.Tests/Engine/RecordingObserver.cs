using System.Text;
using System.Text.Json;
using OtSensor.Core.Protocols;

namespace OtSensor.Integration.Tests.Engine;

/// <summary>Keeps every PDU the engine reports as a comparable record (its details rendered to JSON during the call).</summary>
internal sealed class RecordingObserver : IPduObserver, IDisposable
{
    public sealed record Pdu(ProtocolId Protocol, int Function, bool IsResponse, bool FromClient, string Source, ushort SourcePort,
        string Anomalies, string Details, long Frame);

    public List<Pdu> Pdus { get; } = [];

    public bool RecordsPdus => true;
    public List<string> AnomalyRecords { get; } = [];

    private readonly MemoryStream _buffer = new();
    private Utf8JsonWriter? _writer;
    private PduContext _context;
    private PduSummary _pdu;

    public Utf8JsonWriter? OnPdu(in PduContext context, in PduSummary pdu)
    {
        _context = context;
        _pdu = pdu;
        _buffer.SetLength(0);
        _writer = new Utf8JsonWriter(_buffer);
        _writer.WriteStartObject();
        return _writer;
    }

    public void EndPdu()
    {
        _writer!.WriteEndObject();
        _writer.Dispose();
        using var doc = JsonDocument.Parse(_buffer.ToArray());
        var anomalies = string.Join(' ', doc.RootElement.GetProperty("anomalies").EnumerateArray().Select(a => a.GetString()));
        Pdus.Add(new Pdu(_pdu.Protocol, _pdu.Function, _pdu.IsResponse, _context.FromClient, _context.Source.ToString(), _context.SourcePort,
            anomalies, Encoding.UTF8.GetString(_buffer.ToArray()), _context.FrameNumber));
    }

    public void Dispose()
    {
        _writer?.Dispose();
        _buffer.Dispose();
    }

    public void OnAnomaly(in AnomalyRecord anomaly) => AnomalyRecords.Add($"{anomaly.Layer}.{anomaly.Name}");
}
