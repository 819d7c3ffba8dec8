using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Threading.Channels;
using OtSensor.Analysis.Detection;
using OtSensor.Analysis.Inventory;
using OtSensor.Engine;
using OtSensor.Engine.Evidence;
using OtSensor.Outputs.Files;
using OtSensor.Outputs.Store;

namespace OtSensor.Server;

/// <summary>
/// Plays uploaded captures one at a time, in queue order, on one background thread: each through a
/// <see cref="CaptureAnalyzer"/> with the stored baseline and learning setting, writing a snapshot to the store about
/// every second of wall time (so a server killed mid-replay keeps what was stored; less often when a large inventory
/// makes one snapshot slow, so that they take at most a fifth of the time), pushing progress and new alerts to
/// the live stream, and at the end the alert PCAPs, the final state and the learned baseline.
/// </summary>
/// <remarks>
/// A capture left "playing" by a process that died is queued again at start and replayed into the same run, so its
/// alerts and events are rewritten, not copied. The last finished run's analyzer stays in memory until the next
/// capture plays: learning or muting one of its alerts updates the stored baseline.
/// </remarks>
internal sealed class CaptureWorker : IDisposable
{
    private readonly SensorStore _store;
    private readonly string _directory;
    private readonly LiveHub _hub;
    private readonly ServerOptions _options;
    private readonly Channel<long> _queue = Channel.CreateUnbounded<long>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _lastLock = new();
    private Thread? _thread;
    private (long RunId, CaptureAnalyzer Analyzer)? _last;

    public CaptureWorker(SensorStore store, string directory, LiveHub hub, ServerOptions options)
    {
        _store = store;
        _directory = directory;
        _hub = hub;
        _options = options;
    }

    /// <summary>Receives the alerts of every snapshot written (new and recounted ones are forwarded); never blocks.</summary>
    public ForwardingService? Forwarding { get; set; }

    /// <summary>Folder of uploaded captures (server-generated names only).</summary>
    public string CaptureFolder => Path.Combine(_directory, "captures");

    public void Start()
    {
        foreach (var pending in _store.GetPendingCaptures()) _queue.Writer.TryWrite(pending.Id);
        _thread = new Thread(Loop) { IsBackground = true, Name = "otsensor capture player" };
        _thread.Start();
    }

    public void Enqueue(long captureId)
    {
        _store.SetCaptureState(captureId, "queued");
        _queue.Writer.TryWrite(captureId);
    }

    /// <summary>Stops after the current batch of frames; the capture being played stays "playing" and resumes next start.</summary>
    public void Stop()
    {
        _stop.Cancel();
        _queue.Writer.TryComplete();
        _thread?.Join(TimeSpan.FromSeconds(30));
    }

    public void Dispose()
    {
        Stop();
        lock (_lastLock)
        {
            _last?.Analyzer.Dispose();
            _last = null;
        }
        _stop.Dispose();
    }

