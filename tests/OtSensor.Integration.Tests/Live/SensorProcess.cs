using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace OtSensor.Integration.Tests.Live;

/// <summary>
/// The real <c>otsensor sensor</c> as a child process, started with the settings of the systemd unit
/// (src/OtSensor.Cli/deploy/otsensor.service) that apply outside systemd: an unprivileged user (nobody, standing in for
/// the unit's <c>otsensor</c>), the unit's <c>AmbientCapabilities</c> as the only capabilities (inheritable, ambient and
/// bounding set) and <c>NoNewPrivileges</c>, applied with <c>setpriv</c>. systemd is not PID 1 on the CI machine, so
/// the mount settings (<c>ProtectSystem</c>, <c>PrivateTmp</c>, <c>ProtectHome</c>) are checked by
/// <c>systemd-analyze verify</c> in <see cref="SensorDeployTests"/> rather than applied here.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
internal sealed partial class SensorProcess : IDisposable
{
    /// <summary>The uid and gid the sensor runs as (nobody / nogroup on Debian).</summary>
    public const int Nobody = 65534;

    private readonly ConcurrentQueue<string> _stdout = new();
    private readonly ConcurrentQueue<string> _stderr = new();
    private HttpClient? _http;

    public SensorProcess(string config, string store)
    {
        Config = config;
        Store = store;
        var unit = new SystemdUnitFile(SystemdUnitFile.DeployedPath);
        var caps = string.Join(',', unit.Capabilities("AmbientCapabilities").Select(c => "+" + c));
        var bounding = string.Join(',', unit.Capabilities("CapabilityBoundingSet").Select(c => "+" + c));
        var start = new ProcessStartInfo("setpriv") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { $"--reuid={Nobody}", $"--regid={Nobody}", "--clear-groups", $"--inh-caps=-all,{caps}", $"--ambient-caps=-all,{caps}", $"--bounding-set=-all,{bounding}" })
            start.ArgumentList.Add(a);
        if (unit.Get("Service", "NoNewPrivileges") == "yes") start.ArgumentList.Add("--no-new-privs");
        foreach (var a in new[] { "dotnet", Path.Combine(AppContext.BaseDirectory, "otsensor.dll"), "sensor", "--config", config })
            start.ArgumentList.Add(a);
        // The unit's home is protected; the runtime must not need one.
        start.Environment["HOME"] = store;
        start.Environment["DOTNET_CLI_HOME"] = store;
        start.Environment["DOTNET_NOLOGO"] = "1";
        Process = Process.Start(start) ?? throw new InvalidOperationException("cannot start setpriv");
        Process.OutputDataReceived += (_, e) => { if (e.Data is not null) _stdout.Enqueue(e.Data); };
        Process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _stderr.Enqueue(e.Data); };
        Process.BeginOutputReadLine();
        Process.BeginErrorReadLine();
    }

    public Process Process { get; }
    public string Config { get; }
    public string Store { get; }
    public IReadOnlyList<string> Output => [.. _stdout];

    /// <summary>The <c>Message</c> of each JSON log line (plain lines as they are).</summary>
    public IReadOnlyList<string> Messages => [.. _stdout.Select(MessageOf)];
    public string Everything => string.Join('\n', _stdout) + "\n--- stderr ---\n" + string.Join('\n', _stderr);

    /// <summary>A store folder the unprivileged sensor may write, inside <paramref name="folder"/>.</summary>
    public static string MakeStore(string folder, string name)
    {
        // The temporary folder is the test's (root, 0700): the sensor must be able to reach its store and config.
        File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101);
        var store = Path.Combine(folder, name);
        Directory.CreateDirectory(store);
        if (Chown(store, Nobody, Nobody) != 0) throw new InvalidOperationException("chown of the store failed");
        return store;
    }

    /// <summary>A free loopback port (taken and released at once).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Writes a configuration file the sensor (running as nobody) can read.</summary>
    public static void WriteConfig(string path, string json)
    {
        File.WriteAllText(path, json);
        File.SetUnixFileMode(path, (UnixFileMode)0b110_100_100);
    }

    /// <summary>Waits for a JSON log line whose message contains <paramref name="text"/>; false when the process ended or time ran out.</summary>
    public bool WaitForLog(string text, TimeSpan timeout)
    {
        var end = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < end)
        {
            if (Messages.Any(l => l.Contains(text, StringComparison.Ordinal))) return true;
            if (Process.HasExited) return false;
            Thread.Sleep(50);
        }
        return false;
    }

    /// <summary>The admin password of the first start (its one plain line on stdout), or null.</summary>
    public string? InitialPassword()
        => _stdout.Select(l => FirstStart().Match(l)).FirstOrDefault(m => m.Success)?.Groups[1].Value;

    /// <summary>Logs in as admin on <paramref name="baseAddress"/> (console session cookie).</summary>
    public void Login(Uri baseAddress, string password)
    {
        _http?.Dispose();
#pragma warning disable CA2000 // The handler is owned by the client (disposeHandler: true).
        _http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), UseCookies = true }, disposeHandler: true) { BaseAddress = baseAddress };
