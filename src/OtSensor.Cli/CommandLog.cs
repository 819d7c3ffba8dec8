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

    [LoggerMessage(1203, LogLevel.Warning, "{Config}: the forwarding section is in the earlier format (targets as --to strings, minSeverity/engines/protocols at the top): still read; the current format is that of forwarding.example.json (forward --config)")]
    public static partial void LegacyForwarding(ILogger logger, string config);
}
