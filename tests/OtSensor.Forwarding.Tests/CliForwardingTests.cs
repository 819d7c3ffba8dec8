using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using OtSensor.Outputs.Forwarding;

namespace OtSensor.Forwarding.Tests;

/// <summary>
/// <c>otsensor forward</c> as a real process: bad targets, a run sent to Event Hubs, and the process killed while
/// alerts are pending then started again: every alert arrives, once after dedupe.
/// </summary>
public sealed class CliForwardingTests
{
    [Theory]
    [InlineData("kafka:x", "is not a target")]
    [InlineData("syslog:udp://h:1?pin=00", "unknown or misplaced option")]
    [InlineData("eventhubs:Endpoint=sb://h/;SharedAccessKeyName=k;SharedAccessKey=TOPSECRET", "names no event hub")]
    public void Forward_BadTarget_OneLineExit2(string target, string reason)
    {
        var alerts = WriteAlertsJson(3);
        var r = Run(["forward", "--alerts", alerts, "--to", target]);
        Assert.Equal(2, r.ExitCode);
        var lines = r.Error.Trim().Split('\n');
        Assert.Single(lines);
        Assert.Contains(reason, lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("TOPSECRET", r.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(alerts)!, "outbox.db")));
    }

    [Fact]
    public void Forward_KilledWithPendingThenRestarted_EveryAlertOnceAfterDedupe()
    {
        using var hub = new TestEventHubEndpoint();
        const int n = 3000;
        var alerts = WriteAlertsJson(n);
        string[] args = ["forward", "--alerts", alerts, "--to", "eventhubs:" + hub.ConnectionString, "--sensor", "s1", "--timeout", "60s"];

        // First run: the hub refuses tokens (401), so everything is pending when the process is killed.
        hub.RejectTokens = true;
        using (var process = Start(args))
        {
            var end = DateTime.UtcNow.AddSeconds(30);
            while (hub.TokensRejected == 0 && DateTime.UtcNow < end) Thread.Sleep(20);
            Assert.True(hub.TokensRejected > 0, "the forwarder never tried to send");
            process.Kill(); // SIGKILL on Linux: no shutdown code runs
            process.WaitForExit();
        }
        Assert.Equal(0, hub.Count);

        // Second run: killed once events flow, mid-send.
        hub.RejectTokens = false;
        using (var process = Start(args))
        {
            var end = DateTime.UtcNow.AddSeconds(30);
            while (hub.Count == 0 && DateTime.UtcNow < end) Thread.Sleep(2);
            process.Kill();
            process.WaitForExit();
        }

        // Third run: finishes.
        var r = Run(args);
        Assert.True(r.ExitCode == 0, r.Error);
        var ids = hub.Events.Select(e => e.MessageId).ToHashSet();
        Assert.Equal(n, ids.Count);
        for (int i = 1; i <= n; i++) Assert.Contains(Expected(i).MessageId, ids);
        using var counters = JsonDocument.Parse(File.ReadAllText(Path.Combine(Path.GetDirectoryName(alerts)!, "forwarding.json")));
        Assert.Equal(0, counters.RootElement.GetProperty("targets")[0].GetProperty("pending").GetInt64());
        Assert.DoesNotContain("dGVzdA==", File.ReadAllText(Path.Combine(Path.GetDirectoryName(alerts)!, "forwarding.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void Forward_SameRunAgain_NothingSentTwice()
    {
        using var hub = new TestEventHubEndpoint();
        var alerts = WriteAlertsJson(50);
        string[] args = ["forward", "--alerts", alerts, "--to", "eventhubs:" + hub.ConnectionString, "--sensor", "s1"];
        Assert.Equal(0, Run(args).ExitCode);
        var again = Run(args);
        Assert.Equal(0, again.ExitCode);
        Assert.Equal(50, hub.Count);
        Assert.Contains("0 sent, 0 pending", again.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_ForwardToEventHubsAndSyslog_EveryAlertOfTheRunArrivesAtBoth()
    {
        using var hub = new TestEventHubEndpoint();
        using var syslog = SyslogListener.Tcp();
        var capture = Path.Combine(RepoPaths.Root, "pcaps", "simulated", "modbus-writes.pcapng");
        var output = Path.GetDirectoryName(TestAlerts.TempFile("x"))!;
        var r = Run(["analyze", capture, "--out", output, "--quiet", "--no-events",
            "--forward", "eventhubs:" + hub.ConnectionString, "--forward", $"syslog:tcp://127.0.0.1:{syslog.Port}"]);
        Assert.True(r.ExitCode == 0, r.Error);
        using var alerts = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "alerts.json")));
        int n = alerts.RootElement.GetArrayLength();
        Assert.True(n > 0, "the scenario raises alerts");
        Assert.Equal(n, hub.Events.Select(e => e.MessageId).Distinct().Count());
        await EventHubsForwardingTests.WaitUntil(() => syslog.Messages.Count >= n, TimeSpan.FromSeconds(10));
        Assert.Equal(n, syslog.Messages.Count);
        var titles = alerts.RootElement.EnumerateArray().Select(a => a.GetProperty("title").GetString()!).ToHashSet();
        Assert.All(syslog.Messages, m => Assert.Contains(CefText.Parse(m[m.IndexOf("CEF:0", StringComparison.Ordinal)..]).Header[5], titles));
        Assert.True(File.Exists(Path.Combine(output, "outbox.db")));
    }

    [Fact]
    public void Forward_MinSeverityCritical_OnlyCriticalAlertsSent()
    {
        using var hub = new TestEventHubEndpoint();
        var alerts = WriteAlertsJson(40);
        var r = Run(["forward", "--alerts", alerts, "--to", "eventhubs:" + hub.ConnectionString, "--min-severity", "Critical"]);
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Equal(10, hub.Count);
        Assert.Contains("30 alerts left out by the forwarding rule", r.Error, StringComparison.Ordinal);
        Assert.All(hub.Events, e => Assert.Contains("\"AlertSeverity\":\"High\"", System.Text.Encoding.UTF8.GetString(e.Body), StringComparison.Ordinal));
    }

    [Fact]
    public void Analyze_BadForwardTarget_Exit2BeforeReadingAnything()
    {
        var output = Path.Combine(Path.GetDirectoryName(TestAlerts.TempFile("x"))!, "never");
        var r = Run(["analyze", Path.Combine(RepoPaths.Root, "pcaps", "demo", "modbus-plant.pcap"), "--out", output, "--forward", "syslog:ftp://h"]);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--forward: syslog: transport 'ftp' is not udp, tcp or tls", r.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }


    [Fact]
    public void Forward_Endpoint401_FailureOnConsoleAndInCountersThenDeliveredOnce()
    {
        using var hub = new TestEventHubEndpoint { RejectTokens = true };
        var alerts = WriteAlertsJson(100);
        string[] args = ["forward", "--alerts", alerts, "--to", "eventhubs:" + hub.ConnectionString, "--sensor", "s1", "--timeout", "4s"];
        var refused = Run(args);
        Assert.Equal(ForwardNotAllSent, refused.ExitCode);
        Assert.Contains("0 sent, 100 pending", refused.Error, StringComparison.Ordinal);
        Assert.True(refused.Error.Contains("UnauthorizedAccessException", StringComparison.Ordinal), refused.Error);
        Assert.Contains("are kept in", refused.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("dGVzdA==", refused.Error, StringComparison.Ordinal);
        using (var counters = JsonDocument.Parse(File.ReadAllText(Path.Combine(Path.GetDirectoryName(alerts)!, "forwarding.json"))))
        {
            var target = counters.RootElement.GetProperty("targets")[0];
            Assert.Equal(100, target.GetProperty("pending").GetInt64());
            Assert.True(target.GetProperty("failed").GetInt64() >= 1);
            Assert.Contains("UnauthorizedAccessException", target.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        }
        Assert.Equal(0, hub.Count);

        hub.RejectTokens = false; // the key was rotated on the hub side
        var r = Run(args);
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Equal(100, hub.Count);
        Assert.Equal(100, hub.Events.Select(e => e.MessageId).Distinct().Count());
    }

    private const int ForwardNotAllSent = 3;

    private static OutboundAlert Expected(int i) => TestAlerts.Make(i) with { Sensor = "s1" };

    /// <summary>An alerts.json in the shape <c>otsensor analyze</c> writes (the fields the reader uses).</summary>
    internal static string WriteAlertsJson(int n)
    {
        var path = TestAlerts.TempFile("alerts.json");
        using var stream = File.Create(path);
        using var w = new Utf8JsonWriter(stream);
        w.WriteStartArray();
        for (int i = 1; i <= n; i++)
        {
            var a = TestAlerts.Make(i);
            w.WriteStartObject();
            w.WriteNumber("id", a.AlertId);
            w.WriteNumber("time", a.FirstDetection.ToUnixTimeMilliseconds());
            w.WriteString("title", a.Title);
            w.WriteString("message", a.Message);
            w.WriteString("severity", a.Severity);
            w.WriteString("engine", a.Engine);
            w.WriteNumber("sourceDevice", a.SourceDevice!.Value);
            w.WriteNumber("destinationDevice", a.DestinationDevice!.Value);
            w.WriteString("sourceDeviceAddress", a.SourceAddress);
            w.WriteString("destinationDeviceAddress", a.DestinationAddress);
            w.WriteStartArray("remediationSteps");
            foreach (var s in a.RemediationSteps) w.WriteStringValue(s);
            w.WriteEndArray();
            w.WriteString("type", a.Type);
            w.WriteString("status", a.Status);
            w.WriteString("category", a.Category);
            w.WriteStartArray("mitre");
            foreach (var t in a.Techniques)
            {
                w.WriteStartObject();
                w.WriteString("id", t);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteString("protocol", a.Protocol);
            w.WriteNumber("count", a.Count);
            w.WriteString("firstDetection", a.FirstDetection.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
            w.WriteString("lastDetection", a.LastDetection.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
            w.WriteEndObject();
        }
        w.WriteEndArray();
        return path;
    }

    private static Process Start(string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "otsensor.dll"));
        foreach (var a in arguments) start.ArgumentList.Add(a);
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    internal static (int ExitCode, string Error) Run(string[] arguments)
    {
        var (exitCode, error, _) = Run(arguments, null);
        return (exitCode, error);
    }

    /// <summary>Runs otsensor to its end with extra environment variables; exit code, stderr and stdout.</summary>
    internal static (int ExitCode, string Error, string Output) Run(string[] arguments, IReadOnlyDictionary<string, string>? environment)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var (k, v) in environment ?? new Dictionary<string, string>()) start.Environment[k] = v;
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "otsensor.dll"));
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(90)), "otsensor forward did not finish");
        process.WaitForExit();
        return (process.ExitCode, stderr.Result, stdout.Result);
    }
}
