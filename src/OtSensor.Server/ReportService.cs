using System.Globalization;
using System.IO.Compression;
using System.Threading.Channels;
using OtSensor.Outputs.Reports.Exports;
using OtSensor.Outputs.Reports.Model;
using OtSensor.Outputs.Reports.Pdf;
using OtSensor.Outputs.Reports.Risk;
using OtSensor.Outputs.Store;

namespace OtSensor.Server;

/// <summary>
/// Reports from the store: generated in the background into <c>&lt;store&gt;/reports/&lt;id&gt;/</c> (report.pdf and
/// report-csv.zip, one CSV per table), and the sensor's four vulnerability payloads built on request (cached for a few
/// seconds: they assess the whole inventory).
/// </summary>
internal sealed class ReportService : IDisposable
{
    private readonly SensorStore _store;
    private readonly string _directory;
    private readonly Channel<long> _queue = Channel.CreateUnbounded<long>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _cacheLock = new();
    private (DateTime At, ReportModel Model)? _cached;
    private Task? _worker;

    public ReportService(SensorStore store, string directory)
    {
        _store = store;
        _directory = directory;
    }

    public void Start()
    {
        // Reports a dead process left queued or running are generated again.
        foreach (var r in _store.GetReports())
            if (r.State is "queued" or "running") _queue.Writer.TryWrite(r.Id);
        _worker = Task.Run(Loop);
    }

    public ReportRecord Queue(string site)
    {
        var report = _store.AddReport(site);
        _queue.Writer.TryWrite(report.Id);
        return report;
    }

    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _worker?.Wait(TimeSpan.FromSeconds(30));
    }

    /// <summary>The current assessment of everything stored.</summary>
    public ReportModel CurrentModel()
    {
        lock (_cacheLock)
        {
            if (_cached is { } c && DateTime.UtcNow - c.At < TimeSpan.FromSeconds(5)) return c.Model;
            var model = RiskAssessment.Build(StoreReportInput.From(_store, "otsensor"));
            _cached = (DateTime.UtcNow, model);
            return model;
        }
    }

    private async Task Loop()
    {
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
            while (_queue.Reader.TryRead(out var id)) Generate(id);
    }

    private void Generate(long id)
    {
        var report = _store.GetReport(id);
        if (report is null) return;
        _store.SetReportState(id, "running");
        try
        {
            var folder = Path.Combine("reports", id.ToString(CultureInfo.InvariantCulture));
            var full = Path.Combine(_directory, folder);
            Directory.CreateDirectory(full);
            var model = RiskAssessment.Build(StoreReportInput.From(_store, report.Site));
            ReportFontResolver.EnsureInstalled();
            var pdf = Path.Combine(folder, "report.pdf");
            using (var stream = new FileStream(Path.Combine(_directory, pdf), FileMode.Create, FileAccess.Write))
                PdfReportRenderer.Render(model, stream);
            var exports = Path.Combine(full, "csv");
            ReportExports.Write(model, exports);
            var zip = Path.Combine(folder, "report-csv.zip");
            var zipPath = Path.Combine(_directory, zip);
            if (File.Exists(zipPath)) File.Delete(zipPath);
            using (var archive = ZipFile.Open(zipPath, ZipArchiveMode.Create))
                foreach (var csv in Directory.EnumerateFiles(exports, "*.csv").Order(StringComparer.Ordinal))
                    archive.CreateEntryFromFile(csv, Path.GetFileName(csv));
            Directory.Delete(exports, recursive: true);
            _store.SetReportState(id, "done", pdf: pdf, csv: zip);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException)
        {
            _store.SetReportState(id, "failed", HttpJson.OneLine(e.Message));
        }
    }
}