    private void Loop()
    {
        var token = _stop.Token;
        try
        {
            while (_queue.Reader.WaitToReadAsync(token).AsTask().GetAwaiter().GetResult())
            {
                while (_queue.Reader.TryRead(out var id))
                {
                    if (token.IsCancellationRequested) return;
                    Play(id, token);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void Play(long captureId, CancellationToken token)
    {
        var capture = _store.GetCapture(captureId);
        if (capture is null || capture.State is not ("queued" or "playing")) return;
        var path = Path.Combine(CaptureFolder, capture.File);
        if (!File.Exists(path))
        {
            _store.SetCaptureState(captureId, "failed", error: "the capture file is gone");
            return;
        }
        _store.SetCaptureState(captureId, "playing");
        long runId = _store.GetUnfinishedRun(captureId) ?? _store.BeginRun(captureId);
        var settings = LearningSettings.Load(_store);
        Baseline? baseline = null;
        if (_store.LoadBaseline() is { } stored)
        {
            try
            {
                using var stream = new MemoryStream(Encoding.UTF8.GetBytes(stored));
                baseline = BaselineFile.Read(stream, "stored baseline");
            }
            catch (FormatException)
            {
                baseline = null;
            }
        }
        var detection = new DetectionOptions
        {
            Baseline = baseline,
            Learning = settings.Window,
            NewcomerLearning = settings.Learning ? settings.Window : DetectionOptions.DefaultLearning,
        };
        lock (_lastLock)
        {
            _last?.Analyzer.Dispose();
            _last = null;
        }
        var analyzer = new CaptureAnalyzer(new EngineOptions { Detection = detection }, new EventLogWriter(null, null));
        var builder = new SnapshotBuilder(runId, SubnetPlan.LearnedOnly());
        var clock = Stopwatch.StartNew();
        long lastSnapshot = 0, lastProgress = 0, interval = (long)_options.SnapshotInterval.TotalMilliseconds;
        int alertsPublished = 0;
        try
        {
            var summary = analyzer.Run([path], progress =>
            {
                token.ThrowIfCancellationRequested();
                Pace(progress.Frames, clock, token);
                long now = clock.ElapsedMilliseconds;
                if (now - lastProgress >= 500)
                {
                    lastProgress = now;
                    PublishProgress(captureId, "playing", progress.Frames, analyzer.Pipeline.Bytes);
                }
                if (now - lastSnapshot >= interval)
                {
                    Write(builder.Build(analyzer));
                    _store.SetCaptureState(captureId, "playing", progress.Frames, analyzer.Pipeline.Bytes);
                    alertsPublished = PublishNews(analyzer, alertsPublished);
                    // A large inventory makes each snapshot slow: keep snapshots under a fifth of the replay's time.
                    long took = clock.ElapsedMilliseconds - now;
                    interval = Math.Max((long)_options.SnapshotInterval.TotalMilliseconds, 4 * took);
                    lastSnapshot = clock.ElapsedMilliseconds;
                }
            });
            token.ThrowIfCancellationRequested();
            var pcaps = WritePcaps(runId, path, analyzer);
            string? learned = null;
            if (analyzer.Detection is { } engine)
            {
                engine.ExportMuted();
                learned = BaselineText(engine.Baseline);
            }
            Write(builder.Build(analyzer, pcaps, learned, final: true));
            _store.FinishRun(runId);
            var file = summary.Files.Count > 0 ? summary.Files[0] : null;
            bool usable = summary.AnythingUsable;
            _store.SetCaptureState(captureId, usable ? "played" : "failed", analyzer.Pipeline.Frames, analyzer.Pipeline.Bytes,
                usable ? file?.Error : file?.Error ?? "no frames");
            PublishNews(analyzer, alertsPublished);
            PublishProgress(captureId, usable ? "played" : "failed", analyzer.Pipeline.Frames, analyzer.Pipeline.Bytes);
            lock (_lastLock) _last = (runId, analyzer);
        }
        catch (OperationCanceledException)
        {
            analyzer.Dispose();
        }
        catch (Exception e) when (e is IOException or InvalidDataException or FormatException or UnauthorizedAccessException)
        {
            analyzer.Dispose();
            _store.SetCaptureState(captureId, "failed", error: HttpJson.OneLine(e.Message));
            PublishProgress(captureId, "failed", 0, 0);
        }
    }

    private void Write(AnalysisSnapshot snapshot)
    {
        var ids = _store.WriteSnapshot(snapshot);
        Forwarding?.Offer(snapshot.Alerts, ids);
    }

    /// <summary>Holds the replay to <see cref="ServerOptions.ReplayPacketsPerSecond"/> when set (watching a capture play).</summary>
    private void Pace(long frames, Stopwatch clock, CancellationToken token)
    {
        if (_options.ReplayPacketsPerSecond is not int rate || rate <= 0) return;
        long due = frames * 1000 / rate - clock.ElapsedMilliseconds;
        if (due > 0) token.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(due));
        token.ThrowIfCancellationRequested();
    }

    private Dictionary<int, string> WritePcaps(long runId, string capture, CaptureAnalyzer analyzer)
    {
        var result = new Dictionary<int, string>();
        if (analyzer.Detection is not { } detection || detection.Alerts.Alerts.Count == 0) return result;
        var relative = Path.Combine("alerts", runId.ToString(CultureInfo.InvariantCulture));
        var written = AlertPcapWriter.Write(Path.Combine(_directory, relative), [capture], detection.Alerts.Alerts);
        foreach (var id in written) result[id] = Path.Combine(relative, id.ToString(CultureInfo.InvariantCulture) + ".pcap");
        return result;
    }

    private static string BaselineText(Baseline baseline)
    {
        using var buffer = new MemoryStream();
        BaselineFile.Write(buffer, baseline);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private void PublishProgress(long id, string state, long packets, long bytes)
        => _hub.Publish("capture", w =>
        {
            w.WriteStartObject();
            w.WriteNumber("id", id);
            w.WriteString("state", state);
            w.WriteNumber("packets", packets);
            w.WriteNumber("bytes", bytes);
            w.WriteEndObject();
        });

    /// <summary>The device total and the alerts raised since the last call.</summary>
    private int PublishNews(CaptureAnalyzer analyzer, int alertsPublished)
    {
        long total = _store.Totals().Devices;
        _hub.Publish("devices", w =>
        {
            w.WriteStartObject();
            w.WriteNumber("total", total);
            w.WriteEndObject();
        });
        if (analyzer.Detection is not { } detection) return alertsPublished;
        var alerts = detection.Alerts.Alerts;
        for (int i = alertsPublished; i < alerts.Count; i++)
        {
            var a = alerts[i];
            _hub.Publish("alert", w =>
            {
                w.WriteStartObject();
                w.WriteNumber("id", a.Id);
                w.WriteString("title", a.Type.Title);
                w.WriteString("severity", AlertNames.Severity(a.Type.Severity));
                w.WriteString("engine", AlertNames.Engine(a.Type.Engine));
                w.WriteEndObject();
            });
        }
        return alerts.Count;
    }

    /// <summary>
    /// Applies a console action to the alert in the last finished run's memory too: learn adds its traffic to the baseline,
    /// mute suppresses its pattern; the stored baseline is rewritten. False when the alert's run is no longer in memory.
    /// </summary>
    public bool ApplyToBaseline(long runId, int runAlertId, bool learn)
    {
        lock (_lastLock)
        {
            if (_last is not { } last || last.RunId != runId || last.Analyzer.Detection is not { } detection) return false;
            bool done = learn ? detection.Alerts.Learn(runAlertId) : detection.Alerts.Mute(runAlertId);
            if (!done) return false;
            detection.ExportMuted();
            _store.SaveBaseline(BaselineText(detection.Baseline));
            return true;
        }
    }
}
