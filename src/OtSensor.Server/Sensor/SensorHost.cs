using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using OtSensor.Analysis.Detection;
using OtSensor.Analysis.Inventory;
using OtSensor.Capture.Live;
using OtSensor.Capture.Ring;
using OtSensor.Core.Time;
using OtSensor.Engine;
using OtSensor.Outputs.Files;
using OtSensor.Outputs.Store;

namespace OtSensor.Server.Sensor;

/// <summary>
/// <c>otsensor sensor</c>: live capture on the monitor interfaces through the same pipeline as replay, the analysis
/// written to the store as snapshots about every second (so the console and the REST API of <see cref="SensorServer"/>
/// show live devices and alerts), and the server itself, in one long-running process.
/// </summary>
/// <remarks>
/// <para>Threads: the libpcap capture threads fill the queues; <see cref="Run"/>'s calling thread is the analysis thread
/// (it drains the queues as <c>LiveCaptureRunner</c> does, and also builds the snapshots, reads the counters and raises
/// the drop alert, so the analysis state is only ever touched by one thread); the store writer thread writes the built
/// snapshots (one transaction and fsync each), so the analysis thread never waits on the disk for the store (up to
/// <see cref="MaxPendingSnapshots"/> snapshots may wait, then the analysis thread waits); Kestrel serves on its own.</para>
/// <para>Drops: when the kernel, the interface or the sensor's queue lost frames since the last check, the operational
/// alert <c>sensor-capture-drops</c> is raised, at most once per <see cref="DropAlertInterval"/> (further drops within
/// the catalogue's window count up the same alert).</para>
/// <para>A new learning window on reload cannot change a running <see cref="DetectionEngine"/> (it fixes its learning
/// period at the first packet), so the host finishes the current analysis run (final snapshot, learned baseline) and
/// starts a new one with the stored baseline; the capture keeps running and its queues hold the frames meanwhile.</para>
/// <para>Shutdown (<see cref="Run"/>'s token): the capture stops, what it queued is analysed, the pipeline is completed
/// (open flows flushed), the final snapshot and the baseline are written and the run is marked finished, then the
/// server stops. A process killed with SIGKILL loses the snapshots the store writer had not written yet, normally the
/// last second (at most <see cref="MaxPendingSnapshots"/> when the disk is that slow): every snapshot is one durable transaction.</para>
/// <para>Alert PCAPs: every analysed frame is also appended to the traffic ring (<see cref="TrafficRing"/>, configured by
/// <see cref="SensorConfig.Ring"/>; one copy into a large buffer, one write per MiB, on the analysis thread). At each
/// snapshot, the alerts whose evidence grew since their last cut get their PCAP cut from the ring into
/// <c>alerts/&lt;run&gt;/&lt;alert&gt;.pcap</c> in the store, the same frames (the alert's evidence) and format as the
/// offline <c>AlertPcapWriter</c>, served by <c>GET /api/v2/alerts/pcap/{id}</c>. Evidence already rolled out of the
/// ring is not cut again (the file cut earlier stays). A ring write error raises the operational alert
/// <c>sensor-ring-write-failed</c> (at most once per <see cref="DropAlertInterval"/>); capture and analysis go on.</para>
/// </remarks>
public sealed class SensorHost : IAsyncDisposable
{
    /// <summary>The shortest wall time between two raises of the drop alert.</summary>
    public static readonly TimeSpan DropAlertInterval = TimeSpan.FromSeconds(10);

    /// <summary>How often the learned baseline is written with a snapshot (it is also written when a run ends).</summary>
    private static readonly TimeSpan BaselineInterval = TimeSpan.FromMinutes(1);

    /// <summary>Built snapshots waiting for the store writer at most; beyond, the analysis thread waits (the store is that far behind).</summary>
    private const int MaxPendingSnapshots = 16;

    /// <summary>A once-a-second check (snapshot, counters, cuts) this long or longer is logged as a warning.</summary>
    private const long SlowCheckMs = 200;

    /// <summary>Alert PCAPs cut per snapshot at most (an alert storm is cut over the following seconds).</summary>
    private const int MaxPcapCutsPerSnapshot = 64;

