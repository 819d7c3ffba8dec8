using System.Text.Encodings.Web;
using System.Text.Json;
using OtSensor.Analysis.Statistics;

namespace OtSensor.Outputs.Files;

/// <summary>Writes <c>summary.json</c>: counts, capture span, decode anomalies, and every file read with where any broke.</summary>
public static class SummaryJsonWriter
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(Stream stream, TrafficSummary s)
    {
        using var w = new Utf8JsonWriter(stream, Options);
        w.WriteStartObject();
        w.WriteStartArray("files");
        foreach (var f in s.Files)
        {
            w.WriteStartObject();
            w.WriteString("path", f.Path);
            if (f.Format is null) w.WriteNull("format"); else w.WriteString("format", f.Format);
            w.WriteNumber("frames", f.Frames);
            w.WriteNumber("bytes", f.Bytes);
            w.WriteNumber("fileLength", f.FileLength);
            if (f.Error is null) w.WriteNull("error"); else w.WriteString("error", f.Error);
            if (f.ErrorOffset is { } offset) w.WriteNumber("errorOffset", offset); else w.WriteNull("errorOffset");
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteNumber("frames", s.Frames);
        w.WriteNumber("bytes", s.Bytes);
        w.WriteStartObject("captureSpan");
        if (s.FirstPacket is { } first) w.WriteString("first", first.ToString()); else w.WriteNull("first");
        if (s.LastPacket is { } last) w.WriteString("last", last.ToString()); else w.WriteNull("last");
        w.WriteNumber("seconds", s.FirstPacket is { } a && s.LastPacket is { } b ? (b.UnixNanoseconds - a.UnixNanoseconds) / 1e9 : 0);
        w.WriteEndObject();
        WriteCounts(w, "linkTypes", s.LinkTypes);
        WriteCounts(w, "layers", s.Layers);
        WriteCounts(w, "pdus", s.Pdus);
        WriteCounts(w, "anomalies", s.Anomalies);
        WriteCounts(w, "flows", s.Flows);
        WriteCounts(w, "reassembly", s.Reassembly);
        WriteCounts(w, "alerts", s.Alerts);
        w.WriteNumber("devices", s.Devices);
        w.WriteNumber("connections", s.Connections);
        w.WriteNumber("elapsedSeconds", Math.Round(s.Elapsed.TotalSeconds, 3));
        w.WriteNumber("peakWorkingSetBytes", s.PeakWorkingSetBytes);
        w.WriteEndObject();
    }

    private static void WriteCounts(Utf8JsonWriter w, string name, SortedDictionary<string, long> counts)
    {
        w.WriteStartObject(name);
        foreach (var (key, value) in counts) w.WriteNumber(key, value);
        w.WriteEndObject();
    }
}
