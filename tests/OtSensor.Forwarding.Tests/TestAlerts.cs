using OtSensor.Outputs.Forwarding;
using OtSensor.Outputs.Forwarding.Outbox;

namespace OtSensor.Forwarding.Tests;

/// <summary>Alerts and outbox files for the tests.</summary>
internal static class TestAlerts
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 6, 1, 12, TimeSpan.Zero);
    private static readonly string[] Severities = ["Warning", "Minor", "Major", "Critical"];
    private static readonly string[] Engines = ["Protocol Violation", "Policy Violation", "Anomaly", "Malware", "Operational"];

    /// <summary>Alert number <paramref name="i"/> from one of <paramref name="sources"/> source devices.</summary>
    public static OutboundAlert Make(int i, int sources = 16, string? severity = null) => new()
    {
        Sensor = "sensor-1",
        AlertId = i,
        Type = "modbus-function-code",
        Title = "Unpermitted Usage of Modbus Function Code",
        Message = $"10.20.1.{i % sources} sent modbus Write Single Coil to 10.20.1.250 (alert {i}).",
        Severity = severity ?? Severities[i % 4],
        Engine = Engines[i % 5],
        Category = "Unauthorized Communication Behavior",
        Protocol = "modbus",
        SourceAddress = $"10.20.1.{i % sources}",
        DestinationAddress = i % 7 == 0 ? "00:1b:1b:aa:bb:cc" : "10.20.1.250",
        SourceDevice = i % sources + 1,
        DestinationDevice = 99,
        RemediationSteps = ["Check the sender.", "Isolate it if unexplained."],
        Information = ["modbus over port 502"],
        Techniques = ["T0855", "T0836"],
        Count = 1 + i % 3,
        FirstDetection = T0.AddMilliseconds(i),
        LastDetection = T0.AddMilliseconds(i + 5),
    };

    /// <summary>Alert text an attacker can shape (device names, values): CEF and JSON delimiters, line breaks, non-ASCII.</summary>
    public static OutboundAlert Hostile() => Make(7) with
    {
        Title = @"Write | to C:\plc\prog = ""x""" + "\r\nInjected: CEF:0|evil",
        Message = "a=b c\\d |pipe| new\nline \u00fcber \u4e2d\u6587 \ud83d\ude00 end=",
        Category = "cat=1\\2",
        RemediationSteps = ["step=1\nstep|2"],
        SourceAddress = "10.0.0.1",
        DestinationAddress = "fe80::1",
    };

    public static string TempFile(string name)
    {
        var dir = Path.Combine(Path.GetTempPath(), "otsensor-fwd-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, name);
    }

    public static OutboxEntry Entry(OutboundAlert alert, bool isNew = true) => new(1, alert, isNew, 0);
}
