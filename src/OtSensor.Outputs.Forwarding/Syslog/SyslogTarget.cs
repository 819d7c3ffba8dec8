using System.Security.Cryptography.X509Certificates;

namespace OtSensor.Outputs.Forwarding.Syslog;

/// <summary>Where and how to send syslog.</summary>
public sealed class SyslogTarget
{
    public required SyslogTransport Transport { get; init; }
    public required string Host { get; init; }
    public required int Port { get; init; }
    /// <summary>CEF (header per <see cref="Framing"/>) or plain RFC 5424 structured data.</summary>
    public SyslogFormat Format { get; init; } = SyslogFormat.Cef;
    public SyslogFraming Framing { get; init; } = SyslogFraming.Rfc5424;
    /// <summary>Name the sensor gives itself in the syslog header.</summary>
    public string Hostname { get; init; } = Environment.MachineName;
    /// <summary>Extra CA the server certificate may chain to (a private or test CA); the system store is used too.</summary>
    public X509Certificate2? TrustedCa { get; init; }
    /// <summary>SHA-256 thumbprint (hex) the server certificate must have: pins it, whatever its chain.</summary>
    public string? PinnedThumbprint { get; init; }
    /// <summary>UDP payloads are cut to this many bytes (at a UTF-8 boundary): RFC 5426 §3.2 asks senders to stay small.</summary>
    public int MaxDatagram { get; init; } = 8192;

    /// <summary>The display name and outbox delivery key (a plain RFC 5424 target is a different key than CEF to the same server).</summary>
    public override string ToString() => $"syslog:{Transport.ToString().ToLowerInvariant()}://{Host}:{Port}{(Format == SyslogFormat.Rfc5424 ? "?format=rfc5424" : "")}";
}
