using System.Buffers.Binary;
using System.Text;
using OtSensor.Analysis.Detection;
using OtSensor.Core.Net;
using OtSensor.Core.Time;
using OtSensor.Engine;
using OtSensor.TestKit.Pcaps;
using OtSensor.TestKit.Synthetic;

namespace OtSensor.Integration.Tests.Detection;

/// <summary>
/// The anomaly and malware detectors and the HTTP policy check on hand-made captures, each built for one behaviour:
/// an HTTP request between an unlearned pair, indicators (address, DNS question, HTTP Host), TriStation on UDP 1502,
/// a polling period that changes, and a hostile flood that must stay bounded (issue 7 Must show #4).
/// </summary>
public sealed class EngineDetectorTests : IDisposable
{
    private static readonly Timestamp Start = Timestamp.FromDateTime(new DateTime(2026, 3, 2, 6, 0, 0, DateTimeKind.Utc));
    private static readonly TimeSpan Rtt = TimeSpan.FromMilliseconds(1);
    private readonly string _folder = Directory.CreateTempSubdirectory("otsensor-detectors-").FullName;
    private int _connections;

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { }
    }

    private static MacAddress Mac(int n) => new(0x02_00_00_00_00_00UL | (uint)n);

    private static TcpEndpoint Host(byte a, byte b, byte c, byte d, ushort port) => new(Mac((c << 8) | d), FrameBuilder.IPv4(a, b, c, d), port);

    private DetectionEngine Analyze(List<(Timestamp, byte[])> frames, DetectionOptions detection, string name = "capture")
    {
        frames.Sort((x, y) => x.Item1.CompareTo(y.Item1));
        var path = PcapWriter.WriteFile(Path.Combine(_folder, name + ".pcap"), LinkType.Ethernet, frames, nanosecond: true);
        var analyzer = new CaptureAnalyzer(new EngineOptions { Detection = detection }, new NullPduObserver());
        analyzer.Run([path]);
        _connections = analyzer.Inventory.Connections.Count;
        return analyzer.Detection!;
    }

    private static DetectionOptions NoLearning(IndicatorSet? indicators = null)
        => new() { Learning = TimeSpan.Zero, NewcomerLearning = TimeSpan.Zero, Indicators = indicators };

    [Fact]
    public void Analyze_HttpBetweenUnlearnedPair_RaisesUnauthorizedHttpActivityAndClientErrors()
    {
        var frames = new List<(Timestamp, byte[])>();
        var tcp = new TcpConversation(Host(10, 0, 0, 5, 50000), Host(10, 0, 1, 10, 80), 1000, 5000, frames);
        tcp.Handshake(Start, Rtt);
        for (int i = 0; i < 3; i++)
        {
            var at = Start.Add(TimeSpan.FromSeconds(1 + i));
            tcp.Send(at, true, "GET /config.htm HTTP/1.1\r\nHost: 10.0.1.10\r\nAuthorization: Basic YWRtaW46YWRtaW4=\r\n\r\n"u8);
            tcp.Send(at.Add(Rtt), false, "HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"PLC\"\r\nContent-Length: 0\r\n\r\n"u8);
        }
        var alerts = Analyze(frames, NoLearning()).Alerts.Alerts;
        Assert.Contains(alerts, a => a.Type.Id == "unauthorized-http-activity" && a.Source.ToString() == "10.0.0.5" && a.Destination.ToString() == "10.0.1.10");
        var errors = Assert.Single(alerts, a => a.Type.Id == "http-client-error");
        Assert.Equal(3, errors.Count);
        Assert.Equal("10.0.0.5", errors.Source.ToString());
    }

    [Fact]
    public void Analyze_IndicatorFile_RaisesKnownMaliciousIpAndDomainRequests()
    {
        var file = Path.Combine(_folder, "indicators.json");
        File.WriteAllText(file, """
            {"indicators": [
              {"type": "ip", "value": "203.0.113.66", "name": "test C2", "source": "RFC 5737 documentation range"},
              {"type": "domain", "value": "evil.example", "name": "test domain", "source": "RFC 2606"}
            ]}
            """);
        var indicators = IndicatorSet.WithFile(file);
        Assert.Equal(IndicatorSet.Default.DomainCount + 1, indicators.DomainCount);

        var frames = new List<(Timestamp, byte[])>();
        var client = Host(10, 0, 0, 5, 50001);
        // A connection attempt to the listed address.
        var c2 = new TcpConversation(client, new TcpEndpoint(Mac(0x99), FrameBuilder.IPv4(203, 0, 113, 66), 443), 1, 2, frames);
        c2.Handshake(Start, Rtt);
        // A DNS question (RFC 1035 §4.1) for a name under the listed domain.
        byte[] query =
        [
            0x12, 0x34,             // id
            0x01, 0x00,             // flags: standard query, recursion desired
            0x00, 0x01,             // QDCOUNT 1
            0x00, 0x00, 0x00, 0x00, 0x00, 0x00, // AN, NS, AR counts
            2, (byte)'c', (byte)'2', 4, (byte)'e', (byte)'v', (byte)'i', (byte)'l', 7, (byte)'e', (byte)'x', (byte)'a', (byte)'m', (byte)'p', (byte)'l', (byte)'e', 0,
            0x00, 0x01,             // QTYPE A
            0x00, 0x01,             // QCLASS IN
        ];
        frames.Add((Start.Add(TimeSpan.FromSeconds(1)), FrameBuilder.Udp(client.Mac, Mac(0x53), client.Address, FrameBuilder.IPv4(10, 0, 0, 53), 53001, 53, query)));
        // An HTTP request whose Host header names the domain, port included.
        var web = new TcpConversation(Host(10, 0, 0, 5, 50002), Host(10, 0, 2, 80, 80), 10, 20, frames);
        web.Handshake(Start.Add(TimeSpan.FromSeconds(2)), Rtt);
        web.Send(Start.Add(TimeSpan.FromSeconds(2.1)), true, "GET / HTTP/1.1\r\nHost: WWW.Evil.Example:8080\r\n\r\n"u8);

        var alerts = Analyze(frames, NoLearning(indicators)).Alerts.Alerts;
        Assert.Contains(alerts, a => a.Type.Id == "known-malicious-ip" && a.Source.ToString() == "10.0.0.5" && a.Destination.ToString() == "203.0.113.66");
        Assert.Contains(alerts, a => a.Type.Id == "malicious-domain" && a.Destination.ToString() == "10.0.0.53" && a.Arguments.Value == "evil.example");
        Assert.Contains(alerts, a => a.Type.Id == "malicious-domain" && a.Destination.ToString() == "10.0.2.80");
        // Without the file the same traffic is clean of malware alerts (the embedded list does not name these).
        Assert.DoesNotContain(Analyze(frames, NoLearning(), "again").Alerts.Alerts, a => a.Type.Engine == AlertEngine.Malware);
    }

    [Theory]
    [InlineData("{\"indicators\": [{\"type\": \"url\", \"value\": \"x\"}]}", "indicator 0: type \"url\"")]
    [InlineData("{\"indicators\": [{\"type\": \"ip\", \"value\": \"300.1.1.1\"}]}", "is not an IP address")]
    [InlineData("{\"indicators\": [{\"type\": \"ip\", \"value\": \"1.2.3\"}]}", "is not an IP address")]
    [InlineData("{\"list\": []}", "\"indicators\" array")]
    [InlineData("{", "not valid JSON")]
    public void IndicatorSet_BadFile_FailsWithOneLineNamingTheFile(string json, string expected)
    {
        var file = Path.Combine(_folder, "bad.json");
        File.WriteAllText(file, json);
        var e = Assert.Throws<FormatException>(() => IndicatorSet.WithFile(file));
        Assert.StartsWith(file, e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void IndicatorSet_Domain_MatchesItselfAndNamesUnderItOnly()
    {
        var set = IndicatorSet.Default;
        Assert.NotNull(set.FindDomain("todaysfutbol.com"));
        Assert.NotNull(set.FindDomain("www.TodaysFutbol.com."));
        Assert.Null(set.FindDomain("nottodaysfutbol.com"));
        Assert.Null(set.FindDomain("com"));
    }

    [Fact]
    public void Analyze_UdpToTriStationPort_RaisesTriton()
    {
        var frames = new List<(Timestamp, byte[])>();
        var station = Host(10, 0, 3, 7, 50100);
        var tricon = Host(10, 0, 3, 20, 1502);
        for (int i = 0; i < 5; i++)
            frames.Add((Start.Add(TimeSpan.FromMilliseconds(100 * i)), FrameBuilder.Udp(station.Mac, tricon.Mac, station.Address, tricon.Address, 50100, 1502, [0x05, 0x00, 0x00, 0x00, (byte)i])));
        var triton = Assert.Single(Analyze(frames, NoLearning()).Alerts.Alerts, a => a.Type.Id == "triton-tristation");
        Assert.Equal("10.0.3.7", triton.Source.ToString());
        Assert.Equal("10.0.3.20", triton.Destination.ToString());
    }

    /// <summary>Modbus/TCP Read Holding Registers (MBAP, function 3, address 0, quantity 1) and its answer.</summary>
    private static void Poll(TcpConversation tcp, Timestamp at, ushort transaction)
    {
        var request = new byte[12];
        BinaryPrimitives.WriteUInt16BigEndian(request, transaction); // transaction id
        BinaryPrimitives.WriteUInt16BigEndian(request.AsSpan(4), 6);  // length: unit + PDU
        request[6] = 1;                                                // unit id
        request[7] = 3;                                                // Read Holding Registers
        BinaryPrimitives.WriteUInt16BigEndian(request.AsSpan(10), 1); // quantity 1 (address 0 at 8..9)
        tcp.Send(at, true, request);
        var response = new byte[11];
        BinaryPrimitives.WriteUInt16BigEndian(response, transaction);
        BinaryPrimitives.WriteUInt16BigEndian(response.AsSpan(4), 5);
        response[6] = 1;
        response[7] = 3;
        response[8] = 2;                                               // byte count
        BinaryPrimitives.WriteUInt16BigEndian(response.AsSpan(9), transaction);
        tcp.Send(at.Add(Rtt), false, response);
    }

    private static List<(Timestamp, byte[])> Polling(TimeSpan firstPeriod, TimeSpan secondPeriod)
    {
        var frames = new List<(Timestamp, byte[])>();
        var tcp = new TcpConversation(Host(10, 0, 0, 5, 50200), Host(10, 0, 1, 10, 502), 100, 900, frames);
        tcp.Handshake(Start, Rtt);
        ushort transaction = 0;
        var at = Start.Add(TimeSpan.FromSeconds(1));
        for (; at < Start.Add(TimeSpan.FromMinutes(4)); at = at.Add(firstPeriod)) Poll(tcp, at, ++transaction);
        for (; at < Start.Add(TimeSpan.FromMinutes(7)); at = at.Add(secondPeriod)) Poll(tcp, at, ++transaction);
        return frames;
    }

    [Fact]
    public void Analyze_PollingPeriodChangesAfterLearning_RaisesAbnormalPeriodicBehavior()
    {
        var options = new DetectionOptions { Learning = TimeSpan.FromMinutes(2) };
        var steady = Analyze(Polling(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)), options, "steady");
        Assert.DoesNotContain(steady.Alerts.Alerts, a => a.Type.Engine is AlertEngine.Anomaly or AlertEngine.PolicyViolation);

        var faster = Analyze(Polling(TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(200)), options, "faster");
        var alert = Assert.Single(faster.Alerts.Alerts, a => a.Type.Id == "abnormal-periodic-behavior");
        Assert.Equal("10.0.0.5", alert.Source.ToString());
        Assert.Equal("10.0.1.10", alert.Destination.ToString());
        // The change starts at 4 min; two odd 30-s checks in a row are needed.
        Assert.True(alert.FirstTime >= Start.Add(TimeSpan.FromMinutes(4.5)), alert.FirstTime.ToString());
    }

    [Fact]
    public void Analyze_PairTrafficFarAboveItsLearnedRate_RaisesAbnormalBandwidth()
    {
        var options = new DetectionOptions { Learning = TimeSpan.FromMinutes(2) };
        var frames = Polling(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        Assert.DoesNotContain(Analyze([.. frames], options, "polls").Alerts.Alerts, a => a.Type.Id == "abnormal-bandwidth");

        // At 5 min the same pair moves 420 KB over another connection within a few seconds.
        var bulk = new TcpConversation(Host(10, 0, 0, 5, 50400), Host(10, 0, 1, 10, 21000), 3, 4, frames);
        var at = Start.Add(TimeSpan.FromMinutes(5));
        bulk.Handshake(at, Rtt);
        var chunk = new byte[1400];
        for (int i = 0; i < 300; i++) bulk.Send(at.Add(TimeSpan.FromMilliseconds(10 * (i + 1))), true, chunk);
        var alert = Assert.Single(Analyze(frames, options, "bulk").Alerts.Alerts, a => a.Type.Id == "abnormal-bandwidth");
        Assert.True(alert.FirstTime >= at, alert.FirstTime.ToString());
    }

    [Fact]
    public void Analyze_BusyClientsCompletedConnections_RaiseNoScanButASynScanDoes()
    {
        // An engineering station opens and closes a connection to 30 ports of each of 4 controllers within a minute:
        // 120 (destination, port) pairs, every handshake completed.
        var frames = new List<(Timestamp, byte[])>();
        var t = Start;
        for (byte plc = 10; plc < 14; plc++)
        {
            for (ushort port = 1; port <= 30; port++)
            {
                t = t.Add(TimeSpan.FromMilliseconds(100));
                var tcp = new TcpConversation(Host(10, 0, 0, 5, (ushort)(40000 + (plc * 100) + port)), Host(10, 0, 1, plc, port), 100, 200, frames);
                tcp.Handshake(t, Rtt);
                tcp.Send(t.Add(TimeSpan.FromMilliseconds(5)), true, "PING"u8);
                tcp.Close(t.Add(TimeSpan.FromMilliseconds(10)), Rtt);
            }
        }
        var busy = Analyze([.. frames], NoLearning(), "busy");
        Assert.DoesNotContain(busy.Alerts.Alerts, a => a.Type.Id is "port-scan" or "address-scan");
        Assert.Equal(0, busy.HandshakeState.Pending);

        // The same pairs probed by a SYN scanner: 25 unanswered SYNs, and a controller answering the rest with RST.
        for (ushort port = 1; port <= 60; port++)
        {
            t = t.Add(TimeSpan.FromMilliseconds(2));
            var scanner = FrameBuilder.IPv4(10, 0, 0, 66);
            var plc = FrameBuilder.IPv4(10, 0, 1, 10);
            frames.Add((t, FrameBuilder.Tcp(Mac(66), Mac(0x10A), scanner, plc, 50000, port, 1000, 0, 0x02, [])));       // SYN
            if (port > 25) frames.Add((t.Add(Rtt), FrameBuilder.Tcp(Mac(0x10A), Mac(66), plc, scanner, port, 50000, 0, 1001, 0x14, [])));   // RST, ACK
        }
        frames.Add((t.Add(TimeSpan.FromSeconds(10)), FrameBuilder.Tcp(Mac(5), Mac(0x10A), FrameBuilder.IPv4(10, 0, 0, 5), FrameBuilder.IPv4(10, 0, 1, 10), 40000, 1, 1, 1, 0x10, [])));
        var scan = Assert.Single(Analyze(frames, NoLearning(), "scan").Alerts.Alerts, a => a.Type.Id == "port-scan");
        Assert.Equal("10.0.0.66", scan.Source.ToString());
        Assert.Equal("10.0.1.10", scan.Destination.ToString());
        // Every one of the 60 probes counts: 35 refused at once (the 25th raised it), 25 unanswered at the next check.
        Assert.Equal(60 - 25 + 1, scan.Count);
    }

    [Fact]
    public void Analyze_HostileFlood_AlertsAndDetectorStateStayBounded()
    {
        var frames = new List<(Timestamp, byte[])>();
        var random = new Random(11);
        var t = Start;
        // 60 000 SYNs from 200 sources to random private addresses and ports: scans from everywhere at once, three
        // distinct keys each (address, pair, port), more than the distinct-attempt table holds.
        for (int i = 0; i < 60_000; i++)
        {
            t = t.Add(TimeSpan.FromMilliseconds(2));
            uint source = FrameBuilder.IPv4(10, 1, 0, (byte)random.Next(1, 201));
            uint target = FrameBuilder.IPv4(10, 2, (byte)random.Next(256), (byte)random.Next(1, 255));
            frames.Add((t, FrameBuilder.Tcp(Mac((int)(source & 0xFFFF)), Mac(1), source, target, (ushort)random.Next(1024, 65535), (ushort)random.Next(1, 65535),
                (uint)i, 0, 0x02, [])));
        }
        // 20 000 ARP requests from 20 senders for random addresses.
        for (int i = 0; i < 20_000; i++)
        {
            var at = Start.Add(TimeSpan.FromMilliseconds(6 * i));
            uint sender = FrameBuilder.IPv4(10, 3, 0, (byte)(1 + (i % 20)));
            frames.Add((at, FrameBuilder.Arp(1, Mac(0x300 + (i % 20)), sender, default, FrameBuilder.IPv4(10, 3, (byte)random.Next(256), (byte)random.Next(1, 255)), MacAddress.Broadcast)));
        }
        // 5 000 Modbus Read Holding Registers of quantity 0 (§6.3 allows 1..125) on one connection: one alert counting up.
        var modbus = new TcpConversation(Host(10, 4, 0, 5, 50300), Host(10, 4, 0, 10, 502), 7, 70, frames);
        modbus.Handshake(Start, Rtt);
        for (int i = 0; i < 5_000; i++)
        {
            byte[] request = [(byte)(i >> 8), (byte)i, 0, 0, 0, 6, 1, 3, 0, 0, 0, 0];
            modbus.Send(Start.Add(TimeSpan.FromMilliseconds(10 + (20 * i))), true, request);
        }

        var limits = new DetectionLimits { MaxAlerts = 2_000 };
        var detection = Analyze(frames, NoLearning() with { Limits = limits }, "flood");
        var alerts = detection.Alerts;
        Assert.True(alerts.Alerts.Count <= limits.MaxAlerts, $"{alerts.Alerts.Count} alerts");
        Assert.True(alerts.TotalSuppressed > 0);
        // Per type, new alerts never exceed the allowance per minute of capture time (two minutes of flood, plus one).
        foreach (var group in alerts.Alerts.GroupBy(a => a.Type.Id))
            Assert.True(group.Count() <= 3 * group.First().Type.Thresholds.MaxPerMinute, $"{group.Key}: {group.Count()}");
        var malformed = Assert.Single(alerts.Alerts, a => a.Type.Id == "malformed-pdu");
        Assert.Equal(5_000, malformed.Count);
        Assert.Equal("quantity_out_of_range", malformed.Arguments.Value);
        var (attempts, capacity, hosts, channels) = detection.AnomalyState;
        Assert.True(detection.HandshakeState.Pending <= detection.HandshakeState.Capacity, detection.HandshakeState.ToString());
        Assert.True(attempts <= capacity, $"{attempts} > {capacity}");
        Assert.Equal(capacity, attempts);
        Assert.True(hosts <= 2 * 4 * 65_536, $"{hosts} host slots");
        // Bandwidth keeps one learned rate per inventory connection (bounded by the inventory's own limit), periodicity one per polled channel.
        Assert.True(channels <= _connections + 10, $"{channels} channels for {_connections} connections");
        Assert.Contains(alerts.Alerts, a => a.Type.Id == "port-scan");
        Assert.Contains(alerts.Alerts, a => a.Type.Id == "arp-address-scan");
        Assert.Contains(alerts.Alerts, a => a.Type.Id == "excessive-sessions");
    }
}
