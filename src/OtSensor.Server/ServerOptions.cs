namespace OtSensor.Server;

/// <summary>How <c>otsensor serve</c> runs: where the store is, where it listens, and its limits.</summary>
public sealed record ServerOptions
{
    /// <summary>Folder of the store (otsensor.db, uploaded captures, alert PCAPs, reports, the HTTPS certificate).</summary>
    public string StoreDirectory { get; init; } = "otsensor-data";

    /// <summary>Listen addresses as URLs (<c>https://0.0.0.0:8443</c>); port 0 picks a free port.</summary>
    public IReadOnlyList<string> Urls { get; init; } = ["https://0.0.0.0:8443"];

    /// <summary>Plain HTTP (no TLS): allowed only when every URL is a loopback address.</summary>
    public bool PlainHttp { get; init; }

    /// <summary>Learning at start (sets the stored setting when not null; a window in capture time, zero = off).</summary>
    public TimeSpan? Learning { get; init; }

    /// <summary>Largest capture upload accepted.</summary>
    public long MaxUploadBytes { get; init; } = 2L << 30;

    /// <summary>Captures to upload and play at start.</summary>
    public IReadOnlyList<string> Captures { get; init; } = [];

    /// <summary>Where the first administrator's generated password is printed (once, when the store is created).</summary>
    public TextWriter? PasswordOutput { get; init; }

    /// <summary>How long a console session lasts.</summary>
    public TimeSpan SessionLifetime { get; init; } = TimeSpan.FromHours(12);

    /// <summary>Wall time between two snapshots of a playing capture to the store.</summary>
    public TimeSpan SnapshotInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The forwarders' send loops (backoff); tests shorten it.</summary>
    internal OtSensor.Outputs.Forwarding.ForwarderOptions ForwarderOptions { get; init; } = new() { MaxBackoff = TimeSpan.FromSeconds(30) };

    /// <summary>Replay speed limit in packets per second (null: as fast as the analysis goes), to watch a capture play.</summary>
    public int? ReplayPacketsPerSecond { get; init; }

    /// <summary>
    /// Adds to <c>GET /health</c>: writes extra properties into its object (e.g. the live capture's counters) and returns
    /// false when what it reports is unhealthy (the status becomes <c>degraded</c>, 503). Called on request threads.
    /// </summary>
    public Func<System.Text.Json.Utf8JsonWriter, bool>? HealthDetails { get; init; }

    /// <summary>Replaces the web host's default logging (warnings as single lines on stderr), e.g. with JSON lines.</summary>
    public Action<Microsoft.Extensions.Logging.ILoggingBuilder>? ConfigureLogging { get; init; }
}
