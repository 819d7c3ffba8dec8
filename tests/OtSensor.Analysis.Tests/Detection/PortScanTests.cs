using OtSensor.Analysis.Detection;
using OtSensor.Analysis.Inventory;
using OtSensor.Core.Net;
using OtSensor.Core.Time;

namespace OtSensor.Analysis.Tests.Detection;

/// <summary>
/// Port and address scans are told by what a source's SYNs get (RFC 9293 §3.5): refused, torn down half-open or
/// unanswered attempts count; completed connections do not, however many a busy client opens.
/// </summary>
public sealed class PortScanTests
{
    private static readonly Timestamp T0 = Timestamp.FromDateTime(new DateTime(2026, 3, 2, 6, 0, 0, DateTimeKind.Utc));
    private static readonly IPAddressBytes Scanner = IPAddressBytes.FromIPv4(0x0A1401C8);   // 10.20.1.200
    private static readonly IPAddressBytes Plc = IPAddressBytes.FromIPv4(0x0A14010A);       // 10.20.1.10

    private readonly DeviceInventory _inventory = new();
    private readonly DetectionEngine _engine;
    private long _frame;

    public PortScanTests()
    {
        // Learning off: every attempt is judged as an operational sensor would.
        _engine = new DetectionEngine(_inventory, new DetectionOptions { Learning = TimeSpan.Zero, NewcomerLearning = TimeSpan.Zero });
        _engine.OnTick(T0);
    }

    private static MacAddress Mac(IPAddressBytes address) => new(0x02_00_00_00_00_00UL | (address.IPv4Value & 0xFFFFFF));

    /// <summary>A flow opened by the client's SYN to <paramref name="server"/>:<paramref name="port"/>.</summary>
    private DetectionFlow Syn(IPAddressBytes client, IPAddressBytes server, ushort port, Timestamp at)
    {
        var devices = new FlowDevices();
        _inventory.OpenFlow(devices, client, Mac(client), server, Mac(server), port, at);
        var flow = new DetectionFlow();
        _engine.OnFlowOpened(flow, devices, client, server, port, at, ++_frame, isTcp: true, openedBySyn: true);
        return flow;
    }

    /// <summary>Time-driven checks up to <paramref name="until"/>, every 5 s as the pipeline makes them.</summary>
    private void TickUntil(Timestamp until)
    {
        while (_engine.NextTick <= until.UnixNanoseconds) _engine.OnTick(new Timestamp(_engine.NextTick));
    }

    private List<Alert> Alerts(string type) => [.. _engine.Alerts.Alerts.Where(a => a.Type.Id == type)];

    [Fact]
    public void OnHandshake_UnansweredSynsToManyPorts_RaisePortScanAfterTheWait()
    {
        var t = T0;
        // 30 SYNs to 30 ports of one controller, 10 ms apart; nothing answers.
        for (ushort port = 1; port <= 30; port++)
        {
            t = t.Add(TimeSpan.FromMilliseconds(10));
            var flow = Syn(Scanner, Plc, port, t);
            Assert.True(flow.AwaitingHandshake);
        }
        // Not yet: an attempt is unanswered only once its SYN waited 3 s.
        Assert.Empty(Alerts("port-scan"));
        TickUntil(t.Add(TimeSpan.FromSeconds(10)));
        var scan = Assert.Single(Alerts("port-scan"));
        Assert.Equal(Scanner.ToString(), scan.Source.ToString());
        Assert.Equal(Plc.ToString(), scan.Destination.ToString());
        // The 25th pair raised it, the 5 after it counted up.
        Assert.Equal(6, scan.Count);
    }

    [Fact]
    public void OnHandshake_RstAnsweredSyns_RaisePortScanAtOnce()
    {
        var t = T0;
        for (ushort port = 1; port <= 25; port++)
        {
            t = t.Add(TimeSpan.FromMilliseconds(10));
            var flow = Syn(Scanner, Plc, port, t);
            // Closed port: RST+ACK from the server (RFC 9293 §3.10.7.1).
            _engine.OnHandshake(flow, fromClient: false, syn: false, ack: true, rst: true, t.Add(TimeSpan.FromMilliseconds(1)));
            Assert.False(flow.AwaitingHandshake);
        }
        var scan = Assert.Single(Alerts("port-scan"));
        Assert.Equal(Scanner.ToString(), scan.Source.ToString());
        Assert.True(scan.FirstTime < t.Add(TimeSpan.FromSeconds(1)), scan.FirstTime.ToString());
    }

