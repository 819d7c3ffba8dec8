using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using OtSensor.Engine;
using OtSensor.Outputs.Files;
using Spectre.Console;

namespace OtSensor.Cli;

/// <summary>
/// <c>otsensor inventory &lt;capture-or-folder-or-out-dir&gt;...</c>: the device inventory for people. Captures (and folders
/// of them) are analysed together without writing anything; a folder holding a devices.json (an <c>analyze --out</c>
/// folder) is read as it is. Prints a table, or JSON / CSV, sorted by any column and filtered by type, protocol and
/// Purdue level.
/// </summary>
internal static class InventoryCommand
{
    private static readonly string[] Formats = ["table", "json", "csv"];

    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs")
        {
            Description = "Capture files, folders of captures, or output folders of 'analyze' (holding devices.json).",
            Arity = ArgumentArity.OneOrMore,
        };
        var sort = new Option<string>("--sort", "-s")
        {
            Description = $"Column to sort by ({string.Join(", ", InventoryRow.Columns)}); a leading '-' sorts descending.",
            DefaultValueFactory = _ => "address",
        };
        var type = new Option<string[]>("--type", "-t") { Description = "Only devices of this type (e.g. PLC, HMI; repeatable, case-insensitive)." };
        var protocol = new Option<string[]>("--protocol", "-p") { Description = "Only devices speaking this protocol (e.g. modbus, s7comm; repeatable)." };
        var level = new Option<int[]>("--level", "-l") { Description = "Only devices at this Purdue level (0-5; repeatable)." };
        var format = new Option<string>("--format", "-f") { Description = "table, json or csv.", DefaultValueFactory = _ => "table" };

        var command = new Command("inventory", "List the devices found in captures (or in an analyze output folder) with type, level, vendor and protocols.");
        command.Arguments.Add(inputs);
        command.Options.Add(sort);
        command.Options.Add(type);
        command.Options.Add(protocol);
        command.Options.Add(level);
        command.Options.Add(format);
        command.SetAction(parse => Run(parse.GetValue(inputs)!, parse.GetValue(sort)!, parse.GetValue(type) ?? [],
            parse.GetValue(protocol) ?? [], parse.GetValue(level) ?? [], parse.GetValue(format)!));
        return command;
    }

    private static int Run(string[] inputs, string sort, string[] types, string[] protocols, int[] levels, string format)
    {
        format = format.ToLowerInvariant();
        if (!Formats.Contains(format))
            return Fail($"unknown format '{format}' (use {string.Join(", ", Formats)})");
        bool descending = sort.StartsWith('-');
        var column = sort.TrimStart('-').ToLowerInvariant();
        if (!InventoryRow.Columns.Contains(column))
            return Fail($"unknown sort column '{column}' (use {string.Join(", ", InventoryRow.Columns)})");

        var rows = new List<InventoryRow>();
        var captures = new List<string>();
        foreach (var input in inputs)
        {
            var saved = Path.Combine(input, "devices.json");
            if (Directory.Exists(input) && File.Exists(saved))
            {
                try
                {
                    using var doc = JsonDocument.Parse(File.ReadAllBytes(saved));
                    rows.AddRange(doc.RootElement.EnumerateArray().Select(InventoryRow.From));
                }
                catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or IOException)
                {
                    return Fail($"{saved}: not a devices.json written by otsensor ({e.Message.Split('\n')[0]})");
                }
            }
            else captures.Add(input);
        }
        if (captures.Count > 0)
        {
            var error = Analyse(captures, rows);
            if (error is not null) return Fail(error);
        }

        IEnumerable<InventoryRow> selected = rows;
        if (types.Length > 0) selected = selected.Where(r => types.Any(t => string.Equals(t, r.Type, StringComparison.OrdinalIgnoreCase)));
        if (protocols.Length > 0) selected = selected.Where(r => r.ProtocolIds.Any(p => protocols.Any(q => string.Equals(p, q, StringComparison.OrdinalIgnoreCase))));
        if (levels.Length > 0) selected = selected.Where(r => r.Level is int l && levels.Contains(l));
        var list = selected.ToList();
        // A stable sort: equal keys keep the inventory's order (first seen first).
        list = [.. descending ? list.OrderByDescending(r => r, Comparer(column)) : list.OrderBy(r => r, Comparer(column))];

        switch (format)
        {
            case "json": WriteJson(list); break;
            case "csv": WriteCsv(list); break;
            default: WriteTable(list, rows.Count); break;
        }
        return ExitCodes.Ok;
    }

    private static Comparer<InventoryRow> Comparer(string column) => Comparer<InventoryRow>.Create((a, b) => InventoryRow.Compare(a, b, column));

    /// <summary>Runs the engine over the captures without writing files; returns a one-line reason when nothing was read.</summary>
    private static string? Analyse(List<string> captures, List<InventoryRow> rows)
    {
        using var log = new EventLogWriter(null, null);
        using var analyzer = new CaptureAnalyzer(new EngineOptions(), log);
        var summary = analyzer.Run(captures);
        if (!summary.AnythingUsable)
        {
            var problems = summary.Files.Select(f => $"{f.Path}: {f.Error ?? "no frames"}").ToList();
            return "nothing usable was read: " + (problems.Count == 0 ? "no input files"
                : string.Join("; ", problems.Take(3)) + (problems.Count > 3 ? $"; and {problems.Count - 3} more" : ""));
        }
        using var buffer = new MemoryStream();
        InventoryJsonWriter.WriteDevices(buffer, analyzer.Inventory);
        using var doc = JsonDocument.Parse(buffer.ToArray());
        rows.AddRange(doc.RootElement.EnumerateArray().Select(InventoryRow.From));
        return null;
    }

    private static void WriteTable(List<InventoryRow> rows, int total)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var c in InventoryRow.Columns) table.AddColumn(new TableColumn(Header(c)));
        foreach (var r in rows) table.AddRow(InventoryRow.Columns.Select(c => Markup.Escape(r.Cell(c))).ToArray());
        table.Caption($"{rows.Count} of {total} devices; protocols: role, '?' = guessed from the port; conf = type confidence");
        // Piped into a file or a pager there is no terminal width: lay the table out wide instead of wrapping every cell.
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        if (Console.IsOutputRedirected) console.Profile.Width = 240;
        console.Write(table);
    }

    private static string Header(string column) => column switch
    {
        "confidence" => "conf",
        "level" => "lvl",
        _ => column,
    };

    private static void WriteJson(List<InventoryRow> rows)
    {
        using var stdout = Console.OpenStandardOutput();
        using var w = new Utf8JsonWriter(stdout, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartArray();
        foreach (var r in rows) r.Json.WriteTo(w);
        w.WriteEndArray();
        w.Flush();
        stdout.Write("\n"u8);
    }

    private static void WriteCsv(List<InventoryRow> rows)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', InventoryRow.Columns).Append('\n');
        foreach (var r in rows) text.AppendJoin(',', InventoryRow.Columns.Select(c => Csv(r.Cell(c)))).Append('\n');
        Console.Out.Write(text.ToString());
    }

    /// <summary>RFC 4180: quoted when it holds a comma, quote or line break; quotes doubled.</summary>
    private static string Csv(string value)
        => value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static int Fail(string message)
    {
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"otsensor: {message}"));
        return ExitCodes.BadUsage;
    }
}
