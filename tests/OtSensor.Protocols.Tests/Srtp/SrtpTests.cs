using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Srtp;
using OtSensor.TestKit;

namespace OtSensor.Protocols.Tests.Srtp;

/// <summary>
/// GE SRTP messages in the layout of DFRWS 2017 (Tables 1 and 4) and the gesrtp-py hardware notes; no public capture
/// holds SRTP.
/// </summary>
public sealed class SrtpTests
{
    private static byte[] Init => new byte[56]; // initialisation: 56 zero bytes

    private static byte[] InitReply
    {
        get
        {
            var bytes = new byte[56];
            bytes[0] = 0x01; // type 1: initialisation reply
            return bytes;
        }
    }

    /// <summary>Request: read 4 words of %R from offset 0.</summary>
    private static byte[] Request(byte service, byte sequence = 1)
    {
        var bytes = new byte[56];
        bytes[0] = 0x02;      // type 2 request
        bytes[2] = sequence;  // sequence number
        bytes[30] = sequence; // sequence number, repeated
        bytes[31] = 0xC0;     // message type: request
        bytes[36] = 0x10;     // mailbox destination: CPU in slot 1
        bytes[37] = 0x0E;
        bytes[42] = service;  // service request code
        bytes[43] = 0x08;     // segment selector %R, word access
        bytes[44] = 0x00;     // data offset 0 (little-endian)
        bytes[46] = 0x04;     // data length 4 words
        return bytes;
    }

    /// <summary>Response: ACK with 8 bytes of data after the header (header byte 4 = 8).</summary>
    private static byte[] ResponseWithData
    {
        get
        {
            var bytes = new byte[56 + 8];
            bytes[0] = 0x03; // type 3 response
            bytes[2] = 1;    // sequence
            bytes[4] = 8;    // payload length 8
            bytes[31] = 0x94; // message type: ACK with data
            for (int i = 0; i < 8; i++) bytes[56 + i] = (byte)(0xA0 + i); // four register values
            return bytes;
        }
    }

    private static byte[] Ack
    {
        get
        {
            var bytes = new byte[56];
            bytes[0] = 0x03;
            bytes[31] = 0xD4; // ACK without data
            return bytes;
        }
    }

    private static RecordingSink Run(IEnumerable<byte[]> toServer, IEnumerable<byte[]> toClient)
    {
        var sink = new RecordingSink();
        var feeder = new StreamFeeder(new SrtpSession(), sink);
        feeder.Feed(Direction.ToServer, toServer);
        feeder.Feed(Direction.ToClient, toClient);
        return sink;
    }

    [Fact]
    public void OnData_InitAndRead_ResponseNamedFromRequest()
    {
        var sink = Run([Init, Request(0x04)], [InitReply, ResponseWithData]);
        Assert.Equal([(-1, false), (0x04, false), (-1, true), (0x04, true)], sink.Messages.Select(m => (m.Function, m.IsResponse)));
        Assert.Equal(("Read System Memory", OtOperation.Read), (sink.Messages[1].FunctionName, sink.Messages[1].Operation));
        Assert.Equal(8, sink.Messages[1].Details.GetProperty("segmentSelector").GetInt32());
        Assert.Equal(8, sink.Messages[3].Details.GetProperty("payloadLength").GetInt32());
        Assert.All(sink.Messages, m => Assert.Empty(m.AnomalyNames));
        Assert.Empty(sink.StreamAnomalies);
    }

    [Theory]
    [InlineData(0x43, OtOperation.Identification)]
    [InlineData(0x40, OtOperation.ProgramDownload)]
    [InlineData(0x3F, OtOperation.ProgramUpload)]
    [InlineData(0x07, OtOperation.Write)]
    [InlineData(0x23, OtOperation.Control)]
    [InlineData(0x20, OtOperation.Authentication)]
    public void OnData_Services_Operations(byte service, OtOperation operation)
        => Assert.Equal(operation, Assert.Single(Run([Request(service)], []).Messages).Operation);

    [Fact]
    public void Parse_Malformed_Flagged()
    {
        var unknown = Request(0x77);
        Assert.Equal((ulong)SrtpAnomalies.UnknownService, SrtpMessage.Parse(unknown, Direction.ToServer).Anomalies);
        var init = Init;
        init[20] = 1;
        Assert.Equal((ulong)SrtpAnomalies.InitNotZero, SrtpMessage.Parse(init, Direction.ToServer).Anomalies);
        Assert.Equal((ulong)SrtpAnomalies.DirectionMismatch, SrtpMessage.Parse(Request(0x04), Direction.ToClient).Anomalies);
        var sink = Run([], [Ack]);
        Assert.Equal(["unsolicited_response"], Assert.Single(sink.Messages).AnomalyNames);
    }

