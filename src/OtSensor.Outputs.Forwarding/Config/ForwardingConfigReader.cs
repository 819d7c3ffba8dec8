using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Azure.Messaging.EventHubs;
using OtSensor.Outputs.Forwarding.EventHubs;
using OtSensor.Outputs.Forwarding.Outbox;
using OtSensor.Outputs.Forwarding.Syslog;

namespace OtSensor.Outputs.Forwarding.Config;

/// <summary>
/// Reads and validates a forwarding configuration (JSON): every key is checked, unknown keys are errors, and the first
/// problem stops the load with one line naming the key (<see cref="ForwardingConfigException"/>). Secrets are the value
/// itself or <c>env:NAME</c>; no message ever holds a secret's value.
/// </summary>
/// <remarks>
/// <para>The file's root is the section; a root that has a <c>forwarding</c> key (a sensor's whole configuration) is read
/// from that key. <see cref="Parse"/> takes the section as a <see cref="JsonElement"/> for a host that embeds it.</para>
/// <para>Relative paths (outbox, CA, certificate, token file) are taken from <c>baseDirectory</c>, the file's folder.</para>
/// </remarks>
public static class ForwardingConfigReader
{
    private static readonly string[] RootKeys = ["$schema", "sensor", "outbox", "rules", "records", "targets"];
    private static readonly string[] OutboxKeys = ["path", "maxPending", "overflow", "retention", "maxAttempts"];
    private static readonly string[] RuleKeys = ["minSeverity", "engines", "protocols"];
    private static readonly string[] RecordKeys = ["alerts", "deviceChanges", "events"];
    private static readonly string[] EventHubsKeys = ["type", "connectionString", "namespace", "hub", "auth", "endpoint"];
    private static readonly string[] SyslogKeys = ["type", "url", "format", "ca", "pin", "hostname"];
    private static readonly string[] AuthKeys = ["mode", "tenantId", "clientId", "clientSecret", "certificate", "certificatePassword", "tokenFile", "authorityHost"];

    /// <summary>Loads a file; null and a one-line reason (starting with the file name) when it cannot be used.</summary>
    public static ForwardingConfig? TryLoad(string path, out string? error, Func<string, string?>? environment = null)
    {
        try
        {
            error = null;
            return Load(path, environment);
        }
        catch (ForwardingConfigException e)
        {
            error = $"{path}: {e.Message}";
            return null;
        }
    }

