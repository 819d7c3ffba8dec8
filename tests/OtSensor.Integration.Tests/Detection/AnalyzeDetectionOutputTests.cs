using System.Buffers.Binary;
using System.Text.Json;
using OtSensor.Simulation;
using OtSensor.Simulation.Scenarios;

namespace OtSensor.Integration.Tests.Detection;

/// <summary>
/// <c>otsensor analyze</c> writes alerts.json (the sensor API's v2 alert fields plus ours), alerts/&lt;id&gt;.pcap,
/// timeline.json and baseline.json; a saved baseline reloads with <c>--baseline</c>, and bad detection options fail
/// with one line.
/// </summary>
public sealed class AnalyzeDetectionOutputTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("otsensor-detect-cli-").FullName;

    private string Generate(string scenario, int seed = 7)
    {
        var path = Path.Combine(_folder, $"{scenario}-{seed}.pcapng");
        if (!File.Exists(path))
        {
            using var file = File.Create(path);
            SimulationRunner.Run(ScenarioCatalog.Find(scenario)!, TimeSpan.FromMinutes(3), seed, file);
        }
        return path;
    }

    private static JsonElement Read(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.Clone();
    }

    [Fact]
    public void Analyze_DemoCapture_ModbusExceptionMessagesNameTheException()
    {
        var output = Path.Combine(_folder, "out-demo");
        var result = CliRunner.Run("analyze", RepoPaths.DemoCapture, "--out", output, "--quiet", "--no-events");
        Assert.True(result.ExitCode == 0, result.StandardError);

        var exceptions = Read(Path.Combine(output, "alerts.json")).EnumerateArray()
            .Where(a => a.GetProperty("title").GetString() == "Modbus Exception").ToList();
        Assert.NotEmpty(exceptions);
        Assert.All(exceptions, a => Assert.EndsWith("with exception Illegal data address (2).", a.GetProperty("message").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public void Analyze_PlcStop_WritesAlertsWithTheApiFieldsAndTheirPcaps()
    {
        var output = Path.Combine(_folder, "out-stop");
        var result = CliRunner.Run("analyze", Generate("plc-stop"), "--out", output, "--quiet", "--no-events");
        Assert.True(result.ExitCode == 0, result.StandardError);

        var alerts = Read(Path.Combine(output, "alerts.json"));
        var stop = alerts.EnumerateArray().Single(a => a.GetProperty("title").GetString() == "An S7 Stop PLC Command was Sent");
        foreach (var field in new[] { "id", "time", "title", "message", "severity", "engine", "sourceDevice", "destinationDevice",
            "sourceDeviceAddress", "destinationDeviceAddress", "remediationSteps", "additionalInformation",
            "type", "status", "count", "firstDetection", "lastDetection", "evidence", "mitre" })
            Assert.True(stop.TryGetProperty(field, out _), field);
        Assert.Equal("Operational", stop.GetProperty("engine").GetString());
        Assert.Equal("Minor", stop.GetProperty("severity").GetString());
        Assert.Equal("10.20.2.10", stop.GetProperty("sourceDeviceAddress").GetString());
        Assert.Equal("10.20.1.14", stop.GetProperty("destinationDeviceAddress").GetString());
        Assert.Equal(JsonValueKind.Number, stop.GetProperty("sourceDevice").ValueKind);
        Assert.Equal("New", stop.GetProperty("status").GetString());

        // The alert's PCAP holds its evidence frames: a classic pcap header and one record per frame.
        var frames = stop.GetProperty("evidence").GetProperty("frames").GetArrayLength();
        var pcap = File.ReadAllBytes(Path.Combine(output, stop.GetProperty("evidence").GetProperty("pcap").GetString()!));
        Assert.Equal(0xA1B2C3D4u, BinaryPrimitives.ReadUInt32LittleEndian(pcap));
        int records = 0;
        for (int offset = 24; offset < pcap.Length; offset += 16 + (int)BinaryPrimitives.ReadUInt32LittleEndian(pcap.AsSpan(offset + 8))) records++;
        Assert.Equal(frames, records);

        var timeline = Read(Path.Combine(output, "timeline.json"));
        Assert.Contains(timeline.EnumerateArray(), e => e.GetProperty("type").GetString() == "S7_PLC_MODE_CHANGE");
        Assert.Contains(timeline.EnumerateArray(), e => e.GetProperty("type").GetString() == "DEVICE_CREATE");
        Assert.Contains(timeline.EnumerateArray(), e => e.GetProperty("type").GetString() == "ALERT_REPORTED");

        var summary = Read(Path.Combine(output, "summary.json"));
        Assert.Equal(alerts.GetArrayLength(), summary.GetProperty("alerts").GetProperty("total").GetInt32());
        Assert.True(File.Exists(Path.Combine(output, "baseline.json")));
    }

    [Fact]
    public void Analyze_WithASavedBaseline_StartsOperationalAndStaysQuietOnTheSamePlant()
    {
        var learned = Path.Combine(_folder, "out-learn");
        Assert.Equal(0, CliRunner.Run("analyze", Generate("baseline"), "--out", learned, "--quiet", "--no-events").ExitCode);
        var baselineFile = Path.Combine(learned, "baseline.json");
        var baseline = Read(baselineFile);
        Assert.True(baseline.GetProperty("hosts").GetArrayLength() > 10);
        Assert.True(baseline.GetProperty("functions").GetArrayLength() > 10);

        // The same plant again, judged from the first packet: nothing new.
        var again = Path.Combine(_folder, "out-again");
        var quiet = CliRunner.Run("analyze", Generate("baseline"), "--out", again, "--quiet", "--no-events", "--baseline", baselineFile);
        Assert.True(quiet.ExitCode == 0, quiet.StandardError);
        var alerts = Read(Path.Combine(again, "alerts.json"));
        Assert.True(alerts.GetArrayLength() == 0, alerts.ToString());

        // The attack on that plant, judged from the first packet: the stop is still an alert.
        var attack = Path.Combine(_folder, "out-attack");
        Assert.Equal(0, CliRunner.Run("analyze", Generate("plc-stop"), "--out", attack, "--quiet", "--no-events", "--baseline", baselineFile).ExitCode);
        var titles = Read(Path.Combine(attack, "alerts.json")).EnumerateArray().Select(a => a.GetProperty("title").GetString()).ToList();
        Assert.Contains("An S7 Stop PLC Command was Sent", titles);
        Assert.Contains("Unauthorized PLC Configuration Write", titles);
    }

    [Theory]
    [InlineData("--learn", "soon", "--learn: 'soon' is not a duration")]
    [InlineData("--alert-rules", "{\"alerts\":[{\"id\":\"nope\"}]}", "alert 'nope' is not in the catalogue")]
    [InlineData("--baseline", "{\"version\":9}", "expected an object with \"version\": 1")]
    public void Analyze_BadDetectionOption_FailsWithOneLine(string option, string value, string expected)
    {
        if (option != "--learn")
        {
            var file = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".json");
            File.WriteAllText(file, value);
            value = file;
        }
        var result = CliRunner.Run("analyze", Generate("baseline"), "--out", Path.Combine(_folder, "out-bad"), "--quiet", option, value);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.StandardError, StringComparison.Ordinal);
        Assert.Single(result.StandardError.Trim().Split('\n'));
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { }
    }
}