    private readonly SensorServer _server;
    private readonly LiveCapture _capture;
    private readonly SensorLogging _logging;
    private readonly ILogger _log;
    private readonly Lock _reloadLock = new();
    private readonly Dictionary<int, long> _alertCounts = [];
    private readonly TrafficRing? _ring;
    private readonly Dictionary<int, int> _pcapEvidence = [];
    private long _ringBase;
    private long _ringFailuresAlerted;
    private long _lastRingAlertMs = long.MinValue;
    private long _alertPcaps;
    private readonly BlockingCollection<AnalysisSnapshot> _storeQueue = new(MaxPendingSnapshots);
    private Thread? _storeThread;
    private long _snapshotsQueued;
    private long _snapshotsDone;
    private long _snapshotsStored;
    private long _lastSnapshotMs;
    private string? _storeError;
    private SensorConfig _config;
    private SensorConfig? _pendingReload;
    private SensorHealthState _health;
    private CaptureAnalyzer? _analyzer;
    private SnapshotBuilder? _builder;
    private LiveCaptureStatistics _droppedAtLastAlert;
    private long _lastDropAlertMs = long.MinValue;
    private long _dropAlerts;
    private long _frameNumber;

    private SensorHost(SensorConfig config, SensorServer server, LiveCapture capture, TrafficRing? ring, SensorLogging logging, ILoggerFactory loggers)
    {
        _config = config;
        _server = server;
        _capture = capture;
        _ring = ring;
        _logging = logging;
        _log = loggers.CreateLogger("OtSensor.Sensor");
        _health = new SensorHealthState
        {
            CaptureState = "starting",
            Interfaces = capture.Statistics(),
            LearningWindow = config.LearningWindow,
            Ring = ring is null ? null : (0, 0, 0, null, 0, 0),
        };
    }

    /// <summary>The addresses the console and API listen on (after <see cref="Run"/> started them).</summary>
    public IReadOnlyList<Uri> Addresses => _server.Addresses;

    /// <summary>
    /// Called on the analysis thread after each snapshot (which also announces the device total and new alerts on the
    /// console's live stream) with the alerts that are new or counted up since the last call
    /// (and the analyzer they belong to, e.g. for <c>AlertsJsonWriter</c>): the forwarders' feed. Must not block long.
    /// </summary>
    public Action<CaptureAnalyzer, IReadOnlyList<Alert>>? AlertsUpdated { get; set; }

    /// <summary>The server options the sensor's configuration implies.</summary>
    internal static ServerOptions ServerOptionsOf(SensorConfig config, SensorLogging? logging, TextWriter? passwordOutput, Func<Utf8JsonWriter, bool>? health) => new()
    {
        StoreDirectory = config.Store,
        Urls = config.Urls,
        PlainHttp = config.PlainHttp,
        Learning = config.LearningWindow,
        PasswordOutput = passwordOutput,
        SnapshotInterval = config.SnapshotInterval,
        HealthDetails = health,
        ConfigureLogging = logging is null ? null : logging.Configure,
    };

    /// <summary>
    /// First start without capturing: creates the store, the user <c>admin</c> (password printed once on
    /// <paramref name="passwordOutput"/>) and the HTTPS certificate, then closes them. Does nothing new on a later call.
    /// </summary>
    /// <exception cref="ServerSetupException">The store or certificate cannot be made, or a listen URL is wrong.</exception>
    public static void Initialize(SensorConfig config, TextWriter passwordOutput)
    {
        ArgumentNullException.ThrowIfNull(config);
        var server = SensorServer.Create(ServerOptionsOf(config, null, passwordOutput, null));
        server.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    /// <summary>Opens the store (first start: admin and certificate) and the capture; nothing runs until <see cref="Run"/>.</summary>
    /// <exception cref="ServerSetupException">The store, the certificate or a listen URL.</exception>
    /// <exception cref="LiveCaptureException">An interface, the permissions or the filter (one line for the operator).</exception>
    public static SensorHost Create(SensorConfig config, SensorLogging logging, ILoggerFactory loggers, TextWriter? passwordOutput)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(logging);
        ArgumentNullException.ThrowIfNull(loggers);
        SensorHost? host = null;
        var server = SensorServer.Create(ServerOptionsOf(config, logging, passwordOutput, w => host?.WriteHealth(w) ?? true));
        LiveCapture capture;
        try
        {
            capture = LiveCapture.Open(new LiveCaptureOptions
            {
                Interfaces = config.Interfaces,
                Filter = config.Filter,
                SnapLength = config.SnapLength,
                KernelBufferBytes = config.BufferBytes,
                QueueBytes = config.QueueBytes,
                Promiscuous = config.Promiscuous,
            });
        }
        catch
        {
            server.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw;
        }
        TrafficRing? ring = null;
        if (config.Ring is { } ringConfig)
        {
            var directory = RingDirectory(config);
            try
            {
                var linkTypes = new ushort[capture.InterfaceNames.Count];
                for (int i = 0; i < linkTypes.Length; i++) linkTypes[i] = (ushort)capture.LinkTypeOf(i);
                ring = TrafficRing.Open(new TrafficRingOptions { Directory = directory, SegmentBytes = ringConfig.SegmentBytes, Segments = ringConfig.Segments }, linkTypes);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                capture.Dispose();
                server.DisposeAsync().AsTask().GetAwaiter().GetResult();
                throw new ServerSetupException($"ring: {directory}: {e.Message.ReplaceLineEndings(" ")}", e);
            }
        }
        host = new SensorHost(config, server, capture, ring, logging, loggers);
        if (ring is not null) SensorLog.RingOpened(host._log, ring.Directory, config.Ring!.Segments, config.Ring.SegmentBytes >> 20);
        return host;
    }