    [Fact]
    public void OnHandshake_HalfOpenProbesOfOpenPorts_CountAsScan()
    {
        var t = T0;
        for (ushort port = 1; port <= 25; port++)
        {
            t = t.Add(TimeSpan.FromMilliseconds(10));
            var flow = Syn(Scanner, Plc, port, t);
            // SYN-ACK decides nothing; the scanner's RST instead of the handshake's ACK makes it a probe.
            _engine.OnHandshake(flow, fromClient: false, syn: true, ack: true, rst: false, t.Add(TimeSpan.FromMilliseconds(1)));
            Assert.True(flow.AwaitingHandshake);
            _engine.OnHandshake(flow, fromClient: true, syn: false, ack: false, rst: true, t.Add(TimeSpan.FromMilliseconds(2)));
        }
        Assert.Single(Alerts("port-scan"));
    }

    [Fact]
    public void OnHandshake_BusyClientsCompletedConnections_RaiseNoScan()
    {
        var client = IPAddressBytes.FromIPv4(0x0A140205);   // 10.20.2.5, an engineering station
        var t = T0;
        // 40 ports on each of 60 servers within two minutes: every connection answered and completed.
        for (uint server = 1; server <= 60; server++)
        {
            for (ushort port = 1; port <= 40; port++)
            {
                t = t.Add(TimeSpan.FromMilliseconds(1));
                var flow = Syn(client, IPAddressBytes.FromIPv4(0x0A140300 | server), port, t);
                _engine.OnHandshake(flow, fromClient: false, syn: true, ack: true, rst: false, t.Add(TimeSpan.FromMicroseconds(300)));
                _engine.OnHandshake(flow, fromClient: true, syn: false, ack: true, rst: false, t.Add(TimeSpan.FromMicroseconds(400)));
                Assert.False(flow.AwaitingHandshake);
                // Its own RST at the end of the connection is no probe.
                _engine.OnHandshake(flow, fromClient: true, syn: false, ack: true, rst: true, t.Add(TimeSpan.FromMicroseconds(500)));
            }
        }
        TickUntil(t.Add(TimeSpan.FromSeconds(30)));
        Assert.Empty(Alerts("port-scan"));
        Assert.Empty(Alerts("address-scan"));
        Assert.Equal(0, _engine.HandshakeState.Pending);
    }

    [Fact]
    public void OnHandshake_UnansweredSynsToManyHosts_RaiseAddressScan()
    {
        var t = T0;
        for (uint host = 1; host <= 60; host++)
        {
            t = t.Add(TimeSpan.FromMilliseconds(5));
            Syn(Scanner, IPAddressBytes.FromIPv4(0x0A140400 | host), 502, t);
        }
        TickUntil(t.Add(TimeSpan.FromSeconds(10)));
        var scan = Assert.Single(Alerts("address-scan"));
        Assert.Equal(Scanner.ToString(), scan.Source.ToString());
        // One port only: an address scan, not a port scan.
        Assert.Empty(Alerts("port-scan"));
    }

    [Fact]
    public void OnFlowOpened_SynFlood_KeepsPendingAttemptsBoundedAndJudgesTheOldestEarly()
    {
        var t = T0;
        // Twice the ring's capacity within one second: the oldest are judged (unanswered) as new SYNs need their slots.
        for (int i = 0; i < 2 * _engine.HandshakeState.Capacity; i++)
        {
            t = t.Add(TimeSpan.FromTicks(1000));
            Syn(Scanner, IPAddressBytes.FromIPv4(0x0A150000 | (uint)(i % 4000)), (ushort)(1 + (i % 100)), t);
        }
        Assert.True(_engine.HandshakeState.Pending <= _engine.HandshakeState.Capacity, _engine.HandshakeState.Pending.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // Judged early, the flood's first attempts already make the scan, long before any 3-s wait ended.
        Assert.Contains(Alerts("port-scan"), a => a.FirstTime < t);
    }
}
