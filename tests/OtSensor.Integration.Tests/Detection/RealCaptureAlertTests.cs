using OtSensor.Analysis.Detection;
using OtSensor.Engine;
using OtSensor.TestKit;

namespace OtSensor.Integration.Tests.Detection;

/// <summary>
/// Issue 7 Must show #2: public captures of controller commands raise the matching operational alert between the
/// captured client and controller; malformed DNP3 captures raise protocol-violation alerts; scan-like captures raise
/// anomaly alerts. Each capture is analysed on its own with no learning (every command and every contact is a first
/// sighting), as a sensor that has just been switched on would see it.
/// </summary>
public sealed class RealCaptureAlertTests
{
    public static TheoryData<string, string, string, string> Cases() => new()
    {
        // family/file, expected title, source, destination
        { "enip-cip/ICS-Security-Tools__EIP-FirmwareChangeFailure.pcap", "Firmware Update", "192.168.10.105", "192.168.10.120" },
        { "enip-cip/ICS-Security-Tools__EIP-RebootorRestart.pcap", "Controller Reset", "192.168.10.105", "192.168.10.120" },
        { "enip-cip/ICS-Security-Tools__EIP-RebootorRestart.pcap", "PLC Operating Mode Changed", "192.168.10.105", "192.168.10.120" },
        { "enip-cip/ICS-Security-Tools__EIP-RemoteModeChangeAttempt.pcap", "Controller Stop", "192.168.10.105", "192.168.10.121" },
        { "enip-cip/ICS-Security-Tools__cip_start_plc.pcap", "PLC Operating Mode Changed", "192.168.1.69", "192.168.1.30" },
        // Set Attribute List, attribute 6 of the Logix Wall Clock Time object (class 0x8B): the controller's clock.
        { "enip-cip/ICS-Security-Tools__EIP-ChangeTimeAttempt.pcap", "Device Time Changed", "192.168.10.105", "192.168.10.120" },
        { "enip-cip/ICS-Security-Tools__EIP-ChangeDateAttempt.pcap", "Device Time Changed", "192.168.10.105", "192.168.10.120" },
        { "dnp3/ICS-Security-Tools__warm_restart_and_response.pcap", "Outstation Restarted", "192.168.60.1", "192.168.60.130" },
        { "s7comm/ICS-Security-Tools__snap7_s300_stop.pcapng", "An S7 Stop PLC Command was Sent", "134.249.62.206", "134.249.61.163" },
        { "s7comm/ICS-Security-Tools__step7_s300_download.pcapng", "PLC Program Download", "134.249.53.130", "134.249.61.182" },
        { "s7comm/ICS-Security-Tools__step7_s300_download.pcapng", "Unauthorized PLC Programming", "134.249.53.130", "134.249.61.182" },
    };

    /// <summary>Malformed and scan-like captures: family/file, expected engine and title, source, destination ("" when the alert has none).</summary>
    public static TheoryData<string, AlertEngine, string, string, string> AnomalyCases() => new()
    {
        // DNP3 requests whose object headers break IEEE 1815 (more points than the range allows; a qualifier the
        // object does not take; a response function code from the master).
        { "dnp3/suricata-verify__dnp3-max-points_test.pcap", AlertEngine.ProtocolViolation, "Incorrect Parameter Sent to Outstation", "192.168.1.100", "192.168.1.200" },
        { "dnp3/suricata-verify__dnp3-max-points_test.pcap", AlertEngine.ProtocolViolation, "Illegal DNP3 Operation", "192.168.1.100", "192.168.1.200" },
        { "dnp3/ICS-Security-Tools__write_vto_empty_string.pcap", AlertEngine.ProtocolViolation, "Incorrect Parameter Sent to Outstation", "192.168.10.9", "192.168.10.4" },
        // An outstation streaming one fragment over 64 transport segments without FIN, past the 63 × 255-octet bound
        // (a stream anomaly of the session, not a PDU's anomaly bit).
        { "dnp3/suricata-verify__dnp3-too-long-reassembly-response_input.pcap", AlertEngine.ProtocolViolation, "Malformed Protocol Data Unit", "10.0.0.2", "10.0.0.1" },
        // One client reaching 13 Modbus slaves, and BACnet clients reading a building's controllers, within seconds.
        { "modbus/ICS-Security-Tools__ModbusTCP.pcap", AlertEngine.Anomaly, "PLC Scan Detected", "141.81.0.10", "" },
        { "bacnet/icsnpp-bacnet__bacnet_example.pcap", AlertEngine.Anomaly, "PLC Scan Detected", "172.20.32.200", "" },
        // TwinCAT's device scan and an OPC UA discovery client retrying 50 connections in ten seconds.
        { "ethercat/ethercrab__twincat-scan-devices-2.pcapng", AlertEngine.Anomaly, "Excessive Number of Sessions", "192.168.0.17", "" },
        { "opcua/icsnpp-opcua-binary__open62541_discover_getendpoints_discover_urls.pcap", AlertEngine.Anomaly, "Excessive Number of Sessions", "192.168.224.105", "" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Analyze_ControllerCommandCapture_RaisesTheOperationalAlert(string capture, string title, string source, string destination)
        => AssertRaised(capture, title, source, destination);

    [Theory]
    [MemberData(nameof(AnomalyCases))]
    public void Analyze_MalformedOrScanLikeCapture_RaisesTheAlert(string capture, AlertEngine engine, string title, string source, string destination)
    {
        var alert = AssertRaised(capture, title, source, destination);
        Assert.Equal(engine, alert.Type.Engine);
    }

    private static Alert AssertRaised(string capture, string title, string source, string destination)
    {
        var path = Path.Combine(SharedCaptures.PublicRoot ?? throw new InvalidOperationException("../shared is missing"), capture);
        var options = new EngineOptions { Detection = new DetectionOptions { Learning = TimeSpan.Zero, NewcomerLearning = TimeSpan.Zero } };
        using var analyzer = new CaptureAnalyzer(options, new NullPduObserver());
        analyzer.Run([path]);
        var alerts = analyzer.Detection!.Alerts.Alerts;
        Assert.Contains(alerts, a => a.Type.Title == title && a.Source.ToString() == source && a.Destination.ToString() == destination);
        var alert = alerts.First(a => a.Type.Title == title && a.Source.ToString() == source);
        Assert.True(alert.EvidenceCount > 0);
        Assert.Contains(analyzer.Detection.Timeline.Events, e => e.AlertId == alert.Id);
        return alert;
    }
}
