using System.Text.Json;
using System.Text.RegularExpressions;
using OtSensor.Integration.Tests.Conformance;
using OtSensor.Simulation.Scenarios;
using OtSensor.TestKit;

namespace OtSensor.Integration.Tests.Simulation;

/// <summary>
/// Every scenario's capture is valid (tshark finds no malformed frame), and what it holds is what its manifest says:
/// the engine's PDU histograms and tshark's equal the manifest's counts exactly, its expected alerts are real sensor
/// alert titles, and its plant's devices are in the inventory.
/// </summary>
public sealed partial class SimulatedScenarioTests(GeneratedScenarios scenarios) : IClassFixture<GeneratedScenarios>
{
    public static TheoryData<string, int> Runs()
    {
        var data = new TheoryData<string, int>();
        foreach (var scenario in ScenarioCatalog.All) data.Add(scenario.Name, 7);
        data.Add("baseline", 8); // another seed: another plant, equally valid
        return data;
    }

    /// <summary>Manifest protocol → (truth family, fields whose histograms add up to its function histogram).</summary>
    private static readonly Dictionary<string, (string Family, string[] Fields)> TruthFields = new()
    {
        ["modbus"] = ("modbus", ["modbus.func_code"]),
        ["dnp3"] = ("dnp3", ["dnp3.al.func"]),
        ["s7comm"] = ("s7comm", ["s7comm.param.func"]),
        ["enip"] = ("enip_cip", ["enip.command"]),
        ["cip"] = ("enip_cip", ["cip.sc"]),
        ["bacnet"] = ("bacnet", ["bacapp.confirmed_service", "bacapp.unconfirmed_service"]),
        ["iec104"] = ("iec104", ["iec60870_asdu.typeid"]),
        ["profinet-dcp"] = ("profinet", ["pn_dcp.service_id"]),
        ["opcua"] = ("opcua", ["opcua.servicenodeid.numeric"]),
        ["mms"] = ("mms", ["mms.confirmedServiceRequest", "mms.confirmedServiceResponse"]),
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public void Analyze_DecodedHistograms_EqualTheManifest(string scenario, int seed)
    {
        var run = scenarios.Get(scenario, seed);
        var expected = ManifestHistograms(run.Manifest);
        var actual = new SortedDictionary<string, SortedDictionary<string, long>>(StringComparer.Ordinal);
        foreach (var e in run.Analysis.Events)
        {
            var protocol = e.GetProperty("protocol").GetString()!;
            var function = e.GetProperty("function");
            var key = function.ValueKind == JsonValueKind.Null ? "null" : function.GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!actual.TryGetValue(protocol, out var h)) actual[protocol] = h = new(StringComparer.Ordinal);
            h[key] = h.GetValueOrDefault(key) + 1;
        }
        foreach (var protocol in expected.Keys.Union(actual.Keys))
        {
            Assert.True(expected.ContainsKey(protocol), $"{protocol} decoded but not in the manifest");
            Assert.True(actual.ContainsKey(protocol), $"{protocol} in the manifest but not decoded");
            Assert.Equal(expected[protocol], actual[protocol]);
        }
        Assert.Equal(0, run.Analysis.AnomalyCount);
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public void Tshark_FindsNoMalformedFrame_AndCountsWhatTheManifestSays(string scenario, int seed)
    {
        var run = scenarios.Get(scenario, seed);
        using var truthDoc = JsonDocument.Parse(File.ReadAllText(run.TruthCapture + ".tshark.json"));
        Assert.Equal(0, truthDoc.RootElement.GetProperty("malformed_frames").GetInt32());
        Assert.Equal(run.Manifest.GetProperty("frames").GetInt64(), truthDoc.RootElement.GetProperty("packet_count").GetInt64());
        var truth = TsharkTruth.Load(run.TruthCapture);
        foreach (var (protocol, functions) in ManifestHistograms(run.Manifest))
        {
            // The truth tool summarises the industrial families; IT protocols (dns, tls) are compared with our decoder only.
            if (!TruthFields.TryGetValue(protocol, out var truthFields)) continue;
            var (family, fields) = truthFields;
            var tshark = new SortedDictionary<string, long>(StringComparer.Ordinal);
            foreach (var field in fields)
                foreach (var (code, count) in truth.Histogram(family, field))
                    tshark[code.ToString(System.Globalization.CultureInfo.InvariantCulture)] = tshark.GetValueOrDefault(code.ToString(System.Globalization.CultureInfo.InvariantCulture)) + count;
            var expected = new SortedDictionary<string, long>(functions.Where(f => f.Key != "null").ToDictionary(), StringComparer.Ordinal);
            Assert.Equal(expected, tshark);
        }
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public void Manifest_ExpectedAlerts_AreSensorAlertTitles(string scenario, int seed)
    {
        var run = scenarios.Get(scenario, seed);
        var titles = SensorAlertTitles();
        var steps = run.Manifest.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(scenario == "baseline", steps.Count == 0);
        foreach (var step in steps)
        {
            var alerts = step.GetProperty("expectedAlerts").EnumerateArray().Select(a => a.GetString()!).ToList();
            Assert.NotEmpty(alerts);
            foreach (var alert in alerts) Assert.Contains(alert, titles);
            var at = DateTime.Parse(step.GetProperty("at").GetString()!, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);
            var start = DateTime.Parse(run.Manifest.GetProperty("start").GetString()!, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);
            Assert.InRange(at, start, start + GeneratedScenarios.Duration);
        }
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public void Inventory_HasEveryManifestDevice(string scenario, int seed)
    {
        var run = scenarios.Get(scenario, seed);
        var addresses = run.Analysis.Devices.EnumerateArray()
            .SelectMany(d => d.GetProperty("ipAddresses").EnumerateArray().Select(a => a.GetString()!)).ToHashSet(StringComparer.Ordinal);
        foreach (var device in run.Manifest.GetProperty("devices").EnumerateArray())
            Assert.Contains(device.GetProperty("ip").GetString()!, addresses);
    }

    [Fact]
    public void Inventory_Ieds_CarryTheIdentityTheyAnswerOverMms()
    {
        var run = scenarios.Get("baseline", 7);
        var ieds = run.Manifest.GetProperty("devices").EnumerateArray().Where(d => d.GetProperty("type").GetString() == "Ied").ToList();
        Assert.NotEmpty(ieds);
        foreach (var ied in ieds)
        {
            var ip = ied.GetProperty("ip").GetString()!;
            var device = run.Analysis.Devices.EnumerateArray().Single(d => d.GetProperty("ipAddresses").EnumerateArray().Any(a => a.GetString() == ip));
            var evidence = device.GetProperty("evidence");
            Assert.Equal(ied.GetProperty("vendor").GetString(), device.GetProperty("vendor").GetString());
            Assert.Equal("mms.identity", evidence.GetProperty("vendor").GetProperty("source").GetString());
            Assert.Equal(ied.GetProperty("model").GetString(), evidence.GetProperty("model").GetProperty("value").GetString());
            Assert.Equal(ied.GetProperty("firmware").GetString(), evidence.GetProperty("firmware").GetProperty("value").GetString());
        }
    }

    [Fact]
    public void Analyze_CipProgramDownloadReplies_PairedWithTheirFileObjectRequests()
    {
        // The simulated targets echo the sender context, so every reply names the class of its request.
        var run = scenarios.Get("cip-program-change", 7);
        var file = run.Analysis.Events
            .Where(e => e.GetProperty("protocol").GetString() == "cip" && e.TryGetProperty("cipClass", out var c) && c.ValueKind == JsonValueKind.Number && c.GetInt32() == 0x37)
            .ToList();
        int requests = file.Count(e => !e.GetProperty("response").GetBoolean());
        int replies = file.Count(e => e.GetProperty("response").GetBoolean());

        Assert.True(requests > 0);
        Assert.Equal(requests, replies);
        Assert.All(file, e => Assert.Equal("program_download", e.GetProperty("operation").GetString()));
    }

    [Fact]
    public void Tshark_DissectsTheEngineeringStationsSmb2FileRead()
    {
        var run = scenarios.Get("baseline", 7);
        var lines = Tshark(run.Capture, "smb2", "smb2.cmd", "smb2.nt_status", "smb2.flags.response");
        // request/response pairs: NEGOTIATE, SESSION_SETUP (NTLM, more processing then success), TREE_CONNECT, CREATE, READ, CLOSE, TREE_DISCONNECT, LOGOFF
        string[] expected =
        [
            "0||0", "0|0x00000000|1", "1||0", "1|0xc0000016|1", "1||0", "1|0x00000000|1", "3||0", "3|0x00000000|1",
            "5||0", "5|0x00000000|1", "8||0", "8|0x00000000|1", "6||0", "6|0x00000000|1", "4||0", "4|0x00000000|1", "2||0", "2|0x00000000|1",
        ];
        Assert.Equal(expected, lines.Take(expected.Length).Select(l => l.Replace("True", "1", StringComparison.Ordinal).Replace("False", "0", StringComparison.Ordinal)));
        Assert.Equal(0, lines.Count % expected.Length);
    }

    [Fact]
    public void Tshark_ShowsTheGuessedCredentialsInClearText()
    {
        var run = scenarios.Get("password-guessing", 7);
        Assert.Equal(["admin:admin", "admin:1234", "admin:schneider", "admin:password", "admin:USER", "admin:Admin123"],
            Tshark(run.Capture, "http.authbasic", "http.authbasic"));
        Assert.Equal(24, Tshark(run.Capture, "ftp.request.command == \"PASS\"", "ftp.request.arg").Count);
        Assert.Equal(23, Tshark(run.Capture, "ftp.response.code == 530", "ftp.response.code").Count);
        var telnet = Tshark(run.Capture, "telnet.data", "telnet.data");
        Assert.Equal(21, telnet.Count(l => l.StartsWith("admin\\r\\n,Password: ", StringComparison.Ordinal)));
        Assert.Equal(20, telnet.Count(l => l.Contains("% Authentication failed", StringComparison.Ordinal)));
        Assert.Equal(7, Tshark(run.Capture, "telnet.cmd == 251 && tcp.srcport == 23", "tcp.stream").Count);   // WILL ECHO/SGA offers, one per connection
    }

    /// <summary>tshark's fields (separated by '|') of the frames matching <paramref name="filter"/>.</summary>
    private static List<string> Tshark(string capture, string filter, params string[] fields)
    {
        var start = new System.Diagnostics.ProcessStartInfo("tshark") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-n", "-r", capture, "-Y", filter, "-T", "fields", "-E", "separator=|" }) start.ArgumentList.Add(a);
        foreach (var f in fields)
        {
            start.ArgumentList.Add("-e");
            start.ArgumentList.Add(f);
        }
        using var process = System.Diagnostics.Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var lines = process.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        process.WaitForExit();
        _ = stderr.Result;
        return lines;
    }

    private static SortedDictionary<string, SortedDictionary<string, long>> ManifestHistograms(JsonElement manifest)
    {
        var result = new SortedDictionary<string, SortedDictionary<string, long>>(StringComparer.Ordinal);
        foreach (var protocol in manifest.GetProperty("pdus").EnumerateObject())
        {
            var h = new SortedDictionary<string, long>(StringComparer.Ordinal);
            foreach (var function in protocol.Value.EnumerateObject()) h[function.Name] = function.Value.GetInt64();
            result[protocol.Name] = h;
        }
        return result;
    }

    /// <summary>The alert titles of sensor-reference §3 (first column of its alert tables, bold and footnote marks removed).</summary>
    private static HashSet<string> SensorAlertTitles()
    {
        var doc = Path.GetFullPath(Path.Combine(SharedCaptures.PublicRoot!, "..", "..", "docs", "sensor-reference.md"));
        var titles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(doc))
        {
            var match = TableRow().Match(line);
            if (match.Success) titles.Add(match.Groups[1].Value.Replace("**", "", StringComparison.Ordinal).TrimEnd('*', ' '));
        }
        return titles;
    }

    [GeneratedRegex(@"^\|\s*([^|]+?)\s*\|\s*(?:\*\*)?(?:High|Medium|Low)")]
    private static partial Regex TableRow();
}