    [Fact]
    public void Recognize_StrictOnHeader()
    {
        Assert.Equal(ProbeResult.Recognized, SrtpProbe.Recognize(Request(0x04), Direction.ToServer));
        Assert.Equal(ProbeResult.Recognized, SrtpProbe.Recognize(Init, Direction.ToServer));
        Assert.Equal(ProbeResult.Recognized, SrtpProbe.Recognize([.. Init, .. Request(0x00)], Direction.ToServer));
        Assert.Equal(ProbeResult.Unrecognized, SrtpProbe.Recognize([.. Init, 0x41, .. new byte[60]], Direction.ToServer));
        Assert.Equal(ProbeResult.Incomplete, SrtpProbe.Recognize(new byte[20], Direction.ToServer));
        Assert.Equal(ProbeResult.Unrecognized, SrtpProbe.Recognize(Request(0x77), Direction.ToServer));
        var notRequest = Request(0x04);
        notRequest[31] = 0x00;
        Assert.Equal(ProbeResult.Unrecognized, SrtpProbe.Recognize(notRequest, Direction.ToServer));
        Assert.Equal(ProbeResult.Unrecognized, SrtpProbe.Recognize("GET / HTTP/1.1\r\n"u8, Direction.ToServer));
    }

    public static TheoryData<string> SplitNames()
    {
        var data = new TheoryData<string>();
        foreach (var variant in SplitVariants.Of([.. InitReply, .. ResponseWithData])) data.Add(variant.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(SplitNames))]
    public void OnData_EverySplitVariant_SameMessages(string name)
    {
        var segments = SplitVariants.Of([.. InitReply, .. ResponseWithData]).Single(v => v.Name == name).Segments;
        var sink = Run([Init, Request(0x04)], segments);
        Assert.Equal([-1, 0x04, -1, 0x04], sink.Messages.Select(m => m.Function));
        Assert.Empty(sink.StreamAnomalies);
    }

    [Fact]
    public void OnData_ForeignHeaderOrGap_StopsWithOneAnomaly()
    {
        var sink = new RecordingSink();
        var feeder = new StreamFeeder(new SrtpSession(), sink);
        feeder.Feed(Direction.ToServer, [.. Request(0x04), 0x7F, .. new byte[60]]);
        Assert.Equal(StreamStatus.Error, feeder.LastStatus);
        Assert.Single(sink.Messages);
        Assert.Equal(["not_srtp"], sink.StreamAnomalies);

        var gap = new RecordingSink();
        var session = new SrtpSession();
        session.OnGap(Direction.ToServer, gap);
        Assert.Equal(StreamStatus.Error, session.OnData(Request(0x04), Direction.ToServer, gap).Status);
        Assert.Equal(["not_srtp"], gap.StreamAnomalies);
    }

    [Fact]
    public void OnData_RandomBytes_NeverThrow()
    {
        var random = new Random(18245);
        var sink = new NoOpSink();
        for (int i = 0; i < 5_000; i++)
        {
            var bytes = new byte[random.Next(0, 300)];
            random.NextBytes(bytes);
            if (i % 2 == 0 && bytes.Length >= 56)
            {
                bytes[0] = (byte)(2 + (i & 1));
                bytes[31] = (i & 4) != 0 ? (byte)0xC0 : (byte)0x94;
                bytes[42] = 0x04;
                bytes[4] = (byte)(bytes.Length - 56);
                bytes[5] = 0;
            }
            var result = new SrtpSession().OnData(bytes, (i & 1) == 0 ? Direction.ToServer : Direction.ToClient, sink);
            Assert.InRange(result.Consumed, 0, bytes.Length);
            if (result.Status == StreamStatus.Incomplete) Assert.True(result.Needed > bytes.Length - result.Consumed);
        }
        Assert.True(sink.Count > 0);
    }

    [Fact]
    public void OnData_SteadyState_AllocatesNothing()
    {
        var sink = new NoOpSink();
        var session = new SrtpSession();
        byte[] request = Request(0x04), response = ResponseWithData;
        for (int i = 0; i < 100; i++) Pump();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 2000; i++) Pump();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(2100 * 2, sink.Count);

        void Pump()
        {
            session.OnData(request, Direction.ToServer, sink);
            session.OnData(response, Direction.ToClient, sink);
        }
    }
}