    /// <exception cref="ForwardingConfigException">The file is missing, not JSON, or a key is wrong.</exception>
    public static ForwardingConfig Load(string path, Func<string, string?>? environment = null)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ForwardingConfigException($"cannot read: {e.Message}", e);
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            // The parser's message gives line and position, never more of the text.
            throw new ForwardingConfigException($"not valid JSON: {e.Message.ReplaceLineEndings(" ")}", e);
        }
        using (document)
        {
            var root = document.RootElement;
            var baseDirectory = Path.GetDirectoryName(Path.GetFullPath(path))!;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("forwarding", out var section))
                return Parse(section, baseDirectory, environment, "forwarding");
            return Parse(root, baseDirectory, environment, "forwarding");
        }
    }

    /// <summary>Reads a forwarding section.</summary>
    /// <param name="key">The section's own key in messages (<c>forwarding</c>).</param>
    /// <exception cref="ForwardingConfigException">A key is wrong (the message names it).</exception>
    public static ForwardingConfig Parse(JsonElement section, string baseDirectory, Func<string, string?>? environment = null, string key = "forwarding")
    {
        environment ??= Environment.GetEnvironmentVariable;
        Object(section, key, RootKeys);
        var config = new ForwardingConfig
        {
            Sensor = Text(section, key, "sensor"),
        };
        if (section.TryGetProperty("outbox", out var outbox))
        {
            var k = key + ".outbox";
            Object(outbox, k, OutboxKeys);
            var defaults = new OutboxOptions();
            config = config with
            {
                OutboxPath = Text(outbox, k, "path") is { } p ? Path.GetFullPath(p, baseDirectory) : null,
                Outbox = new OutboxOptions
                {
                    MaxPending = Int(outbox, k, "maxPending", 1, 100_000_000) ?? defaults.MaxPending,
                    MaxAttempts = Int(outbox, k, "maxAttempts", 1, 1000) ?? defaults.MaxAttempts,
                    Retention = Duration(outbox, k, "retention") ?? defaults.Retention,
                    Overflow = Text(outbox, k, "overflow") switch
                    {
                        null or "drop-least-severe" => OverflowPolicy.DropLeastSevere,
                        "drop-oldest" => OverflowPolicy.DropOldest,
                        "refuse-newest" => OverflowPolicy.RefuseNewest,
                        var other => throw new ForwardingConfigException(k + ".overflow", $"'{other}' is not drop-least-severe, drop-oldest or refuse-newest"),
                    },
                },
            };
        }
        if (section.TryGetProperty("rules", out var rules))
        {
            var k = key + ".rules";
            Object(rules, k, RuleKeys);
            var rule = ForwardRule.TryCreate(Text(rules, k, "minSeverity"), Strings(rules, k, "engines"), Strings(rules, k, "protocols"), out var error);
            if (rule is null)
                throw new ForwardingConfigException(k + (error!.Contains("severity", StringComparison.Ordinal) ? ".minSeverity" : ".engines"), error);
            config = config with { Rule = rule };
        }
        if (section.TryGetProperty("records", out var records))
        {
            var k = key + ".records";
            Object(records, k, RecordKeys);
            if (Bool(records, k, "alerts") == false) throw new ForwardingConfigException(k + ".alerts", "alerts are always forwarded (leave the key out or set it to true)");
            config = config with { DeviceChanges = Bool(records, k, "deviceChanges") ?? false, Events = Bool(records, k, "events") ?? false };
        }
        if (section.TryGetProperty("targets", out var targets))
        {
            if (targets.ValueKind != JsonValueKind.Array) throw new ForwardingConfigException(key + ".targets", "must be an array of targets");
            var list = new List<TargetConfig>();
            int i = 0;
            foreach (var t in targets.EnumerateArray()) list.Add(Target(t, $"{key}.targets[{i++}]", baseDirectory, environment));
            config = config with { Targets = list };
        }
        return config;
    }

    private static TargetConfig Target(JsonElement t, string k, string baseDirectory, Func<string, string?> environment)
    {
        if (t.ValueKind != JsonValueKind.Object) throw new ForwardingConfigException(k, "must be an object");
        switch (Text(t, k, "type"))
        {
            case "eventhubs":
                return EventHubsTarget(t, k, baseDirectory, environment);
            case "syslog":
                return SyslogTarget(t, k, baseDirectory);
            case null:
                throw new ForwardingConfigException(k + ".type", "missing: eventhubs or syslog");
            case var other:
                throw new ForwardingConfigException(k + ".type", $"'{other}' is not eventhubs or syslog");
        }
    }

    private static TargetConfig EventHubsTarget(JsonElement t, string k, string baseDirectory, Func<string, string?> environment)
    {
        Object(t, k, EventHubsKeys);
        var connection = Secret(t, k, "connectionString", environment);
        var ns = Text(t, k, "namespace");
        if (connection is not null)
        {
            if (ns is not null || t.TryGetProperty("auth", out _) || t.TryGetProperty("hub", out _))
                throw new ForwardingConfigException(k, "give either connectionString, or namespace, hub and auth (Entra ID), not both");
            try
            {
                var properties = EventHubsConnectionStringProperties.Parse(connection.Reveal());
                if (string.IsNullOrEmpty(properties.EventHubName))
                    throw new ForwardingConfigException(k + ".connectionString", "names no event hub (add EntityPath=<hub>)");
            }
            catch (Exception e) when (e is FormatException and not ForwardingConfigException or ArgumentException)
            {
                // The SDK's message may quote the string: not passed on.
                throw new ForwardingConfigException(k + ".connectionString", $"not an Event Hubs connection string (Endpoint=sb://...;SharedAccessKeyName=...;SharedAccessKey=...;EntityPath=...), from {connection.Source}");
            }
            return new TargetConfig { Kind = TargetKind.EventHubs, ConnectionString = connection };
        }
        if (ns is null) throw new ForwardingConfigException(k, "give connectionString, or namespace, hub and auth (Entra ID)");
        if (Uri.CheckHostName(ns) is not (UriHostNameType.Dns or UriHostNameType.IPv4))
            throw new ForwardingConfigException(k + ".namespace", $"'{ns}' is not a host name (like plant-a.servicebus.windows.net)");
        var hub = Text(t, k, "hub") ?? throw new ForwardingConfigException(k + ".hub", "missing: the event hub's name");
        if (!t.TryGetProperty("auth", out var auth)) throw new ForwardingConfigException(k + ".auth", "missing: Entra ID settings (mode: managedIdentity, workloadIdentity, clientSecret or clientCertificate)");
        Uri? endpoint = null;
        if (Text(t, k, "endpoint") is { } e2)
        {
            if (!Uri.TryCreate(e2, UriKind.Absolute, out endpoint) || endpoint.Scheme is not ("amqps" or "amqp"))
                throw new ForwardingConfigException(k + ".endpoint", $"'{e2}' is not amqps://host[:port]");
        }
        return new TargetConfig { Kind = TargetKind.EventHubs, Namespace = ns, Hub = hub, Auth = Auth(auth, k + ".auth", baseDirectory, environment), Endpoint = endpoint };
    }

    private static EntraIdSettings Auth(JsonElement a, string k, string baseDirectory, Func<string, string?> environment)
    {
        Object(a, k, AuthKeys);
        var mode = Text(a, k, "mode") switch
        {
            "managedIdentity" => EntraIdMode.ManagedIdentity,
            "workloadIdentity" => EntraIdMode.WorkloadIdentity,
            "clientSecret" => EntraIdMode.ClientSecret,
            "clientCertificate" => EntraIdMode.ClientCertificate,
            null => throw new ForwardingConfigException(k + ".mode", "missing: managedIdentity, workloadIdentity, clientSecret or clientCertificate"),
            var other => throw new ForwardingConfigException(k + ".mode", $"'{other}' is not managedIdentity, workloadIdentity, clientSecret or clientCertificate"),
        };
        var settings = new EntraIdSettings
        {
            Mode = mode,
            TenantId = Text(a, k, "tenantId"),
            ClientId = Text(a, k, "clientId"),
            ClientSecret = Secret(a, k, "clientSecret", environment),
            CertificatePath = Text(a, k, "certificate") is { } c ? Path.GetFullPath(c, baseDirectory) : null,
            CertificatePassword = Secret(a, k, "certificatePassword", environment),
            TokenFilePath = Text(a, k, "tokenFile") is { } f ? Path.GetFullPath(f, baseDirectory) : null,
        };
        if (Text(a, k, "authorityHost") is { } host)
        {
            if (!Uri.TryCreate(host, UriKind.Absolute, out var uri) || uri.Scheme != "https")
                throw new ForwardingConfigException(k + ".authorityHost", $"'{host}' is not an https:// address");
            settings = settings with { AuthorityHost = uri };
        }
        if (settings.TenantId is { } tenant && !IsTenant(tenant)) throw new ForwardingConfigException(k + ".tenantId", $"'{tenant}' is not a tenant id (a GUID or a domain)");
        bool app = mode is EntraIdMode.ClientSecret or EntraIdMode.ClientCertificate;
        if (app && settings.TenantId is null) throw new ForwardingConfigException(k + ".tenantId", $"missing: {Name(mode)} needs the tenant id");
        if (app && settings.ClientId is null) throw new ForwardingConfigException(k + ".clientId", $"missing: {Name(mode)} needs the app registration's client id");
        switch (mode)
        {
            case EntraIdMode.ClientSecret when settings.ClientSecret is null:
                throw new ForwardingConfigException(k + ".clientSecret", "missing: the secret, or env:NAME to read it from the environment");
            case EntraIdMode.ClientCertificate when settings.CertificatePath is null:
                throw new ForwardingConfigException(k + ".certificate", "missing: a PEM (certificate and key) or PKCS#12 file");
            case EntraIdMode.ClientCertificate:
                try
                {
                    using var certificate = EntraIdSettings.LoadCertificate(settings.CertificatePath!, settings.CertificatePassword?.Reveal());
                    if (!certificate.HasPrivateKey) throw new ForwardingConfigException(k + ".certificate", "the file holds no private key");
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
                {
                    throw new ForwardingConfigException(k + ".certificate", $"cannot load {settings.CertificatePath}: {e.GetType().Name}");
                }
                break;
            case EntraIdMode.WorkloadIdentity when (settings.TokenFilePath ?? environment("AZURE_FEDERATED_TOKEN_FILE")) is null:
                throw new ForwardingConfigException(k + ".tokenFile", "missing, and AZURE_FEDERATED_TOKEN_FILE is not set");
        }
        if (mode != EntraIdMode.ClientSecret && settings.ClientSecret is not null)
            throw new ForwardingConfigException(k + ".clientSecret", $"only for mode clientSecret, not {Name(mode)}");
        return settings;
    }

    private static string Name(EntraIdMode mode) => mode switch
    {
        EntraIdMode.ManagedIdentity => "managedIdentity",
        EntraIdMode.WorkloadIdentity => "workloadIdentity",
        EntraIdMode.ClientSecret => "clientSecret",
        _ => "clientCertificate",
    };

    private static bool IsTenant(string tenant) =>
        Guid.TryParse(tenant, out _) || (tenant.Length <= 255 && tenant.Contains('.', StringComparison.Ordinal) && Uri.CheckHostName(tenant) == UriHostNameType.Dns);

    private static TargetConfig SyslogTarget(JsonElement t, string k, string baseDirectory)
    {
        Object(t, k, SyslogKeys);
        var url = Text(t, k, "url") ?? throw new ForwardingConfigException(k + ".url", "missing: udp://host[:514], tcp://host[:601] or tls://host[:6514]");
        if (url.Contains('?', StringComparison.Ordinal)) throw new ForwardingConfigException(k + ".url", "options go in their own keys (format, ca, pin), not in the url");
        var parsed = ForwardTargets.ParseSyslog(url, out var error) ?? throw new ForwardingConfigException(k + ".url", error!.Replace("syslog: ", "", StringComparison.Ordinal));
        var (format, framing) = Text(t, k, "format") switch
        {
            null or "cef" => (SyslogFormat.Cef, SyslogFraming.Rfc5424),
            "cef-3164" => (SyslogFormat.Cef, SyslogFraming.Rfc3164),
            "rfc5424" => (SyslogFormat.Rfc5424, SyslogFraming.Rfc5424),
            var other => throw new ForwardingConfigException(k + ".format", $"'{other}' is not cef, cef-3164 or rfc5424"),
        };
        X509Certificate2? ca = null;
        if (Text(t, k, "ca") is { } caPath)
        {
            if (parsed.Transport != SyslogTransport.Tls) throw new ForwardingConfigException(k + ".ca", "only for tls:// targets");
            var full = Path.GetFullPath(caPath, baseDirectory);
            try
            {
                ca = X509Certificate2.CreateFromPem(File.ReadAllText(full));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
            {
                throw new ForwardingConfigException(k + ".ca", $"cannot read the CA certificate {full}: {e.GetType().Name}");
            }
        }
        var pin = Text(t, k, "pin");
        if (pin is not null)
        {
            if (parsed.Transport != SyslogTransport.Tls) throw new ForwardingConfigException(k + ".pin", "only for tls:// targets");
            var hex = pin.Replace(":", "", StringComparison.Ordinal);
            if (hex.Length != 64 || !hex.All(Uri.IsHexDigit)) throw new ForwardingConfigException(k + ".pin", "must be the server certificate's SHA-256 in hex (64 digits, colons allowed)");
        }
        return new TargetConfig
        {
            Kind = TargetKind.Syslog,
            Syslog = new SyslogTarget
            {
                Transport = parsed.Transport,
                Host = parsed.Host,
                Port = parsed.Port,
                Format = format,
                Framing = framing,
                TrustedCa = ca,
                PinnedThumbprint = pin,
                Hostname = Text(t, k, "hostname") ?? Environment.MachineName,
            },
        };
    }

    private static void Object(JsonElement e, string k, string[] allowed)
    {
        if (e.ValueKind != JsonValueKind.Object) throw new ForwardingConfigException(k, "must be an object");
        foreach (var p in e.EnumerateObject())
            if (Array.IndexOf(allowed, p.Name) < 0)
                throw new ForwardingConfigException($"{k}.{p.Name}", $"unknown key (known: {string.Join(", ", allowed.Where(a => a != "$schema"))})");
    }

    private static string? Text(JsonElement e, string k, string name)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        if (v.ValueKind != JsonValueKind.String || v.GetString()!.Length == 0) throw new ForwardingConfigException($"{k}.{name}", "must be a non-empty string");
        return v.GetString();
    }

    /// <summary>A secret: the value, or <c>env:NAME</c>. Messages name the key and the variable, never the value.</summary>
    private static SecretText? Secret(JsonElement e, string k, string name, Func<string, string?> environment)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        if (v.ValueKind != JsonValueKind.String || v.GetString()!.Length == 0) throw new ForwardingConfigException($"{k}.{name}", "must be a non-empty string (the secret, or env:NAME)");
        var text = v.GetString()!;
        if (!text.StartsWith("env:", StringComparison.Ordinal)) return new SecretText(text, "config file");
        var variable = text[4..];
        if (variable.Length == 0) throw new ForwardingConfigException($"{k}.{name}", "env: names no variable");
        var value = environment(variable);
        if (string.IsNullOrEmpty(value)) throw new ForwardingConfigException($"{k}.{name}", $"environment variable {variable} is not set");
        return new SecretText(value, "env:" + variable);
    }

    private static int? Int(JsonElement e, string k, string name, int min, int max)
    {
        if (!e.TryGetProperty(name, out var v)) return null;
        if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out int n) || n < min || n > max)
            throw new ForwardingConfigException($"{k}.{name}", string.Create(CultureInfo.InvariantCulture, $"must be a whole number from {min} to {max}"));
        return n;
    }

    private static bool? Bool(JsonElement e, string k, string name)
    {
        if (!e.TryGetProperty(name, out var v)) return null;
        return v.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new ForwardingConfigException($"{k}.{name}", "must be true or false"),
        };
    }

    private static string[] Strings(JsonElement e, string k, string name)
    {
        if (!e.TryGetProperty(name, out var v)) return [];
        if (v.ValueKind != JsonValueKind.Array) throw new ForwardingConfigException($"{k}.{name}", "must be an array of strings");
        var list = new List<string>();
        foreach (var item in v.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String) throw new ForwardingConfigException($"{k}.{name}", "must be an array of strings");
            list.Add(item.GetString()!);
        }
        return [.. list];
    }

    /// <summary>A duration: <c>90s</c>, <c>30m</c>, <c>12h</c>, <c>7d</c>, or a number of seconds.</summary>
    private static TimeSpan? Duration(JsonElement e, string k, string name)
    {
        if (!e.TryGetProperty(name, out var v)) return null;
        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out int seconds) && seconds > 0) return TimeSpan.FromSeconds(seconds);
        if (v.ValueKind == JsonValueKind.String && TryParseDuration(v.GetString()!, out var span)) return span;
        throw new ForwardingConfigException($"{k}.{name}", "must be a duration like 90s, 30m, 12h or 7d");
    }

    /// <summary>Parses <c>&lt;n&gt;s|m|h|d</c> (n a positive whole number).</summary>
    public static bool TryParseDuration(string text, out TimeSpan value)
    {
        value = default;
        if (text.Length < 2) return false;
        if (!long.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out long n) || n <= 0 || n > 36_500L * 86_400) return false;
        long unit = text[^1] switch { 's' => 1, 'm' => 60, 'h' => 3600, 'd' => 86_400, _ => 0 };
        if (unit == 0 || n * unit > 36_500L * 86_400) return false;
        value = TimeSpan.FromSeconds(n * unit);
        return true;
    }
}
