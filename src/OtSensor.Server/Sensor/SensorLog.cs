using Microsoft.Extensions.Logging;

namespace OtSensor.Server.Sensor;

/// <summary>The sensor's log lines (source-generated: no formatting work when the level is off). Event ids 1100-1199.</summary>
internal static partial class SensorLog
{
    [LoggerMessage(1100, LogLevel.Information, "serving the console and API on {Address} (store {Store})")]
    public static partial void Serving(ILogger logger, Uri address, string store);

    [LoggerMessage(1101, LogLevel.Information, "capturing on {Interfaces} with filter '{Filter}'")]
    public static partial void Capturing(ILogger logger, string interfaces, string filter);

    [LoggerMessage(1102, LogLevel.Information, "configuration reloaded: log level {LogLevel}, learning window {LearningWindowSeconds} s; needs a restart to apply: {Restart}")]
    public static partial void Reloaded(ILogger logger, LogLevel logLevel, long learningWindowSeconds, string restart);

    [LoggerMessage(1103, LogLevel.Information, "analysis run {RunId} started: learning window {LearningWindowSeconds} s, baseline {Baseline}")]
    public static partial void RunStarted(ILogger logger, long runId, long learningWindowSeconds, string baseline);

    [LoggerMessage(1104, LogLevel.Information, "learning window changed from {Old} s to {New} s: finishing this analysis run and starting a new one")]
    public static partial void LearningChanged(ILogger logger, long old, long @new);

    [LoggerMessage(1105, LogLevel.Warning, "capture drops: {Drops}")]
    public static partial void Drops(ILogger logger, string drops);

    [LoggerMessage(1106, LogLevel.Information, "stopping: draining the capture queues")]
    public static partial void Stopping(ILogger logger);

    [LoggerMessage(1107, LogLevel.Information, "capture counters {Interface}: received {Received}, dropped by kernel {DroppedByKernel}, by interface {DroppedByInterface}, by us {DroppedByQueue}")]
    public static partial void Counters(ILogger logger, string @interface, long received, long droppedByKernel, long droppedByInterface, long droppedByQueue);

    [LoggerMessage(1108, LogLevel.Error, "capture stopped: {Error}")]
    public static partial void CaptureFailed(ILogger logger, string error);

    [LoggerMessage(1109, LogLevel.Information, "stopped: final snapshot written")]
    public static partial void Stopped(ILogger logger);

    [LoggerMessage(1110, LogLevel.Error, "cannot write to the store: {Error}")]
    public static partial void StoreFailed(ILogger logger, string error);

    [LoggerMessage(1111, LogLevel.Warning, "the stored baseline is unreadable, starting without it: {Error}")]
    public static partial void BaselineUnreadable(ILogger logger, string error);

    [LoggerMessage(1112, LogLevel.Information, "traffic ring in {Directory}: {Segments} segments of {SegmentMb} MiB")]
    public static partial void RingOpened(ILogger logger, string directory, int segments, long segmentMb);

    [LoggerMessage(1113, LogLevel.Warning, "traffic ring: {Error}; capture and analysis go on, alert PCAPs lack the frames not written")]
    public static partial void RingFailed(ILogger logger, string error);

    [LoggerMessage(1114, LogLevel.Error, "cannot write an alert PCAP: {Error}")]
    public static partial void AlertPcapFailed(ILogger logger, string error);

    [LoggerMessage(1115, LogLevel.Warning, "the analysis thread spent {Milliseconds} ms on the snapshot ({Waiting} snapshots waiting for the store, baseline: {Baseline}); the capture queues held the traffic meanwhile")]
    public static partial void SlowCheck(ILogger logger, long milliseconds, long waiting, bool baseline);
}
