using System.Diagnostics;

namespace OtSensor.Integration.Tests.Live;

/// <summary>
/// A fact that needs what a live-capture test needs: root (network namespaces, veth pairs, opening devices),
/// <c>ip netns</c>, tcpreplay and libpcap. CI runs as root with all of them (tests/run-all.sh installs tcpreplay);
/// elsewhere the test is skipped with the reason.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class LiveNetworkFactAttribute : FactAttribute
{
    private static readonly string? MissingReason = FindMissing();

    public LiveNetworkFactAttribute()
    {
        if (MissingReason is not null) Skip = MissingReason;
    }

    private static string? FindMissing()
    {
        if (!OperatingSystem.IsLinux()) return "live capture tests need Linux network namespaces";
        if (Environment.UserName != "root" && !IsEffectiveRoot()) return "live capture tests need root (ip netns, veth pairs, raw sockets)";
        if (!Works("ip", "netns", "list")) return "live capture tests need 'ip netns' (iproute2)";
        if (!Works("tcpreplay", "--version")) return "live capture tests need tcpreplay (apt-get install -y tcpreplay)";
        if (!System.Runtime.InteropServices.NativeLibrary.TryLoad("libpcap.so.0.8", out _))
            return "live capture tests need libpcap (apt-get install -y libpcap0.8)";
        return null;
    }

    private static bool IsEffectiveRoot()
    {
        try { return File.ReadAllLines("/proc/self/status").Any(l => l.StartsWith("Uid:", StringComparison.Ordinal) && l.Split('\t', StringSplitOptions.RemoveEmptyEntries)[2] == "0"); }
        catch (IOException) { return false; }
    }

    private static bool Works(string file, params string[] arguments)
    {
        try
        {
            var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in arguments) start.ArgumentList.Add(a);
            using var process = Process.Start(start)!;
            process.StandardOutput.ReadToEnd();
            process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
