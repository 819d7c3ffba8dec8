using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Http;
using OtSensor.Protocols.Tests.Naming;
using OtSensor.TestKit;

namespace OtSensor.Protocols.Tests.Http;

public sealed class HttpSessionTests
{
    private static (RecordingSink Sink, StreamFeeder Feeder) Create()
    {
        var sink = new RecordingSink();
        return (sink, new StreamFeeder(new HttpSession(), sink));
    }

    [Fact]
    public void OnData_EverySplit_SameRecords()
    {
        foreach (var requests in SplitVariants.Of(HttpVectors.Requests))
            foreach (var responses in SplitVariants.Of(HttpVectors.Responses).Take(3))
            {
                var (sink, feeder) = Create();
                feeder.Feed(Direction.ToServer, requests.Segments);
                feeder.Feed(Direction.ToClient, responses.Segments);
                Assert.Equal([(1, false), (2, false), (3, false), (200, true), (200, true), (200, true)], sink.Messages.Select(m => (m.Function, m.IsResponse)));
                Assert.All(sink.Messages, m => Assert.Equal(0UL, m.Anomalies));
                Assert.Empty(sink.StreamAnomalies);
            }
        foreach (var responses in SplitVariants.Of(HttpVectors.Responses))
        {
            var (sink, feeder) = Create();
            feeder.Feed(Direction.ToServer, HttpVectors.Requests);
            feeder.Feed(Direction.ToClient, responses.Segments);
            Assert.Equal(6, sink.Messages.Count);
            Assert.Equal(0, feeder.PendingBytes(Direction.ToClient));
        }
    }

    [Fact]
    public void OnData_Details_StartLineAndNamingHeaders()
    {
        var (sink, feeder) = Create();
        feeder.Feed(Direction.ToServer, HttpVectors.Requests);
        feeder.Feed(Direction.ToClient, HttpVectors.Responses);
        var get = sink.Messages[0];
        Assert.Equal(("GET", OtOperation.Read), (get.FunctionName, get.Operation));
        Assert.Equal(("GET", "/index.html", "1.1", "192.168.0.10", "curl/8.0"),
            (get.Details.GetProperty("method").GetString(), get.Details.GetProperty("target").GetString(), get.Details.GetProperty("version").GetString(), get.Details.GetProperty("host").GetString(), get.Details.GetProperty("userAgent").GetString()));
        var ok = sink.Messages[3];
        Assert.Equal(("OK", "GoAhead-Webs", 4), (ok.Details.GetProperty("reason").GetString(), ok.Details.GetProperty("server").GetString(), ok.Details.GetProperty("contentLength").GetInt32()));
        Assert.True(sink.Messages[4].Details.GetProperty("chunked").GetBoolean());
    }

    [Fact]
    public void ReportIdentity_ServerHeaderOfResponseOnly()
    {
        var sink = new NamingIdentitySink();
        var session = new HttpSession();
        session.OnData(HttpVectors.Requests, Direction.ToServer, sink);
        session.OnData(HttpVectors.Responses, Direction.ToClient, sink);
        Assert.Equal([(IdentityField.OperatingSystem, "GoAhead-Webs")], sink.Identities.Select(i => (i.Field, i.Value)));
    }

    [Fact]
    public void OnData_GarbageBeforeRequest_ResyncsOnStartLine()
    {
        var (sink, feeder) = Create();
        feeder.Feed(Direction.ToServer, [.. "\x01\x02junk line\r\nmore junk\r\n"u8, .. HttpVectors.Requests]);
        Assert.Equal([1, 2, 3], sink.Messages.Select(m => m.Function));
        Assert.Equal(["resync"], sink.StreamAnomalies);
    }

    [Fact]
    public void OnData_HeaderBlockTooLong_SkippedThenResyncs()
    {
        var (sink, feeder) = Create();
        byte[] huge = [.. "GET / HTTP/1.1\r\nX-Big: "u8, .. new byte[HttpConstants.MaxHeaderBlock].Select(_ => (byte)'a'), .. "\r\n\r\n"u8];
        feeder.Feed(Direction.ToServer, [.. huge, .. HttpVectors.Requests]);
        Assert.Contains("header_too_long", sink.StreamAnomalies);
        Assert.Equal([1, 2, 3], sink.Messages.Select(m => m.Function));
    }

    [Fact]
    public void OnData_LyingLengthsAndSmuggling_Flagged()
    {
        var (sink, feeder) = Create();
        feeder.Feed(Direction.ToServer, "POST / HTTP/1.1\r\nContent-Length: 5x\r\n\r\nGET / HTTP/1.1\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"u8);
        Assert.Equal(["bad_content_length"], sink.Messages[0].AnomalyNames);
        Assert.Equal(["length_and_chunked"], sink.Messages[1].AnomalyNames);
        feeder.Feed(Direction.ToClient, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"u8);
        Assert.Contains("bad_chunk", sink.StreamAnomalies);
    }

    [Fact]
    public void OnData_ResponseWithoutRequest_Unsolicited()
    {
        var (sink, feeder) = Create();
        feeder.Feed(Direction.ToClient, "HTTP/1.0 404 Not Found\r\nContent-Length: 0\r\n\r\n"u8);
        Assert.Equal((404, "Not Found", "1.0"), (sink.Messages[0].Function, sink.Messages[0].FunctionName, sink.Messages[0].Details.GetProperty("version").GetString()));
        Assert.Equal(["unsolicited_response"], sink.Messages[0].AnomalyNames);
    }

    [Fact]
    public void OnData_RandomBytes_NeverThrows()
    {
        var random = new Random(9112);
        var buffer = new byte[400];
        for (int i = 0; i < 2000; i++)
        {
            var (sink, feeder) = Create();
            random.NextBytes(buffer);
            var v = (byte[])HttpVectors.Responses.Clone();
            for (int k = 0; k < 4; k++) v[random.Next(v.Length)] = (byte)random.Next(256);
            feeder.Feed(Direction.ToServer, buffer.AsSpan(0, random.Next(buffer.Length)));
            feeder.Feed(Direction.ToClient, v);
        }
    }

    [Fact]
    public void Recognize_StartLines()
    {
        Assert.Equal(ProbeResult.Recognized, HttpProbe.Recognize(HttpVectors.Requests));
        Assert.Equal(ProbeResult.Recognized, HttpProbe.Recognize(HttpVectors.Responses));
        Assert.Equal(ProbeResult.Incomplete, HttpProbe.Recognize("GE"u8));
        Assert.Equal(ProbeResult.Incomplete, HttpProbe.Recognize("GET /a"u8));
        Assert.Equal(ProbeResult.Unrecognized, HttpProbe.Recognize("FOO / HTTP/1.1\r\n"u8));
        Assert.Equal(ProbeResult.Unrecognized, HttpProbe.Recognize("GET / FTP/1.1\r\n"u8));
        Assert.Equal(ProbeResult.Unrecognized, HttpProbe.Recognize([0x03, 0x00, 0x00, 0x16]));
    }

    [Fact]
    public void OnData_SteadyState_AllocatesNothing()
    {
        var session = new HttpSession();
        var sink = new NoOpSink();
        var identities = new NamingIdentitySink(keep: false);
        for (int i = 0; i < 100; i++) Pump();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++) Pump();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);

        void Pump()
        {
            session.OnData(HttpVectors.Requests, Direction.ToServer, sink);
            session.OnData(HttpVectors.Responses, Direction.ToClient, identities);
        }
    }
}
