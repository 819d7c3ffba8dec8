using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;
using OtSensor.TestKit;

namespace OtSensor.Integration.Tests.Live;

/// <summary><c>otsensor capture</c> as an operator runs it: clean stop on SIGTERM with every output written, one-line errors.</summary>
public sealed class CaptureCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("otsensor-capture-").FullName;

    [LiveNetworkFact]
    public void Capture_SigtermRightAfterReplay_StopsCleanlyWithEverythingAnalysedAndWritten()
    {
        var files = new[] { "modbus/zeek__modbusSmall.pcap", "s7comm/ICS-Security-Tools__s7comm_program_blocklist_onlineview.pcap", "dnp3/ICS-Security-Tools__dnp3_test_data_part1.pcap" }
            .Select(f => Path.Combine(SharedCaptures.PublicRoot!, f)).ToArray();
        using var veth = new VethPair();
        var output = Path.Combine(_folder, "live");
        using var sensor = StartCli("capture", "--interface", veth.CaptureSide, "--out", output);
        var stderr = new System.Collections.Concurrent.ConcurrentQueue<string>();
        sensor.ErrorDataReceived += (_, e) => { if (e.Data is not null) stderr.Enqueue(e.Data); };
        sensor.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!stderr.Any(l => l.Contains("capturing on", StringComparison.Ordinal)) && DateTime.UtcNow < deadline && !sensor.HasExited) Thread.Sleep(20);
        Assert.False(sensor.HasExited, string.Join('\n', stderr));

        long sent = veth.Replay("--topspeed", files);
        // No waiting for the sensor to catch up: what reached the interface before the signal must still be analysed.
        Assert.Equal(0, Kill(sensor.Id, Signal.Term));
        var stdout = sensor.StandardOutput.ReadToEnd();
        Assert.True(sensor.WaitForExit(TimeSpan.FromSeconds(30)));
        Assert.True(sensor.ExitCode == 0, stdout + string.Join('\n', stderr));

        Assert.Contains($"received {sent:N0}, dropped by kernel 0, by interface 0, by us 0", stdout, StringComparison.Ordinal);
        using var counters = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "capture.json")));
        var total = counters.RootElement.GetProperty("total");
        Assert.Equal(sent, total.GetProperty("received").GetInt64());
        Assert.Equal(sent, total.GetProperty("delivered").GetInt64());

        var offline = Path.Combine(_folder, "offline");
        Assert.Equal(0, CliRunner.Run(["analyze", "--quiet", "--out", offline, .. files]).ExitCode);
        foreach (var file in new[] { "devices.json", "connections.json", "summary.json", "events.jsonl", "anomalies.jsonl", "map.svg" })
            Assert.True(File.Exists(Path.Combine(output, file)), file);
        Assert.Equal(Pdus(offline), Pdus(output));
        Assert.Equal(File.ReadLines(Path.Combine(offline, "events.jsonl")).Count(), File.ReadLines(Path.Combine(output, "events.jsonl")).Count());
    }

    [LiveNetworkFact]
    public void Capture_NoSuchInterface_ExitsTwoWithOneLine()
    {
        var result = CliRunner.Run("capture", "--interface", "otsensor-none0", "--out", Path.Combine(_folder, "x"));
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("otsensor: no such interface 'otsensor-none0'", result.StandardError, StringComparison.Ordinal);
        Assert.Single(result.StandardError.Trim().Split('\n'));
    }

    [LiveNetworkFact]
    public void Capture_BadFilter_ExitsTwoWithOneLine()
    {
        using var veth = new VethPair();
        var result = CliRunner.Run("capture", "--interface", veth.CaptureSide, "--filter", "port nonsense", "--out", Path.Combine(_folder, "x"));
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("otsensor: bad capture filter 'port nonsense': unknown port 'nonsense'", result.StandardError.Trim());
    }

    [LiveNetworkFact]
    public void Capture_WithoutCapNetRaw_ExitsTwoWithOneLine()
    {
        using var veth = new VethPair();
        // The same command with CAP_NET_RAW taken out of the capability bounding set (root keeps its other powers, so
        // it still reads the build output wherever the clone is): libpcap refuses to activate the device.
        var result = Run("setpriv", "--bounding-set=-net_raw",
            "dotnet", Path.Combine(AppContext.BaseDirectory, "otsensor.dll"), "capture", "--interface", veth.CaptureSide, "--out", Path.Combine(_folder, "x"));
        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"otsensor: permission denied opening interface '{veth.CaptureSide}': run as root or give the process CAP_NET_RAW", result.StandardError.Trim());
    }

    [LiveNetworkFact]
    public void Capture_LibPcapMissing_ExitsTwoWithOneLine()
    {
        // In a private mount namespace, libpcap's file is hidden behind /dev/null: loading it fails as when it is not installed.
        var library = LoadedLibPcapPath();
        var result = Run("unshare", "--mount", "sh", "-c", $"mount --bind /dev/null '{library}' && exec dotnet '{Path.Combine(AppContext.BaseDirectory, "otsensor.dll")}' capture --interface lo --out '{Path.Combine(_folder, "x")}'");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("otsensor: libpcap is not installed (Debian/Ubuntu: apt-get install -y libpcap0.8)", result.StandardError.Trim());
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { }
    }

    private static string LoadedLibPcapPath()
    {
        Assert.True(NativeLibrary.TryLoad("libpcap.so.0.8", out _));
        var line = File.ReadLines("/proc/self/maps").First(l => l.Contains("/libpcap.so", StringComparison.Ordinal));
        return line[line.IndexOf('/', StringComparison.Ordinal)..].Trim();
    }

    private static SortedDictionary<string, long> Pdus(string folder)
    {
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "summary.json")));
        var pdus = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var p in summary.RootElement.GetProperty("pdus").EnumerateObject()) pdus[p.Name] = p.Value.GetInt64();
        return pdus;
    }

    private static Process StartCli(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "otsensor.dll"));
        foreach (var a in arguments) start.ArgumentList.Add(a);
        return Process.Start(start)!;
    }

    private static CliRunner.Result Run(params string[] command)
    {
        var start = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in command.Skip(1)) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60))) process.Kill(entireProcessTree: true);
        return new CliRunner.Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    private enum Signal
    {
        Term = 15,
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, Signal signal);
}
