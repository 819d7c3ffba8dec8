using OtSensor.Analysis.Detection;
using OtSensor.Engine;
using OtSensor.TestKit;

namespace OtSensor.Integration.Tests.Detection;

/// <summary>
/// Issue 7 Must show #2, operational part: public captures of controller commands raise the matching operational
/// alert between the captured client and controller. Each capture is analysed on its own with no learning (every
/// command is a first sighting), as a sensor that has just been switched on would see it.
/// </summary>
public sealed class RealCaptureAlertTests
{
    public static TheoryData<string, string, string, string> Cases() => new()
    {
        // family/file, expected title, source, destination
        { "enip-cip/ICS-Security-Tools__EIP-FirmwareChangeFailure.pcap", "Firmware Update", "192.168.10.105", "192.168.10.120" },
        { "enip-cip/ICS-Security-Tools__EIP-RebootorRestart.pcap", "Controller Reset", "192.168.10.105", "192.168.10.120" },
        { "enip-cip/ICS-Security-Tools__EIP-RemoteModeChangeAttempt.pcap", "Controller Stop", "192.168.10.105", "192.168.10.121" },
        { "enip-cip/ICS-Security-Tools__cip_start_plc.pcap", "PLC Operating Mode Changed", "192.168.1.69", "192.168.1.30" },
        { "dnp3/ICS-Security-Tools__warm_restart_and_response.pcap", "Outstation Restarted", "192.168.60.1", "192.168.60.130" },
        { "s7comm/ICS-Security-Tools__snap7_s300_stop.pcapng", "An S7 Stop PLC Command was Sent", "134.249.62.206", "134.249.61.163" },
        { "s7comm/ICS-Security-Tools__step7_s300_download.pcapng", "PLC Program Download", "134.249.53.130", "134.249.61.182" },
        { "s7comm/ICS-Security-Tools__step7_s300_download.pcapng", "Unauthorized PLC Programming", "134.249.53.130", "134.249.61.182" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Analyze_ControllerCommandCapture_RaisesTheOperationalAlert(string capture, string title, string source, string destination)
    {
        var path = Path.Combine(SharedCaptures.PublicRoot ?? throw new InvalidOperationException("../shared is missing"), capture);
        var options = new EngineOptions { Detection = new DetectionOptions { Learning = TimeSpan.Zero, NewcomerLearning = TimeSpan.Zero } };
        using var analyzer = new CaptureAnalyzer(options, new NullPduObserver());
        analyzer.Run([path]);
        var alerts = analyzer.Detection!.Alerts.Alerts;
        Assert.Contains(alerts, a => a.Type.Title == title && a.Source.ToString() == source && a.Destination.ToString() == destination);
        var alert = alerts.First(a => a.Type.Title == title);
        Assert.True(alert.EvidenceCount > 0);
        Assert.Contains(analyzer.Detection.Timeline.Events, e => e.AlertId == alert.Id);
    }
}
