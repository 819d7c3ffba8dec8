using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace OtSensor.Server.Sensor;

/// <summary>
/// Structured logs of <c>otsensor sensor</c>: one JSON object per line on stdout (Microsoft.Extensions.Logging's JSON
/// console formatter, UTC timestamps), for the journal and any log shipper. The level changes live on reload.
/// </summary>
public sealed class SensorLogging
{
    private volatile int _minimum;

    public SensorLogging(LogLevel minimum) => _minimum = (int)minimum;

    /// <summary>The least severe level written; read on every log call, so a reload applies at once.</summary>
    public LogLevel Minimum
    {
        get => (LogLevel)_minimum;
        set => _minimum = (int)value;
    }

    /// <summary>Sets up <paramref name="builder"/> (the sensor's own factory and the web host's) the same way.</summary>
    public void Configure(ILoggingBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ClearProviders();
        builder.SetMinimumLevel(LogLevel.Trace);
        // ASP.NET Core's per-request information lines would drown the sensor's own; its warnings and errors still come.
        builder.AddFilter((category, level) => level >= Minimum
            && (level >= LogLevel.Warning || category is null || !category.StartsWith("Microsoft.", StringComparison.Ordinal)));
        builder.AddJsonConsole(o =>
        {
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
            o.IncludeScopes = false;
            o.JsonWriterOptions = new JsonWriterOptions { Indented = false };
        });
        builder.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.None);
    }

    /// <summary>A factory for the sensor's own categories; dispose it last so queued lines are written.</summary>
    public ILoggerFactory CreateFactory() => LoggerFactory.Create(Configure);
}
