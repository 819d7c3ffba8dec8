using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace OtSensor.Integration.Tests.Live;

/// <summary>
/// A veth pair made for one test: <see cref="CaptureSide"/> stays in this network namespace (the sensor captures
/// there), <see cref="ReplaySide"/> lives in a namespace of its own where tcpreplay sends. Names are unique per
/// instance; <see cref="Dispose"/> removes both, and so does a constructor that fails half-way.
/// </summary>
/// <remarks>
/// IPv6 is switched off on both ends before they come up, so the kernel sends nothing of its own (router
/// solicitations, MLD reports) that would add to what the test replays; no addresses are configured. The MTU is
/// raised so that the few captures with frames above 1,500 bytes replay whole.
/// </remarks>
internal sealed partial class VethPair : IDisposable
{
    private bool _namespaceCreated;
    private bool _linkCreated;

    public VethPair()
    {
        string id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));
        Namespace = "otsensor-test-" + id;
        CaptureSide = "otc" + id + "a";
        ReplaySide = "otc" + id + "b";
        try
        {
            Run("ip", "netns", "add", Namespace);
            _namespaceCreated = true;
            Run("ip", "link", "add", CaptureSide, "type", "veth", "peer", "name", ReplaySide, "netns", Namespace);
            _linkCreated = true;
            File.WriteAllText($"/proc/sys/net/ipv6/conf/{CaptureSide}/disable_ipv6", "1");
            InNamespace("sysctl", "-qw", $"net.ipv6.conf.{ReplaySide}.disable_ipv6=1");
            Run("ip", "link", "set", CaptureSide, "mtu", "9000", "up");
            InNamespace("ip", "link", "set", ReplaySide, "mtu", "9000", "up");
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public string Namespace { get; }
    public string CaptureSide { get; }
    public string ReplaySide { get; }

    /// <summary>Replays <paramref name="captures"/> on the far end; returns the packets tcpreplay says it sent.</summary>
    /// <param name="rate">tcpreplay pacing, e.g. <c>--topspeed</c> or <c>--mbps=100</c>.</param>
    public long Replay(string rate, params string[] captures)
    {
        var output = InNamespace(["tcpreplay", "-q", "-i", ReplaySide, rate, .. captures]);
        var failed = FailedPackets().Match(output);
        if (failed.Success && failed.Groups[1].Value != "0") throw new InvalidOperationException("tcpreplay failed to send some packets:\n" + output);
        var sent = SuccessfulPackets().Match(output);
        if (!sent.Success) throw new InvalidOperationException("tcpreplay printed no packet count:\n" + output);
        return long.Parse(sent.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        // Deleting one end of a veth pair deletes the other; deleting the namespace would too, but not before
        // every process inside it has gone.
        if (_linkCreated) TryRun("ip", "link", "del", CaptureSide);
        if (_namespaceCreated) TryRun("ip", "netns", "del", Namespace);
        _linkCreated = _namespaceCreated = false;
    }

    private string InNamespace(params string[] command) => Run(["ip", "netns", "exec", Namespace, .. command]);

    private static void TryRun(params string[] command)
    {
        try { Run(command); }
        catch (InvalidOperationException) { }
    }

    internal static string Run(params string[] command)
    {
        var start = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in command.Skip(1)) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start " + command[0]);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{string.Join(' ', command)} did not finish within 60 s");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{string.Join(' ', command)} exited with {process.ExitCode}: {stderr.Result.Trim()}");
        return stdout.Result + stderr.Result;
    }

    [GeneratedRegex(@"Successful packets:\s+(\d+)")]
    private static partial Regex SuccessfulPackets();

    [GeneratedRegex(@"Failed packets:\s+(\d+)")]
    private static partial Regex FailedPackets();
}
