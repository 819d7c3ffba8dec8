using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Tls;
using OtSensor.Protocols.Tests.Naming;
using OtSensor.TestKit;

namespace OtSensor.Protocols.Tests.Tls;

public sealed class TlsSessionTests
{
    private static RecordingSink Run(IEnumerable<byte[]> client, IEnumerable<byte[]> server)
    {
        var sink = new RecordingSink();
        var feeder = new StreamFeeder(new TlsSession(), sink);
        feeder.Feed(Direction.ToServer, client);
        feeder.Feed(Direction.ToClient, server);
        return sink;
    }

    [Fact]
    public void OnData_EverySplit_SameHandshakeRecords()
    {
        foreach (var client in SplitVariants.Of(TlsVectors.Client))
            Assert.Equal([(1, false), (2, true), (11, true), (14, true)], Run(client.Segments, [TlsVectors.Server]).Messages.Select(m => (m.Function, m.IsResponse)));
        foreach (var server in SplitVariants.Of(TlsVectors.Server))
        {
            var sink = Run([TlsVectors.Client], server.Segments);
            Assert.Equal([1, 2, 11, 14], sink.Messages.Select(m => m.Function));
            Assert.All(sink.Messages, m => Assert.Equal(0UL, m.Anomalies));
            Assert.Empty(sink.StreamAnomalies);
        }
    }

    [Fact]
    public void OnData_Details_SniAlpnVersionsCipherAndSubject()
    {
        var sink = Run([TlsVectors.Client], [TlsVectors.Server]);
        var hello = sink.Messages[0].Details;
        Assert.Equal(("plc.example", "h2", "TLS 1.2", "TLS 1.3", 2),
            (hello.GetProperty("serverName").GetString(), hello.GetProperty("alpn").GetString(), hello.GetProperty("versionName").GetString(), hello.GetProperty("supportedVersionName").GetString(), hello.GetProperty("cipherSuiteCount").GetInt32()));
        Assert.Equal(0xC02F, sink.Messages[1].Details.GetProperty("cipherSuite").GetInt32());
        Assert.Equal(("plc.example.factory", 1), (sink.Messages[2].Details.GetProperty("subjectCommonName").GetString(), sink.Messages[2].Details.GetProperty("certificateCount").GetInt32()));
        Assert.Equal("Client Hello", sink.Messages[0].FunctionName);
    }

    [Fact]
    public void ReportIdentity_NeverAboutTheSender()
    {
        var sink = new NamingIdentitySink();
        var session = new TlsSession();
        session.OnData(TlsVectors.Client, Direction.ToServer, sink);
        session.OnData(TlsVectors.Server, Direction.ToClient, sink);
        Assert.Equal(4, sink.Count);
        Assert.Empty(sink.Identities);
    }

    [Fact]
    public void OnData_NotTlsAndLyingLengths_Flagged()
    {
        var sink = Run([[0x16, 0x05, 0x00, 0x00, 0x10, 0, 0]], []);
        Assert.Equal(["not_tls"], sink.StreamAnomalies);
        var lying = (byte[])TlsVectors.Client.Clone();
        lying[44] = 0x7F; // cipher_suites length past the hello
        Assert.Equal(["truncated"], Run([lying], []).Messages[0].AnomalyNames);
        var badCert = (byte[])TlsVectors.Server.Clone();
        badCert[57] = 0x31; // Certificate SEQUENCE → SET
        Assert.Contains("bad_certificate", Run([TlsVectors.Client], [badCert]).Messages[2].AnomalyNames);
    }

    [Fact]
    public void OnData_HandshakeSplitAcrossRecords_Reassembled()
    {
        // The ClientHello's 87 bytes in two records of 40 and 47.
        var hello = TlsVectors.Client.AsSpan(5, 87).ToArray();
        byte[] split = [0x16, 0x03, 0x01, 0x00, 40, .. hello.AsSpan(0, 40), 0x16, 0x03, 0x01, 0x00, 47, .. hello.AsSpan(40)];
        var sink = Run([split], []);
        Assert.Equal("plc.example", Assert.Single(sink.Messages).Details.GetProperty("serverName").GetString());
    }

    [Fact]
    public void OnData_RandomAndMutated_NeverThrow()
    {
        var random = new Random(8446);
        for (int i = 0; i < 2000; i++)
        {
            var c = (byte[])TlsVectors.Client.Clone();
            var s = (byte[])TlsVectors.Server.Clone();
            for (int k = 0; k < 3; k++) { c[random.Next(5, c.Length)] = (byte)random.Next(256); s[random.Next(5, s.Length)] = (byte)random.Next(256); }
            Run([c], [s]);
        }
    }

    [Fact]
    public void Recognize_HelloRecordsOnly()
    {
        Assert.Equal(ProbeResult.Recognized, TlsProbe.Recognize(TlsVectors.Client));
        Assert.Equal(ProbeResult.Recognized, TlsProbe.Recognize(TlsVectors.Server));
        Assert.Equal(ProbeResult.Incomplete, TlsProbe.Recognize(TlsVectors.Client.AsSpan(0, 6)));
        Assert.Equal(ProbeResult.Unrecognized, TlsProbe.Recognize("GET / HTTP/1.1\r\n"u8));
        Assert.Equal(ProbeResult.Unrecognized, TlsProbe.Recognize(TlsVectors.Client.AsSpan(0, 6).ToArray().Concat(new byte[] { 0, 0, 0, 0, 0 }).ToArray()));
    }

    [Fact]
    public void OnData_SteadyState_AllocatesNothing()
    {
        var session = new TlsSession();
        var sink = new NoOpSink();
        var hello = TlsVectors.Client.AsSpan(5, 87).ToArray();
        byte[] split = [0x16, 0x03, 0x01, 0x00, 40, .. hello.AsSpan(0, 40), 0x16, 0x03, 0x01, 0x00, 47, .. hello.AsSpan(40)];
        for (int i = 0; i < 100; i++) Pump();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++) Pump();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);

        void Pump()
        {
            session.Reset();
            session.OnData(split, Direction.ToServer, sink);
            session.OnData(TlsVectors.Server, Direction.ToClient, sink);
        }
    }
}