#pragma warning restore CA2000
        using var response = _http.PostAsJsonAsync("/api/console/login", new { username = "admin", password }).GetAwaiter().GetResult();
        Assert.True(response.IsSuccessStatusCode, $"login: {(int)response.StatusCode}");
    }

    public JsonDocument Get(string path)
    {
        var client = _http ?? throw new InvalidOperationException("log in first");
        var text = client.GetStringAsync(new Uri(path, UriKind.Relative)).GetAwaiter().GetResult();
        return JsonDocument.Parse(text);
    }

    /// <summary>A logged-in GET of a file (e.g. an alert PCAP): the status and the body.</summary>
    public (HttpStatusCode Status, string? ContentType, byte[] Body) GetBytes(string path)
    {
        var client = _http ?? throw new InvalidOperationException("log in first");
        using var response = client.GetAsync(new Uri(path, UriKind.Relative)).GetAwaiter().GetResult();
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, response.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult());
    }

    /// <summary><c>/health</c> (no login needed); 503 answers are read too.</summary>
    public static JsonDocument Health(Uri baseAddress)
    {
        using var client = new HttpClient { BaseAddress = baseAddress };
        using var response = client.GetAsync(new Uri("/health", UriKind.Relative)).GetAwaiter().GetResult();
        return JsonDocument.Parse(response.Content.ReadAsStringAsync().GetAwaiter().GetResult());
    }

    /// <summary>Polls <paramref name="check"/> until true or the timeout.</summary>
    public static bool Eventually(Func<bool> check, TimeSpan timeout)
    {
        var end = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < end)
        {
            if (check()) return true;
            Thread.Sleep(200);
        }
        return check();
    }

    /// <summary>Waits for the exit and then for the output readers to reach the end (WaitForExit with a timeout alone does not).</summary>
    public bool WaitForExit(TimeSpan timeout)
    {
        if (!Process.WaitForExit(timeout)) return false;
        Process.WaitForExit();
        return true;
    }

    public void Signal(int signal) => Assert.Equal(0, Kill(Process.Id, signal));

    public void Dispose()
    {
        _http?.Dispose();
        if (!Process.HasExited)
        {
            Process.Kill();
            Process.WaitForExit(10_000);
        }
        Process.Dispose();
    }

    private static string MessageOf(string line)
    {
        if (!line.StartsWith('{')) return line;
        using var json = JsonDocument.Parse(line);
        return json.RootElement.GetProperty("Message").GetString() ?? "";
    }

    [GeneratedRegex("first start: user 'admin', password '([^']+)'")]
    private static partial Regex FirstStart();

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    [DllImport("libc", EntryPoint = "chown", SetLastError = true)]
    private static extern int Chown([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int owner, int group);
}