    /// <summary>
    /// Takes a re-read configuration (SIGHUP): the log level at once, the learning window at the analysis thread's next
    /// check (a new analysis run); returns the changed keys that only a restart applies (logged as well).
    /// </summary>
    public IReadOnlyList<string> Reload(SensorConfig next)
    {
        ArgumentNullException.ThrowIfNull(next);
        IReadOnlyList<string> restart;
        lock (_reloadLock)
        {
            restart = _config.NeedsRestart(next);
            _pendingReload = next;
        }
        _logging.Minimum = next.LogLevel;
        SensorLog.Reloaded(_log, next.LogLevel, (long)next.LearningWindow.TotalSeconds, restart.Count == 0 ? "nothing" : string.Join(", ", restart));
        return restart;
    }

    /// <summary>
    /// Serves and captures until <paramref name="stop"/>, then shuts down cleanly (see the remarks). Returns 0, or 1 when the
    /// capture failed (an interface went away), so that systemd restarts the service.
    /// </summary>
    /// <exception cref="ServerSetupException">The server cannot listen.</exception>
    public int Run(CancellationToken stop)
    {
        _server.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        foreach (var address in _server.Addresses)
            SensorLog.Serving(_log, address, Path.GetFullPath(_config.Store));
        _storeThread = new Thread(StoreLoop) { Name = "otsensor store writer", IsBackground = true };
        _storeThread.Start();
        StartRun(_config);
        _capture.Start();
        SensorLog.Capturing(_log, string.Join(", ", _capture.InterfaceNames), _config.Filter ?? "");
        var wall = Stopwatch.StartNew();
        long nextCheck = (long)_config.SnapshotInterval.TotalMilliseconds;
        long lastBaseline = 0;
        bool failed = false;
        var idle = stop.WaitHandle;
        while (!stop.IsCancellationRequested)
        {
            int read = DrainBatch(4096);
            long now = wall.ElapsedMilliseconds;
            if (now >= nextCheck)
            {
                bool baseline = now - lastBaseline >= BaselineInterval.TotalMilliseconds;
                if (baseline) lastBaseline = now;
                Check(now, "running", baseline);
                long took = wall.ElapsedMilliseconds - now;
                // The queues hold the traffic meanwhile; a long check is what overruns them at high rates.
                if (took >= SlowCheckMs) SensorLog.SlowCheck(_log, took, _snapshotsQueued - Volatile.Read(ref _snapshotsDone), baseline);
                nextCheck = now + (long)_config.SnapshotInterval.TotalMilliseconds;
            }
            if (read == 0)
            {
                if (!_capture.Running)
                {
                    failed = true;
                    break;
                }
                idle.WaitOne(1);
            }
        }
        Publish("stopping", null);
        SensorLog.Stopping(_log);
        _capture.Stop();
        while (DrainBatch(4096) > 0)
        {
        }
        Check(wall.ElapsedMilliseconds, failed ? "failed" : "stopping", baseline: false);
        FinishRun();
        foreach (var s in _capture.Statistics())
            SensorLog.Counters(_log, s.Interface, s.Received, s.DroppedByKernel, s.DroppedByInterface, s.DroppedByQueue);
        if (failed)
        {
            SensorLog.CaptureFailed(_log, _capture.Error ?? "the capture threads ended");
            Publish("failed", _capture.Error ?? "the capture threads ended");
        }
        else
        {
            Publish("stopped", null);
        }
        _server.StopAsync().GetAwaiter().GetResult();
        SensorLog.Stopped(_log);
        return failed ? 1 : 0;
    }

