using System.Security.Cryptography.X509Certificates;
using Azure.Messaging.EventHubs;
using OtSensor.Outputs.Forwarding.EventHubs;
using OtSensor.Outputs.Forwarding.Syslog;

namespace OtSensor.Outputs.Forwarding;

/// <summary>
/// Parses <c>--forward</c> / <c>--to</c> values into senders:
/// <c>eventhubs:&lt;connection string&gt;</c>, <c>eventhubs:env:VAR</c>,
/// <c>syslog:udp://host[:514]</c>, <c>syslog:tcp://host[:601]</c>, <c>syslog:tls://host[:6514]</c>, with query options
/// <c>format=cef|cef-3164|rfc5424</c> (CEF in an RFC 5424 or RFC 3164 header, or plain RFC 5424; <c>5424</c> and <c>3164</c> are kept as aliases) and, for TLS, <c>ca=&lt;PEM file&gt;</c> (trust this CA too) or <c>pin=&lt;SHA-256 hex&gt;</c>.
/// </summary>
public static class ForwardTargets
{
    /// <summary>A sender for the spec, or null and a one-line reason (never echoing a secret).</summary>
    public static IAlertSender? TryCreate(string spec, out string? error, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        error = null;
        if (spec.StartsWith("eventhubs:", StringComparison.OrdinalIgnoreCase)) return EventHubs(spec["eventhubs:".Length..], environment, out error);
        if (spec.StartsWith("syslog:", StringComparison.OrdinalIgnoreCase)) return Syslog(spec["syslog:".Length..], out error);
        error = $"'{Shorten(spec)}' is not a target: use eventhubs:<connection-string>|eventhubs:env:VAR or syslog:udp|tcp|tls://host:port";
        return null;
    }

    private static EventHubsSender? EventHubs(string value, Func<string, string?> environment, out string? error)
    {
        error = null;
        if (value.StartsWith("env:", StringComparison.Ordinal))
        {
            var name = value[4..];
            value = environment(name) ?? "";
            if (value.Length == 0)
            {
                error = $"eventhubs: environment variable {name} is not set";
                return null;
            }
        }
        try
        {
            var properties = EventHubsConnectionStringProperties.Parse(value);
            if (string.IsNullOrEmpty(properties.EventHubName))
            {
                error = "eventhubs: the connection string names no event hub (add EntityPath=<hub>)";
                return null;
            }
            return new EventHubsSender(value);
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            error = "eventhubs: not a valid Event Hubs connection string (Endpoint=sb://...;SharedAccessKeyName=...;SharedAccessKey=...;EntityPath=...)";
            return null;
        }
    }

    /// <summary>Parses a syslog URI into a target; null and the reason when bad.</summary>
    public static SyslogTarget? ParseSyslog(string value, out string? error)
    {
        error = null;
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            error = $"syslog: '{value}' is not udp://host:port, tcp://host:port or tls://host:port";
            return null;
        }
        SyslogTransport transport;
        int defaultPort;
        switch (uri.Scheme)
        {
            case "udp": transport = SyslogTransport.Udp; defaultPort = 514; break;
            case "tcp": transport = SyslogTransport.Tcp; defaultPort = 601; break;
            case "tls": transport = SyslogTransport.Tls; defaultPort = 6514; break;
            default:
                error = $"syslog: transport '{uri.Scheme}' is not udp, tcp or tls";
                return null;
        }
        var framing = SyslogFraming.Rfc5424;
        var format = SyslogFormat.Cef;
        X509Certificate2? ca = null;
        string? pin = null;
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            var key = kv[0];
            var v = kv.Length > 1 ? Uri.UnescapeDataString(kv[1]) : "";
            switch (key)
            {
                case "format" when v is "5424" or "3164" or "cef" or "cef-3164" or "rfc5424":
                    framing = v is "3164" or "cef-3164" ? SyslogFraming.Rfc3164 : SyslogFraming.Rfc5424;
                    format = v == "rfc5424" ? SyslogFormat.Rfc5424 : SyslogFormat.Cef;
                    break;
                case "ca" when transport == SyslogTransport.Tls:
                    try
                    {
                        ca = X509Certificate2.CreateFromPem(File.ReadAllText(v));
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
                    {
                        error = $"syslog: cannot read CA certificate '{v}': {e.Message}";
                        return null;
                    }
                    break;
                case "pin" when transport == SyslogTransport.Tls && v.Replace(":", "", StringComparison.Ordinal).Length == 64:
                    pin = v;
                    break;
                default:
                    error = $"syslog: unknown or misplaced option '{key}' (format=cef|cef-3164|rfc5424; for tls: ca=<pem>, pin=<sha256 hex>)";
                    return null;
            }
        }
        return new SyslogTarget
        {
            Transport = transport,
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port <= 0 ? defaultPort : uri.Port,
            Framing = framing,
            Format = format,
            TrustedCa = ca,
            PinnedThumbprint = pin,
        };
    }

    private static SyslogSender? Syslog(string value, out string? error)
    {
        var target = ParseSyslog(value, out error);
        return target is null ? null : new SyslogSender(target, typeof(ForwardTargets).Assembly.GetName().Version?.ToString(3) ?? "1.0");
    }

    private static string Shorten(string spec) => spec.Length > 40 ? spec[..40] + "..." : spec;
}
