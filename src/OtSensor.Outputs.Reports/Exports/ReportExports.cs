using System.Text;
using System.Text.Json;
using OtSensor.Outputs.Reports.Model;

namespace OtSensor.Outputs.Reports.Exports;

/// <summary>Writes each report table as CSV and JSON (the data-mining style exports, sensor-reference §5.3) plus score.json.</summary>
/// <remarks>
/// The rows are the ones the PDF prints (same <see cref="ReportTable"/> objects), so the exports never disagree with it.
/// CSV follows RFC 4180 (fields quoted when they hold a comma, quote or line break); JSON is an array of objects keyed
/// by the column headers.
/// </remarks>
public static class ReportExports
{
    /// <summary>Writes &lt;key&gt;.csv and &lt;key&gt;.json per table, score.json and api/v1/reports/vulnerabilities/{devices,security,operational,mitigation}.json; returns the files written.</summary>
    public static IReadOnlyList<string> Write(ReportModel model, string directory)
    {
        ArgumentNullException.ThrowIfNull(model);
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        foreach (var table in model.Tables.Values.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            var csv = Path.Combine(directory, table.Key + ".csv");
            using (var writer = new StreamWriter(csv, false, new UTF8Encoding(false)))
                WriteCsv(writer, table);
            written.Add(csv);
            var json = Path.Combine(directory, table.Key + ".json");
            using (var stream = File.Create(json))
                WriteJson(stream, table);
            written.Add(json);
        }
        var score = Path.Combine(directory, "score.json");
        using (var stream = File.Create(score))
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("site", model.Input.Site);
            w.WriteNumber("score", model.Score);
            w.WriteString("band", model.Band);
            w.WriteString("knowledgeVersion", model.KnowledgeVersion);
            w.WriteStartArray("categories");
            foreach (var c in model.Categories)
            {
                w.WriteStartObject();
                w.WriteString("category", c.Category);
                w.WriteNumber("score", c.Score);
                w.WriteNumber("penalty", c.Penalty);
                w.WriteNumber("maxPenalty", c.MaxPenalty);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            // The sensor's mitigation payload shape (§5.1 /mitigation): content + scoreImprovement.
            w.WriteStartArray("mitigation");
            foreach (var f in model.Findings)
            {
                w.WriteStartObject();
                w.WriteString("finding", f.Title);
                w.WriteString("kind", f.Kind.ToString());
                w.WriteString("content", f.Mitigation);
                w.WriteNumber("count", f.Count);
                w.WriteNumber("penalty", f.Penalty);
                w.WriteNumber("scoreImprovement", f.Gain);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        written.Add(score);
        var api = Path.Combine(directory, "api", "v1", "reports", "vulnerabilities");
        Directory.CreateDirectory(api);
        foreach (var (name, write) in new (string, Action<Stream, ReportModel>)[]
        {
            ("devices", VulnerabilityApiWriter.WriteDevices),
            ("security", VulnerabilityApiWriter.WriteSecurity),
            ("operational", VulnerabilityApiWriter.WriteOperational),
            ("mitigation", VulnerabilityApiWriter.WriteMitigation),
        })
        {
            var path = Path.Combine(api, name + ".json");
            using (var stream = File.Create(path)) write(stream, model);
            written.Add(path);
        }
        return written;
    }

    public static void WriteCsv(TextWriter writer, ReportTable table)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(table);
        writer.WriteLine(string.Join(",", table.Headers.Select(Quote)));
        foreach (var row in table.Rows) writer.WriteLine(string.Join(",", row.Select(Quote)));
    }

    public static void WriteJson(Stream stream, ReportTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartArray();
        foreach (var row in table.Rows)
        {
            w.WriteStartObject();
            for (int i = 0; i < table.Headers.Count; i++) w.WriteString(table.Headers[i], i < row.Length ? row[i] : "");
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static string Quote(string field)
        => field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
