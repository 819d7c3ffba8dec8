using OtSensor.Analysis.Detection;
using OtSensor.Analysis.Inventory;
using OtSensor.Core.Net;
using OtSensor.Core.Protocols;
using OtSensor.Core.Time;
using OtSensor.Protocols.Dnp3;

namespace OtSensor.Analysis.Tests.Detection;

/// <summary>
/// Stream anomalies a session reports (IProtocolEventSink.OnStreamAnomaly) reach the protocol-violation engine only
/// when they are violations whatever the capture did: a DNP3 fragment past its bound is; a resynchronisation or a
/// transport sequence break, which a lost segment or a capture started mid-stream produces, is not.
/// </summary>
public sealed class StreamViolationTests
{
    private static readonly Timestamp T0 = Timestamp.FromDateTime(new DateTime(2026, 3, 2, 6, 0, 0, DateTimeKind.Utc));
    private static readonly IPAddressBytes Master = IPAddressBytes.FromIPv4(0x0A000001);     // 10.0.0.1
    private static readonly IPAddressBytes Outstation = IPAddressBytes.FromIPv4(0x0A000002); // 10.0.0.2

    private readonly DeviceInventory _inventory = new();
    private readonly DetectionEngine _engine;
    private readonly FlowDevices _devices = new();
    private readonly DetectionFlow _flow = new();

    public StreamViolationTests()
    {
        _engine = new DetectionEngine(_inventory, new DetectionOptions { Learning = TimeSpan.Zero, NewcomerLearning = TimeSpan.Zero });
        _engine.OnTick(T0);
        _inventory.OpenFlow(_devices, Master, new MacAddress(0x02_00_00_00_00_01UL), Outstation, new MacAddress(0x02_00_00_00_00_02UL), 20000, T0);
        _engine.OnFlowOpened(_flow, _devices, Master, Outstation, 20000, T0, 1, isTcp: true, openedBySyn: true);
    }

    private List<Alert> Violations() => [.. _engine.Alerts.Alerts.Where(a => a.Type.Engine == AlertEngine.ProtocolViolation)];

    [Fact]
    public void OnStreamAnomaly_Dnp3TooLongReassembly_RaisesMalformedPduFromTheSender()
    {
        // The outstation (transport server) streams a fragment past the bound.
        _engine.OnStreamAnomaly(_flow, _devices, senderIsFlowClient: false, ProtocolId.Dnp3, Dnp3Fields.StreamTooLongReassembly, T0.Add(TimeSpan.FromSeconds(1)), 132);

        var alert = Assert.Single(Violations());
        Assert.Equal("Malformed Protocol Data Unit", alert.Type.Title);
        Assert.Equal((Outstation.ToString(), Master.ToString()), (alert.Source.ToString(), alert.Destination.ToString()));
        Assert.Equal(1, alert.EvidenceCount);
    }

    [Fact]
    public void OnStreamAnomaly_RepeatedTooLongReassembly_CountsUpOnOneAlert()
    {
        for (int i = 0; i < 500; i++)
            _engine.OnStreamAnomaly(_flow, _devices, senderIsFlowClient: false, ProtocolId.Dnp3, Dnp3Fields.StreamTooLongReassembly, T0.Add(TimeSpan.FromMilliseconds(10 * i)), 10 + i);

        var alert = Assert.Single(Violations());
        Assert.Equal(500L, alert.Count);
    }

    [Theory]
    [InlineData(Dnp3Fields.StreamInvalidStart)]
    [InlineData(Dnp3Fields.StreamHeaderCrcError)]
    [InlineData(Dnp3Fields.StreamTransportSequenceError)]
    [InlineData(Dnp3Fields.StreamTransportNoFir)]
    [InlineData(Dnp3Fields.StreamFragmentAbandoned)]
    [InlineData(Dnp3Fields.StreamNotDnp3)]
    [InlineData(Dnp3Fields.StreamTooManyTransactions)]
    public void OnStreamAnomaly_GapOrResyncArtefact_RaisesNothing(string anomaly)
    {
        _engine.OnStreamAnomaly(_flow, _devices, senderIsFlowClient: true, ProtocolId.Dnp3, anomaly, T0.Add(TimeSpan.FromSeconds(1)), 2);
        Assert.Empty(Violations());
    }

    [Fact]
    public void OnStreamAnomaly_SameNameOtherProtocol_RaisesNothing()
    {
        _engine.OnStreamAnomaly(_flow, _devices, senderIsFlowClient: true, ProtocolId.Iec104, Dnp3Fields.StreamTooLongReassembly, T0.Add(TimeSpan.FromSeconds(1)), 2);
        Assert.Empty(Violations());
    }
}
