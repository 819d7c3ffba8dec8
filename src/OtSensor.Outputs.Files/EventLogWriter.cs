using System.Buffers;
using System.Text.Json;
using OtSensor.Core.Net;
using OtSensor.Core.Protocols;
using OtSensor.Core.Time;

namespace OtSensor.Outputs.Files;

/// <summary>
/// Writes <c>events.jsonl</c>: one JSON object per decoded PDU in capture order, with the keys fixed by
/// docs/event-log-contract.md first and the protocol's own fields after them; and <c>anomalies.jsonl</c>
/// with the first <see cref="MaxAnomalyRecords"/> anomaly records (all of them are counted elsewhere).
/// One reused <see cref="Utf8JsonWriter"/> over a pooled buffer, flushed to disk in large blocks.
/// </summary>
public sealed class EventLogWriter : IPduObserver, IDisposable
{
    public const int MaxAnomalyRecords = 100_000;
    private const int FlushThreshold = 1 << 20;

    // The default encoder: its ASCII fast path is quicker than the relaxed one, and it escapes what an attacker
    // could smuggle into a string field. Validation is skipped: the writer's own calls are structured.
    private static readonly JsonWriterOptions Options = new() { SkipValidation = true };

    private readonly Stream? _events;
    private readonly Stream? _anomalies;
    private readonly ArrayBufferWriter<byte> _eventBuffer = new(FlushThreshold * 2);
    private readonly ArrayBufferWriter<byte> _anomalyBuffer = new(64 * 1024);
    private readonly Utf8JsonWriter _eventWriter;
    private readonly Utf8JsonWriter _anomalyWriter;

    /// <param name="events">Destination of events.jsonl, or null to write no PDU records.</param>
    /// <param name="anomalies">Destination of anomalies.jsonl, or null.</param>
    public EventLogWriter(Stream? events, Stream? anomalies)
    {
        _events = events;
        _anomalies = anomalies;
        _eventWriter = new Utf8JsonWriter(_eventBuffer, Options);
        _anomalyWriter = new Utf8JsonWriter(_anomalyBuffer, Options);
    }

    public long EventsWritten { get; private set; }

    public bool RecordsPdus => _events is not null;
    public long AnomaliesWritten { get; private set; }

    public static EventLogWriter Create(string directory, bool writeEvents = true)
    {
        Directory.CreateDirectory(directory);
        Stream? events = writeEvents ? OpenFile(Path.Combine(directory, "events.jsonl")) : null;
        return new EventLogWriter(events, OpenFile(Path.Combine(directory, "anomalies.jsonl")));
    }

    public Utf8JsonWriter? OnPdu(in PduContext context, in PduSummary pdu)
    {
        if (_events is null) return null;
        var w = _eventWriter;
        w.WriteStartObject();
        WriteTimestamp(w, context.Timestamp);
        w.WriteString(JsonFieldNames.Protocol, ProtocolNames.Get(pdu.Protocol));
        if (context.IsLayer2)
        {
            WriteMac(w, JsonFieldNames.Src, context.SourceMac);
            WriteMac(w, JsonFieldNames.Dst, context.DestinationMac);
            w.WriteNull(JsonFieldNames.SrcPort);
            w.WriteNull(JsonFieldNames.DstPort);
        }
        else
        {
            WriteAddress(w, JsonFieldNames.Src, context.Source);
            WriteAddress(w, JsonFieldNames.Dst, context.Destination);
            w.WriteNumber(JsonFieldNames.SrcPort, context.SourcePort);
            w.WriteNumber(JsonFieldNames.DstPort, context.DestinationPort);
        }
        if (pdu.Function >= 0) w.WriteNumber(JsonFieldNames.Function, pdu.Function);
        else w.WriteNull(JsonFieldNames.Function);
        if (pdu.FunctionName is { } name) w.WriteString(JsonFieldNames.FunctionName, name);
        else w.WriteNull(JsonFieldNames.FunctionName);
        w.WriteString(JsonFieldNames.Direction, pdu.IsResponse ? JsonFieldNames.Response : JsonFieldNames.Request);
        w.WriteString(JsonFieldNames.Operation, OtOperationNames.Get(pdu.Operation));
        w.WriteNumber(JsonFieldNames.FlowId, context.FlowId);
        w.WriteNumber(JsonFieldNames.Frame, context.FrameNumber);
        return w;
    }

    /// <summary>Closes the record after the caller wrote <c>anomalies</c> and the protocol's fields.</summary>
    public void EndPdu()
    {
        _eventWriter.WriteEndObject();
        EndRecord(_eventWriter, _eventBuffer, _events);
        EventsWritten++;
    }

    public void OnAnomaly(in AnomalyRecord anomaly)
    {
        if (_anomalies is null || AnomaliesWritten >= MaxAnomalyRecords) return;
        var w = _anomalyWriter;
        w.WriteStartObject();
        WriteTimestamp(w, anomaly.Timestamp);
        w.WriteNumber(JsonFieldNames.Frame, anomaly.FrameNumber);
        w.WriteString(JsonFieldNames.Layer, anomaly.Layer);
        w.WriteString(JsonFieldNames.Name, anomaly.Name);
        if (anomaly.HasAddresses)
        {
            WriteAddress(w, JsonFieldNames.Src, anomaly.Source);
            WriteAddress(w, JsonFieldNames.Dst, anomaly.Destination);
            w.WriteNumber(JsonFieldNames.SrcPort, anomaly.SourcePort);
            w.WriteNumber(JsonFieldNames.DstPort, anomaly.DestinationPort);
        }
        w.WriteEndObject();
        EndRecord(w, _anomalyBuffer, _anomalies);
        AnomaliesWritten++;
    }

    public void Flush()
    {
        FlushBuffer(_eventBuffer, _events, _eventWriter);
        FlushBuffer(_anomalyBuffer, _anomalies, _anomalyWriter);
        _events?.Flush();
        _anomalies?.Flush();
    }

    public void Dispose()
    {
        Flush();
        _eventWriter.Dispose();
        _anomalyWriter.Dispose();
        _events?.Dispose();
        _anomalies?.Dispose();
    }

    private static void EndRecord(Utf8JsonWriter writer, ArrayBufferWriter<byte> buffer, Stream? destination)
    {
        writer.Flush();
        writer.Reset();
        buffer.GetSpan(1)[0] = (byte)'\n';
        buffer.Advance(1);
        if (buffer.WrittenCount >= FlushThreshold) FlushBuffer(buffer, destination, writer);
    }

    private static void FlushBuffer(ArrayBufferWriter<byte> buffer, Stream? destination, Utf8JsonWriter writer)
    {
        writer.Flush();
        if (destination is not null && buffer.WrittenCount > 0) destination.Write(buffer.WrittenSpan);
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
    }

    private static void WriteTimestamp(Utf8JsonWriter w, Timestamp timestamp)
    {
        Span<byte> ts = stackalloc byte[32];
        w.WriteString(JsonFieldNames.Ts, ts[..timestamp.FormatRfc3339Utf8(ts)]);
    }

    private static void WriteAddress(Utf8JsonWriter w, JsonEncodedText name, IPAddressBytes address)
    {
        Span<byte> text = stackalloc byte[48];
        w.WriteString(name, text[..address.FormatUtf8(text)]);
    }

    private static void WriteMac(Utf8JsonWriter w, JsonEncodedText name, MacAddress mac)
    {
        Span<byte> text = stackalloc byte[17];
        w.WriteString(name, text[..mac.FormatUtf8(text)]);
    }

    private static FileStream OpenFile(string path)
        => new(path, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
}
