using OtSensor.Core.Parsing;
using OtSensor.Protocols.Cotp;
using OtSensor.Protocols.S7Comm;
using OtSensor.Protocols.S7CommPlus;
using OtSensor.Protocols.Tests.S7Comm;
using OtSensor.TestKit;

namespace OtSensor.Protocols.Tests.Cotp;

public class CotpSessionTests
{
    private static CotpSession NewSession(int maxTsdu = CotpConstants.DefaultMaxTsduLength)
        => new([new S7CommPayloadDecoder(), new S7CommPlusPayloadDecoder()], maxTsdu);

    private static byte[] Conversation() =>
    [
        .. CotpVectors.ConnectRequest, .. S7CommVectors.SetupJob, .. S7CommVectors.ReadVarJob, .. S7CommVectors.WriteVarJob,
        .. S7CommVectors.ReadSzlRequest,
    ];

    private static List<string> Run(IEnumerable<byte[]> segments)
    {
        var sink = new RecordingSink();
        var feeder = new StreamFeeder(NewSession(), sink);
        feeder.Feed(Direction.ToServer, segments);
        Assert.Empty(sink.StreamAnomalies);
        Assert.Equal(0, feeder.PendingBytes(Direction.ToServer));
        return sink.Messages.ConvertAll(m => m.ToString());
    }

    [Fact]
    public void OnData_EverySplitVariant_SameMessagesAsWhole()
    {
        var bytes = Conversation();
        var expected = Run([bytes]);
        Assert.Equal(4, expected.Count);
        foreach (var variant in SplitVariants.Of(bytes)) Assert.Equal(expected, Run(variant.Segments));
    }

    [Fact]
    public void OnData_ConnectRequest_KeepsConnectionParameters()
    {
        var session = NewSession();
        session.OnData(CotpVectors.ConnectRequest, Direction.ToServer, new RecordingSink());
        Assert.Equal([0x01, 0x00], session.CallingTsap.ToArray());
        Assert.Equal([0x01, 0x02], session.CalledTsap.ToArray());
        Assert.Equal(1024, session.TpduSize);
    }

    [Fact]
    public void OnData_SegmentedDt_ReassembledIntoOnePdu()
    {
        var pdu = S7CommVectors.ReadVarJob.AsSpan(7).ToArray();
        byte[] stream = [.. CotpVectors.Data(pdu[..5], eot: false), .. CotpVectors.Data(pdu[5..12], eot: false), .. CotpVectors.Data(pdu[12..], eot: true)];
        var sink = new RecordingSink();
        var session = NewSession();
        Assert.Equal(stream.Length, session.OnData(stream, Direction.ToServer, sink).Consumed);
        var message = Assert.Single(sink.Messages);
        Assert.Equal(4, message.Function);
        Assert.Equal(0UL, message.Anomalies);
        Assert.Equal(1, session.TsduCount);
    }

    [Fact]
    public void OnData_TsduOverBound_DroppedWithAnomalyThenRecovers()
    {
        var sink = new RecordingSink();
        var session = NewSession(maxTsdu: 16);
        byte[] stream = [.. CotpVectors.Data(new byte[12], eot: false), .. CotpVectors.Data(new byte[12], eot: false), .. CotpVectors.Data(new byte[4], eot: true), .. S7CommVectors.SetupJob];
        session.OnData(stream, Direction.ToServer, sink);
        Assert.Contains("reassembly_overflow", sink.StreamAnomalies);
        Assert.Equal(0xF0, Assert.Single(sink.Messages).Function);
    }

    [Fact]
    public void OnData_GarbageBetweenPackets_ResyncsOnce()
    {
        var sink = new RecordingSink();
        byte[] stream = [.. S7CommVectors.SetupJob, 0xDE, 0xAD, 0xBE, 0xEF, .. S7CommVectors.ReadVarJob];
        var feeder = new StreamFeeder(NewSession(), sink);
        feeder.Feed(Direction.ToServer, stream);
        Assert.Equal(2, sink.Messages.Count);
        Assert.Contains("tpkt_invalid_version", sink.StreamAnomalies);
        Assert.Contains("resynchronized", sink.StreamAnomalies);
    }

    [Fact]
    public void OnData_UnknownPayload_ReportedOnceNoMessages()
    {
        var sink = new RecordingSink();
        byte[] stream = [.. CotpVectors.Data([0x0D, 0x01], eot: true), .. CotpVectors.Data([0x0D, 0x02], eot: true)];
        NewSession().OnData(stream, Direction.ToServer, sink);
        Assert.Empty(sink.Messages);
        Assert.Equal(["unrecognized_payload"], sink.StreamAnomalies);
    }

    [Fact]
    public void OnData_NoTpktAtAll_GivesUpWithError()
    {
        var sink = new RecordingSink();
        var result = NewSession().OnData(new byte[5000], Direction.ToServer, sink);
        Assert.Equal(StreamStatus.Error, result.Status);
        Assert.Contains("not_tpkt", sink.StreamAnomalies);
    }

    [Fact]
    public void OnData_RandomBytes_NeverThrowsAndConsumesWithinInput()
    {
        var random = new Random(102);
        var sink = new NoOpSink();
        for (int i = 0; i < 10_000; i++)
        {
            var bytes = new byte[random.Next(0, 300)];
            random.NextBytes(bytes);
            if (i % 2 == 0 && bytes.Length >= 10)
            {
                bytes[0] = 0x03;
                bytes[1] = 0x00;
                bytes[2] = 0x00;
                bytes[4] = (byte)random.Next(0, 8);
                bytes[5] = (byte)(random.Next(0, 16) << 4);
                bytes[7] = (byte)(i % 3 == 0 ? 0x32 : 0x72);
            }
            var result = NewSession(256).OnData(bytes, (i & 1) == 0 ? Direction.ToServer : Direction.ToClient, sink);
            Assert.InRange(result.Consumed, 0, bytes.Length);
            if (result.Status == StreamStatus.Incomplete) Assert.True(result.Needed > bytes.Length - result.Consumed);
        }
    }

    [Fact]
    public void OnData_SteadyState_AllocatesNothing()
    {
        var sink = new NoOpSink();
        var session = NewSession();
        var pdu = S7CommVectors.ReadVarJob.AsSpan(7).ToArray();
        byte[] requests = [.. S7CommVectors.ReadVarJob, .. S7CommVectors.WriteVarJob, .. S7CommVectors.ReadSzlRequest, .. CotpVectors.Data(pdu[..6], false), .. CotpVectors.Data(pdu[6..], true)];
        byte[] responses = [.. S7CommVectors.ReadVarAckData, .. S7CommVectors.ReadSzlModuleIdentification, .. S7CommPlusVectorsForCotp.GetMultiVariablesRequest];
        for (int i = 0; i < 100; i++) Pump(session, sink, requests, responses);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++) Pump(session, sink, requests, responses);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(7 * 1100, sink.Count);

        static void Pump(CotpSession session, NoOpSink sink, byte[] requests, byte[] responses)
        {
            session.OnData(requests, Direction.ToServer, sink);
            session.OnData(responses, Direction.ToClient, sink);
        }
    }
}

/// <summary>An S7comm-plus frame in TPKT/COTP for the shared-session tests.</summary>
internal static class S7CommPlusVectorsForCotp
{
    public static readonly byte[] GetMultiVariablesRequest = CotpVectors.Data(OtSensor.Protocols.Tests.S7CommPlus.S7CommPlusVectors.GetMultiVariablesRequest, eot: true);
}
