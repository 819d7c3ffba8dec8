using OtSensor.Core.Parsing;
using OtSensor.Protocols.Cotp;
using OtSensor.Protocols.Tests.Cotp;
using OtSensor.TestKit;

namespace OtSensor.Protocols.Tests.Mms;

public class MmsSessionTests
{
    private static byte[] Conversation() =>
    [
        .. CotpVectors.ConnectRequest,
        .. CotpVectors.Data(MmsVectors.Connect(MmsVectors.InitiateRequest), true),
        .. CotpVectors.Data(MmsVectors.Data(MmsVectors.ReadRequestDomain), true),
        .. CotpVectors.Data(MmsVectors.Data(MmsVectors.WriteRequest), true),
        .. CotpVectors.Data(MmsVectors.Data(MmsVectors.GetNameListRequest), true),
        .. CotpVectors.Data(MmsVectors.Data(MmsVectors.IdentifyRequest), true),
        .. CotpVectors.Data(MmsVectors.Data(MmsVectors.ConcludeRequest), true),
    ];

    private static List<string> Run(IEnumerable<byte[]> segments)
    {
        var sink = new RecordingSink();
        var feeder = new StreamFeeder(MmsParserTests.NewSession(), sink);
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
        Assert.Equal(6, expected.Count);
        foreach (var variant in SplitVariants.Of(bytes)) Assert.Equal(expected, Run(variant.Segments));
    }

    [Fact]
    public void OnData_TsduSegmentedOverTwoDts_OneMessage()
    {
        var tsdu = MmsVectors.Data(MmsVectors.ReadRequestDomain);
        var sink = new RecordingSink();
        var session = MmsParserTests.NewSession();
        session.OnData(CotpVectors.Data(tsdu[..9], false), Direction.ToServer, sink);
        session.OnData(CotpVectors.Data(tsdu[9..], true), Direction.ToServer, sink);
        var m = Assert.Single(sink.Messages);
        Assert.Equal(4, m.Function);
    }

    [Fact]
    public void OnData_SteadyState_AllocatesNothing()
    {
        var sink = new NoOpSink();
        var session = MmsParserTests.NewSession();
        byte[] requests =
        [
            .. CotpVectors.Data(MmsVectors.Data(MmsVectors.ReadRequestDomain), true),
            .. CotpVectors.Data(MmsVectors.Data(MmsVectors.WriteRequest), true),
            .. CotpVectors.Data(MmsVectors.Connect(MmsVectors.InitiateRequest), true),
        ];
        byte[] responses =
        [
            .. CotpVectors.Data(MmsVectors.Data(MmsVectors.ReadResponseFailure), true),
            .. CotpVectors.Data(MmsVectors.Data(MmsVectors.IdentifyResponse), true),
            .. CotpVectors.Data(MmsVectors.Data(MmsVectors.InformationReport), true),
        ];
        for (int i = 0; i < 100; i++) Pump(session, sink, requests, responses);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++) Pump(session, sink, requests, responses);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(6 * 1100, sink.Count);

        static void Pump(CotpSession session, NoOpSink sink, byte[] requests, byte[] responses)
        {
            session.OnData(requests, Direction.ToServer, sink);
            session.OnData(responses, Direction.ToClient, sink);
        }
    }
}