    /// <summary>The ring's folder: <see cref="SensorRingConfig.Directory"/>, inside the store when relative.</summary>
    internal static string RingDirectory(SensorConfig config)
        => Path.GetFullPath(Path.Combine(config.Store, config.Ring?.Directory ?? "ring"));

    public async ValueTask DisposeAsync()
    {
        _storeQueue.CompleteAdding();
        _storeThread?.Join();
        _storeQueue.Dispose();
        _ring?.Dispose();
        _analyzer?.Dispose();
        _analyzer = null;
        _capture.Dispose();
        await _server.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Up to <paramref name="max"/> frames into the pipeline (own method so the JIT optimises the loop, as in LiveCaptureRunner).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int DrainBatch(int max)
    {
        var pipeline = _analyzer!.Pipeline;
        var ring = _ring;
        int frames = 0;
        while (frames < max && _capture.TryRead(out var frame))
        {
            pipeline.ProcessFrame(frame.Data, frame.LinkType, frame.Timestamp, ++_frameNumber);
            ring?.Append(frame.Data, frame.InterfaceIndex, frame.Timestamp, frame.OriginalLength);
            _capture.Release();
            frames++;
        }
        return frames;
    }

    /// <summary>Starts an analysis run with the stored baseline and <paramref name="config"/>'s learning window.</summary>
    private void StartRun(SensorConfig config)
    {
        var store = _server.Store;
        new LearningSettings(config.LearningWindow > TimeSpan.Zero,
            (long)(config.LearningWindow > TimeSpan.Zero ? config.LearningWindow : TimeSpan.FromSeconds(LearningSettings.DefaultWindowSeconds)).TotalSeconds).Save(store);
        Baseline? baseline = null;
        if (store.LoadBaseline() is { } stored)
        {
            try
            {
                using var stream = new MemoryStream(Encoding.UTF8.GetBytes(stored));
                baseline = BaselineFile.Read(stream, "stored baseline");
            }
            catch (FormatException e)
            {
                SensorLog.BaselineUnreadable(_log, e.Message);
            }
        }
        var detection = new DetectionOptions
        {
            Baseline = baseline,
            Learning = config.LearningWindow,
            NewcomerLearning = config.LearningWindow > TimeSpan.Zero ? config.LearningWindow : DetectionOptions.DefaultLearning,
        };
        _analyzer = new CaptureAnalyzer(new EngineOptions { Detection = detection }, new EventLogWriter(null, null));
        long runId = store.BeginRun(null);
        _builder = new SnapshotBuilder(runId, SubnetPlan.LearnedOnly());
        _alertCounts.Clear();
        _frameNumber = 0;
        // Frame n of this run is ring frame _ringBase + n: every analysed frame is appended, none skipped.
        _ringBase = _ring?.Sequence ?? 0;
        _pcapEvidence.Clear();
        SensorLog.RunStarted(_log, runId, (long)config.LearningWindow.TotalSeconds, baseline is null ? "none" : "from the store");
    }

    /// <summary>Completes the run: open flows flushed, final snapshot with the learned baseline, run marked finished.</summary>
    private void FinishRun()
    {
        var analyzer = _analyzer!;
        analyzer.Pipeline.Complete();
        string? learned = null;
        if (analyzer.Detection is { } engine)
        {
            engine.ExportMuted();
            learned = BaselineText(engine.Baseline);
        }
        WriteSnapshot(learned);
        WaitForStore();
        try
        {
            _server.Store.FinishRun(_builder!.RunId);
        }
        catch (Microsoft.Data.Sqlite.SqliteException e)
        {
            SensorLog.StoreFailed(_log, e.Message);
        }
        analyzer.Dispose();
        _analyzer = null;
    }

    /// <summary>The once-a-second work on the analysis thread: counters, drop alert, reload, snapshot, forwarding feed.</summary>
    private void Check(long nowMs, string state, bool baseline)
    {
        var statistics = _capture.Statistics();
        CheckDrops(statistics, nowMs);
        // At most a second of traffic waits in the ring's buffer (a partial buffer: one write a second at low rates).
        _ring?.Flush();
        CheckRing(nowMs);
        SensorConfig? reload;
        lock (_reloadLock)
        {
            reload = _pendingReload;
            _pendingReload = null;
        }
        if (reload is not null)
        {
            var previous = _config;
            lock (_reloadLock)
            {
                // Only what applies live is taken; the rest stays as started until a restart.
                _config = previous with { LearningWindow = reload.LearningWindow, LogLevel = reload.LogLevel, Forwarding = reload.Forwarding };
            }
            if (reload.LearningWindow != previous.LearningWindow)
            {
                SensorLog.LearningChanged(_log, (long)previous.LearningWindow.TotalSeconds, (long)reload.LearningWindow.TotalSeconds);
                FinishRun();
                StartRun(_config);
            }
        }
        string? learned = null;
        if (baseline && _analyzer!.Detection is { } engine)
        {
            engine.ExportMuted();
            learned = BaselineText(engine.Baseline);
        }
        WriteSnapshot(learned);
        Publish(state, null, statistics);
    }

    /// <summary>Raises the drop alert when anything was lost since the last raise, at most once per <see cref="DropAlertInterval"/>.</summary>
    private void CheckDrops(LiveCaptureStatistics[] statistics, long nowMs)
    {
        var total = LiveCapture.Total(statistics);
        if (total.Dropped <= _droppedAtLastAlert.Dropped) return;
        if (_lastDropAlertMs != long.MinValue && nowMs - _lastDropAlertMs < DropAlertInterval.TotalMilliseconds) return;
        var before = _droppedAtLastAlert;
        _droppedAtLastAlert = total;
        _lastDropAlertMs = nowMs;
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{total.DroppedByKernel - before.DroppedByKernel} dropped by the kernel, {total.DroppedByInterface - before.DroppedByInterface} by the interface, {total.DroppedByQueue - before.DroppedByQueue} by the sensor's queue on {string.Join(", ", _capture.InterfaceNames)} (since start: {total.Dropped} of {total.KernelReceived})");
        SensorLog.Drops(_log, text);
        if (_analyzer?.Detection is not { } detection || !detection.Alerts.Catalogue.TryGet("sensor-capture-drops", out var type)) return;
        var now = new Timestamp(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000);
        if (detection.Alerts.Raise(type!.Index, now, default, default, 0, 0, default, AlertArguments.None with { Value = text }) is not null)
            _dropAlerts++;
    }

    /// <summary>Logs and alerts new ring write errors, at most once per <see cref="DropAlertInterval"/>.</summary>
    private void CheckRing(long nowMs)
    {
        if (_ring is null) return;
        long failures = _ring.Failures;
        if (failures <= _ringFailuresAlerted) return;
        if (_lastRingAlertMs != long.MinValue && nowMs - _lastRingAlertMs < DropAlertInterval.TotalMilliseconds) return;
        _ringFailuresAlerted = failures;
        _lastRingAlertMs = nowMs;
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{_ring.LastError} ({failures} write errors, {_ring.FramesLost} frames not written to {_ring.Directory} since start)");
        SensorLog.RingFailed(_log, text);
        if (_analyzer?.Detection is not { } detection || !detection.Alerts.Catalogue.TryGet("sensor-ring-write-failed", out var type)) return;
        var now = new Timestamp(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000);
        detection.Alerts.Raise(type!.Index, now, default, default, 0, 0, default, AlertArguments.None with { Value = text });
    }

    /// <summary>
    /// Cuts the PCAPs of the alerts whose evidence grew since their last cut (at most <see cref="MaxPcapCutsPerSnapshot"/>);
    /// returns their store-relative paths by alert id for the snapshot, or null when none was cut.
    /// </summary>
    private Dictionary<int, string>? CutAlertPcaps(CaptureAnalyzer analyzer)
    {
        if (_ring is null || analyzer.Detection is not { } detection) return null;
        List<TrafficRingCut>? cuts = null;
        List<(int Id, int Evidence)>? cut = null;
        long oldest = _ring.OldestSequence;
        var relativeFolder = Path.Combine("alerts", _builder!.RunId.ToString(CultureInfo.InvariantCulture));
        var folder = Path.Combine(_config.Store, relativeFolder);
        foreach (var alert in detection.Alerts.Alerts)
        {
            int count = alert.EvidenceCount;
            if (count == 0 || _pcapEvidence.GetValueOrDefault(alert.Id) >= count) continue;
            var evidence = alert.Evidence;
            if (_ringBase + evidence[0].Frame < oldest)
            {
                // Rolled out of the ring: a new cut would hold less than the one already made (if any).
                _pcapEvidence[alert.Id] = count;
                continue;
            }
            var sequences = new long[count];
            for (int i = 0; i < count; i++) sequences[i] = _ringBase + evidence[i].Frame;
            (cuts ??= []).Add(new TrafficRingCut(Path.Combine(folder, alert.Id.ToString(CultureInfo.InvariantCulture) + ".pcap"), sequences));
            (cut ??= []).Add((alert.Id, count));
            if (cuts.Count == MaxPcapCutsPerSnapshot) break;
        }
        if (cuts is null) return null;
        int[] written;
        try
        {
            Directory.CreateDirectory(folder);
            written = _ring.WritePcaps(cuts);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            SensorLog.AlertPcapFailed(_log, e.Message.ReplaceLineEndings(" "));
            return null;
        }
        var paths = new Dictionary<int, string>();
        for (int i = 0; i < cut!.Count; i++)
        {
            _pcapEvidence[cut[i].Id] = cut[i].Evidence;
            if (written[i] == 0) continue;
            paths[cut[i].Id] = Path.Combine(relativeFolder, cut[i].Id.ToString(CultureInfo.InvariantCulture) + ".pcap");
            _alertPcaps++;
        }
        return paths;
    }

    private void WriteSnapshot(string? baseline)
    {
        var analyzer = _analyzer!;
        var pcaps = CutAlertPcaps(analyzer);
        // Built here (the analyzer's state is this thread's), written by the store writer.
        _storeQueue.Add(_builder!.Build(analyzer, pcaps, baseline));
        _snapshotsQueued++;
        var hub = _server.Hub;
        long devices = analyzer.Inventory.Devices.Count;
        hub.Publish("devices", w =>
        {
            w.WriteStartObject();
            w.WriteNumber("total", devices);
            w.WriteEndObject();
        });
        if (analyzer.Detection is not { } detection) return;
        var changed = new List<Alert>();
        foreach (var alert in detection.Alerts.Alerts)
        {
            bool known = _alertCounts.TryGetValue(alert.Id, out long count);
            if (known && count == alert.Count) continue;
            _alertCounts[alert.Id] = alert.Count;
            changed.Add(alert);
            if (!known) PublishAlert(hub, alert);
        }
        if (changed.Count > 0) AlertsUpdated?.Invoke(analyzer, changed);
    }

    /// <summary>The store writer thread: each snapshot in one durable transaction, in the order built.</summary>
    private void StoreLoop()
    {
        foreach (var snapshot in _storeQueue.GetConsumingEnumerable())
        {
            try
            {
                _server.Store.WriteSnapshot(snapshot);
                Volatile.Write(ref _storeError, null);
                Volatile.Write(ref _lastSnapshotMs, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
                Interlocked.Increment(ref _snapshotsStored);
            }
            catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or IOException)
            {
                SensorLog.StoreFailed(_log, e.Message);
                Volatile.Write(ref _storeError, e.Message.ReplaceLineEndings(" "));
            }
            Interlocked.Increment(ref _snapshotsDone);
        }
    }

    /// <summary>Waits until the store writer has written every snapshot built so far (a run's end: its final snapshot goes in first).</summary>
    private void WaitForStore()
    {
        while (Volatile.Read(ref _snapshotsDone) < _snapshotsQueued && _storeThread is { IsAlive: true })
            Thread.Sleep(1);
    }

    /// <summary>A new alert on the console's live stream, as the capture player announces them.</summary>
    private static void PublishAlert(LiveHub hub, Alert alert)
        => hub.Publish("alert", w =>
        {
            w.WriteStartObject();
            w.WriteNumber("id", alert.Id);
            w.WriteString("title", alert.Type.Title);
            w.WriteString("severity", AlertNames.Severity(alert.Type.Severity));
            w.WriteString("engine", AlertNames.Engine(alert.Type.Engine));
            w.WriteEndObject();
        });

    private void Publish(string state, string? error, LiveCaptureStatistics[]? statistics = null)
    {
        var analyzer = _analyzer;
        var learningEnds = analyzer?.Detection?.LearningEnds;
        var next = _health with
        {
            CaptureState = state,
            CaptureError = error,
            Interfaces = statistics ?? _capture.Statistics(),
            DropAlerts = _dropAlerts,
            LearningWindow = _config.LearningWindow,
            Snapshots = Volatile.Read(ref _snapshotsStored),
            LastSnapshot = Volatile.Read(ref _lastSnapshotMs) is > 0 and var last ? DateTimeOffset.FromUnixTimeMilliseconds(last) : null,
            StoreError = Volatile.Read(ref _storeError),
            Ring = _ring is null ? null : (_ring.FramesWritten, _ring.FramesLost, _ring.Failures, _ring.LastError, _ring.SegmentCount, _alertPcaps),
        };
        if (analyzer is not null)
        {
            next = next with
            {
                RunId = _builder!.RunId,
                Frames = analyzer.Pipeline.Frames,
                Devices = analyzer.Inventory.Devices.Count,
                Alerts = analyzer.Detection?.Alerts.Alerts.Count ?? 0,
                LearningEnds = learningEnds is { } end && end.UnixNanoseconds < long.MaxValue / 2
                    ? DateTimeOffset.FromUnixTimeMilliseconds(end.UnixNanoseconds / 1_000_000) : null,
            };
        }
        Volatile.Write(ref _health, next);
    }

    /// <summary>The sensor's part of <c>/health</c>; false (status degraded) when the capture failed or the store cannot be written.</summary>
    private bool WriteHealth(Utf8JsonWriter w)
    {
        var h = Volatile.Read(ref _health);
        w.WriteStartObject("capture");
        w.WriteString("state", h.CaptureState);
        if (h.CaptureError is not null) w.WriteString("error", h.CaptureError);
        w.WriteStartArray("interfaces");
        foreach (var s in h.Interfaces) WriteCounters(w, s);
        w.WriteEndArray();
        w.WritePropertyName("total");
        WriteCounters(w, LiveCapture.Total(h.Interfaces));
        w.WriteNumber("dropAlerts", h.DropAlerts);
        if (h.Ring is { } ring)
        {
            w.WriteStartObject("ring");
            w.WriteNumber("framesWritten", ring.Written);
            w.WriteNumber("framesLost", ring.Lost);
            w.WriteNumber("writeErrors", ring.Failures);
            if (ring.Error is not null) w.WriteString("error", ring.Error);
            w.WriteNumber("segments", ring.Segments);
            w.WriteNumber("alertPcaps", ring.AlertPcaps);
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteStartObject("analysis");
        w.WriteNumber("runId", h.RunId);
        w.WriteNumber("frames", h.Frames);
        w.WriteNumber("devices", h.Devices);
        w.WriteNumber("alerts", h.Alerts);
        w.WriteNumber("learningWindowSeconds", (long)h.LearningWindow.TotalSeconds);
        if (h.LearningEnds is { } ends) w.WriteNumber("learningEnds", ends.ToUnixTimeMilliseconds());
        w.WriteEndObject();
        w.WriteStartObject("storeState");
        w.WriteString("path", Path.GetFullPath(_config.Store));
        w.WriteNumber("snapshots", h.Snapshots);
        if (h.LastSnapshot is { } last) w.WriteNumber("lastSnapshot", last.ToUnixTimeMilliseconds());
        if (h.StoreError is not null) w.WriteString("error", h.StoreError);
        w.WriteEndObject();
        return h.CaptureState != "failed" && h.StoreError is null;
    }

    private static void WriteCounters(Utf8JsonWriter w, LiveCaptureStatistics s)
    {
        w.WriteStartObject();
        w.WriteString("interface", s.Interface);
        w.WriteNumber("kernelReceived", s.KernelReceived);
        w.WriteNumber("received", s.Received);
        w.WriteNumber("droppedByKernel", s.DroppedByKernel);
        w.WriteNumber("droppedByInterface", s.DroppedByInterface);
        w.WriteNumber("droppedByUs", s.DroppedByQueue);
        w.WriteNumber("delivered", s.Delivered);
        w.WriteNumber("bytes", s.Bytes);
        w.WriteEndObject();
    }

    private static string BaselineText(Baseline baseline)
    {
        using var buffer = new MemoryStream();
        BaselineFile.Write(buffer, baseline);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
