using System.Diagnostics;
using System.Text.RegularExpressions;

namespace OtSensor.Integration.Tests.Live;

/// <summary>
/// The appliance's deployment files (src/OtSensor.Cli/deploy): the systemd unit's hardening, checked by
/// <c>systemd-analyze verify</c> where it exists and by reading the file everywhere; install.sh's <c>--dry-run</c> plan,
/// and the configuration it writes accepted by the sensor's own first start.
/// </summary>
public sealed partial class SensorDeployTests : IDisposable
{
    private static readonly string Deploy = Path.Combine(RepoPaths.Root, "src", "OtSensor.Cli", "deploy");
    private readonly string _folder = Directory.CreateTempSubdirectory("otsensor-deploy-").FullName;

    [Fact]
    public void Unit_Hardening_OwnUserTwoCapabilitiesReadOnlySystemRestartReload()
    {
        var unit = new SystemdUnitFile(SystemdUnitFile.DeployedPath);
        Assert.Equal(["Unit", "Service", "Install"], unit.Sections);
        Assert.Equal("otsensor", unit.Get("Service", "User"));
        Assert.Equal(["net_raw", "net_bind_service"], unit.Capabilities("AmbientCapabilities"));
        Assert.Equal(["net_raw", "net_bind_service"], unit.Capabilities("CapabilityBoundingSet"));
        Assert.Equal("yes", unit.Get("Service", "NoNewPrivileges"));
        Assert.Equal("strict", unit.Get("Service", "ProtectSystem"));
        Assert.Equal("/var/lib/otsensor", unit.Get("Service", "ReadWritePaths"));
        Assert.Equal("yes", unit.Get("Service", "PrivateTmp"));
        Assert.Equal("yes", unit.Get("Service", "ProtectHome"));
        Assert.Equal("on-failure", unit.Get("Service", "Restart"));
        Assert.Equal("/bin/kill -HUP $MAINPID", unit.Get("Service", "ExecReload"));
        Assert.Equal("/opt/otsensor/otsensor sensor --config /etc/otsensor/sensor.json", unit.Get("Service", "ExecStart"));
        Assert.Equal("multi-user.target", unit.Get("Install", "WantedBy"));
    }

    [Fact]
    public void Unit_SystemdAnalyzeVerify_NoWarnings()
    {
        if (!Works("systemd-analyze", "--version"))
        {
            // Without systemd the file is still read by SystemdUnitFile above; say so rather than pass silently.
            Assert.Fail("systemd-analyze is missing (apt-get install -y systemd): the unit cannot be verified here");
        }
        // verify checks that ExecStart exists: the same unit with the binary replaced by one that does.
        var copy = Path.Combine(_folder, "otsensor.service");
        File.WriteAllText(copy, File.ReadAllText(SystemdUnitFile.DeployedPath).Replace("/opt/otsensor/otsensor", "/bin/true", StringComparison.Ordinal));
        var (code, output) = Run("systemd-analyze", "verify", copy);
        Assert.True(code == 0 && output.Trim().Length == 0, output);
    }

    [Fact]
    public void Install_DryRun_PrintsEveryStepAndChangesNothing()
    {
        var (monitor, management) = TwoInterfaces();
        bool[] before = [Directory.Exists("/opt/otsensor"), File.Exists("/etc/otsensor/sensor.json"), File.Exists("/etc/systemd/system/otsensor.service")];
        var (code, output) = Run("bash", Path.Combine(Deploy, "install.sh"), "--dry-run", "--monitor", monitor, "--management", management, "--binary", "/nonexistent/otsensor");
        Assert.True(code == 0, output);
        string[] steps =
        [
            "+ apt-get install -y --no-install-recommends libpcap0.8",
            "+ install -d -m 0755 /opt/otsensor",
            "+ cp -a /nonexistent/otsensor/. /opt/otsensor/",
            "+ useradd --system --user-group --home-dir /var/lib/otsensor --no-create-home --shell /usr/sbin/nologin otsensor",
            "+ install -d -o otsensor -g otsensor -m 0750 /var/lib/otsensor",
            "+ write /etc/otsensor/sensor.json (mode 0640, owner root:otsensor):",
            $"+ ip link set dev {monitor} up promisc on",
            "+ runuser -u otsensor -- /opt/otsensor/otsensor sensor --config /etc/otsensor/sensor.json --init",
            "+ install -m 0644 " + Path.Combine(Deploy, "otsensor.service") + " /etc/systemd/system/otsensor.service",
            "+ systemctl enable --now otsensor.service",
        ];
        int at = 0;
        foreach (var step in steps)
        {
            int found = output.IndexOf(step, at, StringComparison.Ordinal);
            Assert.True(found >= 0, $"'{step}' missing or out of order in:\n{output}");
            at = found;
        }
        bool[] after = [Directory.Exists("/opt/otsensor"), File.Exists("/etc/otsensor/sensor.json"), File.Exists("/etc/systemd/system/otsensor.service")];
        Assert.Equal(before, after);
    }

    [Fact]
    public void Install_DryRunConfig_AcceptedBySensorInitWhichPrintsThePasswordOnce()
    {
        var (monitor, management) = TwoInterfaces();
        var (code, output) = Run("bash", Path.Combine(Deploy, "install.sh"), "--dry-run", "--monitor", monitor, "--management", management, "--port", "18443");
        Assert.True(code == 0, output);
        // The file as the script would write it (indented by 4 in the plan), with the store moved to a test folder.
        var json = string.Join('\n', ConfigBlock().Match(output).Groups[1].Value.Split('\n').Select(l => l.Length >= 4 ? l[4..] : l));
        var store = Path.Combine(_folder, "store");
        var config = Path.Combine(_folder, "sensor.json");
        File.WriteAllText(config, json.Replace("/var/lib/otsensor", store, StringComparison.Ordinal));
        Assert.Contains($"\"interfaces\": [\"{monitor}\"]", json, StringComparison.Ordinal);

        var first = CliRunner.Run("sensor", "--config", config, "--init");
        Assert.True(first.ExitCode == 0, first.StandardError);
        Assert.Matches("^otsensor: first start: user 'admin', password '[^']{12,}'", first.StandardOutput);
        Assert.True(File.Exists(Path.Combine(store, "otsensor.db")));
        Assert.True(File.Exists(Path.Combine(store, "https.pfx")));
        var again = CliRunner.Run("sensor", "--config", config, "--init");
        Assert.Equal(0, again.ExitCode);
        Assert.DoesNotContain("password", again.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void Install_UnknownInterface_ExitsTwoWithOneLine()
    {
        var (code, output) = Run("bash", Path.Combine(Deploy, "install.sh"), "--dry-run", "--monitor", "otsensor-none0", "--management", "lo");
        Assert.Equal(2, code);
        Assert.Contains("install.sh: --monitor: no such interface 'otsensor-none0'", output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>A real interface as the monitor (the script checks the names against ip -o link) and lo as management.</summary>
    private static (string Monitor, string Management) TwoInterfaces()
    {
        var (_, links) = Run("ip", "-o", "link", "show");
        var names = links.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(": ")[1].Split('@')[0]).Where(n => n != "lo").ToArray();
        Assert.True(names.Length > 0, "no interface besides lo:\n" + links);
        return (names[0], "lo");
    }

    private static bool Works(string file, params string[] arguments)
    {
        try
        {
            return Run(file, arguments).Code == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static (int Code, string Output) Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(60_000), $"{file} did not finish within 60 s");
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    [GeneratedRegex(@"\+ write /etc/otsensor/sensor.json[^\n]*\n((?:    [^\n]*\n)+)")]
    private static partial Regex ConfigBlock();
}
