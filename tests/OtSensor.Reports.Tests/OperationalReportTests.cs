using System.Text.Json;
using OtSensor.Analysis.Detection;
using OtSensor.Outputs.Reports.Exports;
using OtSensor.Outputs.Reports.Model;
using OtSensor.Outputs.Reports.Risk;

namespace OtSensor.Reports.Tests;

/// <summary>
/// The sensor's <c>/api/v1/reports/vulnerabilities/operational</c> payload (sensor-reference §9.3) and the data-mining
/// activity lists (§5.3), from a small hand-made site whose answers are known.
/// </summary>
public sealed class OperationalReportTests
{
    private static readonly DateTime End = new(2026, 11, 20, 12, 0, 0, DateTimeKind.Utc);

    private static ReportInput Site()
    {
        ReportDevice Device(int id, string address, string name, DateTime lastSeen, bool internet = false)
            => new(id, address, "", name, "", "", "", "PLC", 1, internet, false, "MODBUS", End.AddDays(-30), lastSeen);
        var devices = new List<ReportDevice>
        {
            Device(1, "10.10.10.11", "plc-1", End.AddHours(-1)),
            Device(2, "10.10.10.12", "plc-2", End.AddDays(-3)),
            Device(3, "10.10.10.13", "plc-3", End.AddDays(-8)),
            Device(4, "10.10.20.10", "hmi", End.AddMinutes(-5)),
            Device(5, "203.0.113.9", "", End.AddMinutes(-5), internet: true),
        };
        var connections = new List<ReportConnection>
        {
            new(4, 1, ["MODBUS"], [502], 1000, "", Bytes: 3L << 20),
            new(4, 2, ["MODBUS", "HTTP"], [502, 80], 500, "", Bytes: 1L << 20),
            new(1, 5, ["TLS"], [443], 10, "", Bytes: 2048),
        };
        var alerts = new List<ReportAlert>
        {
            new(1, "modbus-illegal-function", "Illegal MODBUS Operation (Function Code Zero)", AlertEngine.ProtocolViolation, AlertSeverity.Major,
                End.AddHours(-2), "10.10.20.10", "10.10.10.11", 4, 1, "m", "r", "", true, "MODBUS"),
            new(2, "device-unresponsive", "Unresponsive Device", AlertEngine.Operational, AlertSeverity.Minor,
                End.AddHours(-3), "10.10.10.12", "", 2, 0, "m", "r", "", true),
        };
        var events = new List<ReportEvent> { new(End.AddHours(-3).AddMinutes(5), TimelineEventType.BackToNormal, "back", "10.10.10.12", "") };
        return new ReportInput { Site = "ops", CaptureStart = End.AddDays(-30), CaptureEnd = End, Devices = devices, Connections = connections, Alerts = alerts, Events = events };
    }

    [Fact]
    public void WriteOperational_KnownSite_NetworksProblemsVolumesAndDisconnections()
    {
        var model = RiskAssessment.Build(Site());
        using var stream = new MemoryStream();

        VulnerabilityApiWriter.WriteOperational(stream, model);

        using var json = JsonDocument.Parse(stream.ToArray());
        var root = json.RootElement;
        Assert.Equal(0, root.GetProperty("backupServer").GetArrayLength());
        var networks = root.GetProperty("ipNetworks").EnumerateArray().Select(n => (n.GetProperty("network").GetString(), n.GetProperty("mask").GetString(), n.GetProperty("addresses").GetString())).ToList();
        Assert.Equal([("10.10.10.0", "255.255.255.0", "3"), ("10.10.20.0", "255.255.255.0", "1")], networks);
        var problem = Assert.Single(root.GetProperty("protocolProblems").EnumerateArray());
        Assert.Equal(("MODBUS", "Illegal MODBUS Operation (Function Code Zero)"), (problem.GetProperty("protocol").GetString(), problem.GetProperty("alert").GetString()));
        Assert.Equal(["10.10.20.10", "10.10.10.11"], problem.GetProperty("addresses").EnumerateArray().Select(a => a.GetString()));
        var volumes = root.GetProperty("protocolDataVolumes").EnumerateArray().Select(v => (v.GetProperty("protocol").GetString(), v.GetProperty("volume").GetString())).ToList();
        Assert.Equal([("MODBUS", "4.00 MB"), ("HTTP", "1.00 MB"), ("TLS", "2.00 KB")], volumes);
        var disconnection = Assert.Single(root.GetProperty("disconnections").EnumerateArray());
        Assert.Equal(("10.10.10.12", "plc-2"), (disconnection.GetProperty("assetAddress").GetString(), disconnection.GetProperty("assetName").GetString()));
        Assert.Equal(new DateTimeOffset(End.AddHours(-3).AddMinutes(5)).ToUnixTimeMilliseconds(), disconnection.GetProperty("backToNormalTime").GetInt64());
    }

    [Fact]
    public void Build_ActivityLists_ActiveInTheLastDayNonActiveForAWeek()
    {
        var model = RiskAssessment.Build(Site());

        Assert.Equal(["10.10.10.11", "10.10.20.10", "203.0.113.9"], model.Tables["active-devices"].Rows.Select(r => r[0]));
        Assert.Equal(["10.10.10.13"], model.Tables["nonactive-devices"].Rows.Select(r => r[0]));
    }

    [Fact]
    public void Write_Exports_IncludeTheOperationalPayloadAndActivityLists()
    {
        var folder = Directory.CreateTempSubdirectory("otsensor-ops-").FullName;
        try
        {
            var files = ReportExports.Write(RiskAssessment.Build(Site()), folder).Select(Path.GetFileName).ToList();

            Assert.Contains("operational.json", files);
            Assert.Contains("active-devices.csv", files);
            Assert.Contains("nonactive-devices.json", files);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
