using Microsoft.Extensions.Logging;

namespace OtSensor.Cli;

/// <summary>Log lines of <c>otsensor sensor</c>'s command layer (forwarding, reload). Event ids 1200-1299.</summary>
internal static partial class CommandLog
{
    [LoggerMessage(1200, LogLevel.Error, "reload refused, the running configuration is kept: {Error}")]
    public static partial void ReloadRefused(ILogger logger, string error);

    [LoggerMessage(1201, LogLevel.Information, "forwarding to {Targets}")]
    public static partial void Forwarding(ILogger logger, string targets);

    [LoggerMessage(1202, LogLevel.Information, "forwarders flushed: {Outcome}")]
    public static partial void Flushed(ILogger logger, string outcome);
}
