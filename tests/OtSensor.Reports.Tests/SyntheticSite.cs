using System.Globalization;
using OtSensor.Analysis.Detection;
using OtSensor.Outputs.Reports.Model;

namespace OtSensor.Reports.Tests;

/// <summary>A made-up plant of any size: subnets of 200 devices per Purdue level, PLCs, HMIs, an engineering station per subnet.</summary>
/// <remarks>
/// Deterministic (seeded). Per subnet: one engineering station reaching every PLC in it (many-PLCs finding), Modbus and
/// S7 traffic (cleartext), one Telnet and one remote desktop session; one site-wide internet connection, one level-skipping connection, one
/// Siemens S7-1200 with an affected firmware, alerts of every severity and a programming event.
/// </remarks>
internal static class SyntheticSite
{
    private static readonly string[] Types = ["PLC", "HMI", "Engineering Station", "Switch", "Historian", "IED"];
    private static readonly double[] Levels = [1, 2, 2, 2, 3, 1];

    public static ReportInput Create(int deviceCount, int seed = 7)
    {
        var random = new Random(seed);
        var start = new DateTime(2026, 11, 1, 8, 0, 0, DateTimeKind.Utc);
        var devices = new List<ReportDevice>(deviceCount);
        var connections = new List<ReportConnection>();
        for (int i = 0; i < deviceCount; i++)
        {
            int subnet = i / 200, host = (i % 200) + 10;
            int kind = host == 10 ? 2 : random.Next(Types.Length);
            string type = Types[kind];
            bool siemens = i == 3;
            devices.Add(new ReportDevice(i + 1, $"10.{subnet / 250}.{subnet % 250}.{host}", $"00:1b:1b:{subnet % 256:x2}:{host / 256:x2}:{host % 256:x2}",
                kind == 0 ? $"PLC-{i + 1:D4}" : "", siemens ? "Siemens" : kind == 0 ? "Schneider Electric" : "",
                siemens ? "S7-1200 CPU 1214C" : kind == 0 ? "BMX P34 2020" : "", siemens ? "V4.2.3" : kind == 0 ? "" : "",
                siemens ? "PLC" : type, siemens ? 1 : Levels[kind], false, kind == 2, kind == 0 ? "MODBUS" : "", start.AddSeconds(i), start.AddHours(1)));
        }
        for (int s = 0; s * 200 < deviceCount; s++)
        {
            int station = (s * 200) + 1;
            for (int i = s * 200; i < Math.Min(deviceCount, (s + 1) * 200); i++)
            {
                var d = devices[i];
                if (d.Id == station) continue;
                if (d.IsController) connections.Add(new ReportConnection(station, d.Id, ["MODBUS"], [502], 100 + i, "MODBUS: Read Holding Registers"));
                else if (i % 7 == 0) connections.Add(new ReportConnection(d.Id, station, ["HTTP"], [80], 20, ""));
            }
            if (station + 5 <= deviceCount) connections.Add(new ReportConnection(station, station + 5, [], [23], 40, ""));
            if (station + 6 <= deviceCount) connections.Add(new ReportConnection(station, station + 6, [], [3389], 40, ""));
        }
        var alerts = new List<ReportAlert>();
        return new ReportInput
        {
            Site = "Synthetic plant",
            Sensor = "bench-sensor",
            CaptureStart = start,
            CaptureEnd = start.AddHours(1),
            Generated = start.AddHours(2),
            DetectionRan = true,
            Devices = devices,
            Connections = connections,
            Alerts = alerts,
            Events = [],
        };
    }

    /// <summary>Adds an internet host and one connection to it, a level-skipping connection, alerts of each severity and a programming event.</summary>
    public static ReportInput WithRisks(ReportInput input)
    {
        var devices = input.Devices.ToList();
        var start = input.CaptureStart!.Value;
        int internet = devices.Count + 1;
        devices.Add(new ReportDevice(internet, "203.0.113.50", "", "", "", "", "", "", null, true, false, "HTTP", start, start));
        int enterprise = devices.Count + 1;
        devices.Add(new ReportDevice(enterprise, "10.0.0.250", "", "erp", "", "", "", "Server", 4, false, false, "", start, start));
        var connections = input.Connections.ToList();
        connections.Add(new ReportConnection(2, internet, ["HTTP"], [443], 12, ""));
        connections.Add(new ReportConnection(enterprise, 4, [], [4840], 12, ""));
        var alerts = new List<ReportAlert>();
        foreach (var severity in Enum.GetValues<AlertSeverity>())
            alerts.Add(new ReportAlert(alerts.Count + 1, "test-" + severity.ToString().ToLowerInvariant(), $"Test {severity} alert", AlertEngine.PolicyViolation, severity,
                start.AddMinutes(alerts.Count * 5), devices[1].Address, devices[3].Address, 2, 4, "message", "remediate", "T0855", true));
        alerts.Add(new ReportAlert(alerts.Count + 1, "new-asset-detected", "New Asset Detected", AlertEngine.PolicyViolation, AlertSeverity.Minor,
            start.AddMinutes(40), devices[5].Address, "", 6, 0, "new", "check", "", true));
        var events = new List<ReportEvent> { new(start.AddMinutes(20), TimelineEventType.ProgramDevice, "Program download", devices[0].Address, devices[3].Address) };
        return input.With(devices, connections, alerts, events);
    }

    public static string Address(int subnet, int host) => string.Create(CultureInfo.InvariantCulture, $"10.0.{subnet}.{host}");
}
