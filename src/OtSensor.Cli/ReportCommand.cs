using OtSensor.Core.Time;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using OtSensor.Analysis.Detection;
using OtSensor.Analysis.Statistics;
using OtSensor.Engine;
using OtSensor.Outputs.Files;
using OtSensor.Outputs.Reports.Exports;
using OtSensor.Outputs.Reports.Model;
using OtSensor.Outputs.Reports.Pdf;
using OtSensor.Outputs.Reports.Risk;

namespace OtSensor.Cli;

/// <summary>
/// <c>otsensor report &lt;capture...&gt; --out report.pdf [--site NAME] [--learn 2m] [--exports DIR]</c>: analyses the captures
/// (inventory and detection, as <c>analyze</c> does), computes the risk assessment and writes the PDF, plus CSV and JSON
/// of every table when <c>--exports</c> is given.
/// </summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("captures")
        {
            Description = "Capture files (pcap, pcapng) or folders of them, read in the order given as one capture.",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string>("--out", "-o") { Description = "The PDF to write.", Required = true };
        var site = new Option<string>("--site") { Description = "Site name printed on the cover.", DefaultValueFactory = _ => "Unnamed site" };
        var sensor = new Option<string>("--sensor") { Description = "Sensor name printed on the cover.", DefaultValueFactory = _ => Environment.MachineName };
        var learn = new Option<string?>("--learn") { Description = "Learning window from the first packet (e.g. 90s, 2m; 0 = none). Default 1m." };
        var exports = new Option<string?>("--exports") { Description = "Folder for CSV and JSON exports of every table and score.json." };
        var noDetection = new Option<bool>("--no-detection") { Description = "Inventory only: no alerts, events or new-device findings." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print nothing on success." };

        var command = new Command("report", "Analyse captures and write the risk assessment report (PDF) and its data exports.");
        command.Arguments.Add(inputs);
        command.Options.Add(output);
        command.Options.Add(site);
        command.Options.Add(sensor);
        command.Options.Add(learn);
        command.Options.Add(exports);
        command.Options.Add(noDetection);
        command.Options.Add(quiet);
        command.SetAction(parse => Run(parse.GetValue(inputs)!, parse.GetValue(output)!, parse.GetValue(site)!, parse.GetValue(sensor)!,
            parse.GetValue(learn), parse.GetValue(exports), parse.GetValue(noDetection), parse.GetValue(quiet)));
        return command;
    }

    private static int Run(string[] inputs, string output, string site, string sensor, string? learn, string? exports, bool noDetection, bool quiet)
    {
        if (!output.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)) return Fail($"--out: '{output}' must name a .pdf file");
        var folder = Path.GetDirectoryName(Path.GetFullPath(output))!;
        if (!Directory.Exists(folder)) return Fail($"--out: folder '{folder}' does not exist");
        foreach (var path in inputs)
            if (!File.Exists(path) && !Directory.Exists(path)) return Fail($"'{path}' is not a file or folder");
        DetectionOptions? detection = null;
        if (!noDetection)
        {
            var learning = DetectionOptions.DefaultLearning;
            if (learn is not null && !DurationText.TryParse(learn, out learning)) return Fail($"--learn: '{learn}' is not a duration (e.g. 90s, 2m, 1h, 0)");
            detection = new DetectionOptions { Learning = learning, NewcomerLearning = learning };
        }

        var clock = Stopwatch.StartNew();
        var scratch = Directory.CreateTempSubdirectory("otsensor-report-").FullName;
        ReportInput input;
        TrafficSummary summary;
        try
        {
            using var log = EventLogWriter.Create(scratch, false);
            using var analyzer = new CaptureAnalyzer(new EngineOptions { Detection = detection }, log);
            summary = analyzer.Run(inputs);
            input = ReportInputBuilder.From(analyzer.Inventory, analyzer.Detection, summary, site, sensor, analyzer.InputFiles);
        }
        finally
        {
            try { Directory.Delete(scratch, recursive: true); }
            catch (IOException) { }
        }
        if (!summary.AnythingUsable)
        {
            var reasons = summary.Files.Select(f => $"{f.Path}: {f.Error ?? "no frames"}").Take(3).ToList();
            return Fail($"nothing usable was read: {(reasons.Count == 0 ? "no input files" : string.Join("; ", reasons))}");
        }

        var model = RiskAssessment.Build(input);
        try
        {
            using (var stream = new FileStream(output, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16))
                PdfReportRenderer.Render(model, stream);
            if (exports is not null) ReportExports.Write(model, exports);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(e.Message);
        }
        if (!quiet)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{output}: score {RiskAssessment.Points(model.Score)} % ({model.Band}), {model.Findings.Count} findings, {input.Devices.Count:N0} devices, {clock.Elapsed.TotalSeconds:0.0} s"));
        return ExitCodes.Ok;
    }

    private static int Fail(string reason)
    {
        Console.Error.WriteLine($"otsensor: {reason}");
        return ExitCodes.BadUsage;
    }
}
