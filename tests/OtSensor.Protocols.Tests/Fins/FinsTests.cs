using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Fins;
using OtSensor.Protocols.Tests.HartIp;
using OtSensor.TestKit;

namespace OtSensor.Protocols.Tests.Fins;

public sealed class FinsTests
{
    private static RecordedMessage Datagram(byte[] bytes, Direction direction)
    {
        var sink = new RecordingSink();
        new FinsSession().OnDatagram(bytes, direction, sink);
        return Assert.Single(sink.Messages);
    }

    [Fact]
    public void Datagram_ControllerDataRead_CommandAndResponseWithIdentity()
    {
        var command = Datagram(FinsVectors.ControllerDataReadCommand, Direction.ToServer);
        Assert.Equal((0x0501, "Controller Data Read", false, OtOperation.Identification), (command.Function, command.FunctionName, command.IsResponse, command.Operation));
        Assert.Equal(99, command.Details.GetProperty("sa1").GetInt32());
        Assert.Empty(command.AnomalyNames);
        var response = Datagram(FinsVectors.ControllerDataReadResponse, Direction.ToClient);
        Assert.True(response.IsResponse);
        Assert.Equal(0, response.Details.GetProperty("endCode").GetInt32());
        Assert.Equal("CP1L-EL20DR-D", response.Details.GetProperty("controllerModel").GetString());
        Assert.Empty(response.AnomalyNames);

        Assert.True(FinsParser.TryParseFrame(FinsVectors.ControllerDataReadResponse, Direction.ToClient, out var message));
        var recorder = new IdentityRecorder();
        message.ReportIdentity(recorder);
        Assert.Equal(("Omron", "CP1L-EL20DR-D", "01.00"), (recorder.Values[IdentityField.Vendor], recorder.Values[IdentityField.Model], recorder.Values[IdentityField.Firmware]));
    }

    [Fact]
    public void Datagram_RunStopWrite_Operations()
    {
        Assert.Equal((0x0401, OtOperation.Start), (Datagram(FinsVectors.RunCommand, Direction.ToServer).Function, Datagram(FinsVectors.RunCommand, Direction.ToServer).Operation));
        Assert.Equal(OtOperation.Stop, Datagram(FinsVectors.StopCommand, Direction.ToServer).Operation);
        var write = Datagram(FinsVectors.MemoryAreaWrite, Direction.ToServer);
        Assert.Equal(("Memory Area Write", OtOperation.Write), (write.FunctionName, write.Operation));
    }

    [Fact]
    public void Datagram_Malformed_Flagged()
    {
        var badIcf = FinsVectors.RunCommand;
        badIcf[0] = 0x04; // ICF bit 7 clear, bit 2 set
        Assert.Contains("invalid_icf", Datagram(badIcf, Direction.ToServer).AnomalyNames);
        var unknown = FinsVectors.RunCommand;
        unknown[10] = 0x7E; // command 7E 01
        Assert.Contains("unknown_command", Datagram(unknown, Direction.ToServer).AnomalyNames);
        var cut = FinsVectors.ControllerDataReadResponse[..13]; // end code cut in half
        Assert.Contains("frame_too_short", Datagram(cut, Direction.ToClient).AnomalyNames);
        Assert.Contains("direction_mismatch", Datagram(FinsVectors.RunCommand, Direction.ToClient).AnomalyNames);
        var gateways = FinsVectors.StopCommand;
        gateways[2] = 9;
        Assert.Contains("invalid_gateway_count", Datagram(gateways, Direction.ToServer).AnomalyNames);
    }

    [Fact]
    public void Probes_StrictOnHeaderAndCommand()
    {
        Assert.Equal(ProbeResult.Recognized, FinsProbe.RecognizeDatagram(FinsVectors.ControllerDataReadCommand, Direction.ToServer));
        Assert.Equal(ProbeResult.Unrecognized, FinsProbe.RecognizeDatagram(FinsVectors.ControllerDataReadResponse.AsSpan(0, 13), Direction.ToClient));
        Assert.Equal(ProbeResult.Unrecognized, FinsProbe.RecognizeDatagram("M-SEARCH * HTTP/1.1"u8, Direction.ToServer));
        Assert.Equal(ProbeResult.Recognized, FinsProbe.Recognize(FinsVectors.TcpNodeAddressRequest, Direction.ToServer));
        Assert.Equal(ProbeResult.Incomplete, FinsProbe.Recognize("FIN"u8, Direction.ToServer));
        Assert.Equal(ProbeResult.Incomplete, FinsProbe.Recognize(FinsVectors.TcpControllerDataRead.AsSpan(0, 20), Direction.ToServer));
        Assert.Equal(ProbeResult.Unrecognized, FinsProbe.Recognize("FINISHED......................"u8, Direction.ToServer));
    }

    private static byte[] TcpRequests => [.. FinsVectors.TcpNodeAddressRequest, .. FinsVectors.TcpControllerDataRead];

    public static TheoryData<string> SplitNames()
    {
        var data = new TheoryData<string>();
        foreach (var variant in SplitVariants.Of(TcpRequests)) data.Add(variant.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(SplitNames))]
    public void OnData_EverySplitVariant_SameMessages(string name)
    {
        var sink = new RecordingSink();
        var feeder = new StreamFeeder(new FinsSession(), sink);
        feeder.Feed(Direction.ToServer, SplitVariants.Of(TcpRequests).Single(v => v.Name == name).Segments);
        feeder.Feed(Direction.ToClient, [FinsVectors.TcpNodeAddressResponse]);
        Assert.Equal([-1, 0x0501, -1], sink.Messages.Select(m => m.Function));
        Assert.Equal(251, sink.Messages[2].Details.GetProperty("clientNode").GetInt32());
        Assert.All(sink.Messages, m => Assert.Empty(m.AnomalyNames));
        Assert.Empty(sink.StreamAnomalies);
    }

    [Fact]
    public void OnData_GarbageThenMessage_OneResync()
    {
        var sink = new RecordingSink();
        new StreamFeeder(new FinsSession(), sink).Feed(Direction.ToServer, [0x00, 0x46, 0x49, .. FinsVectors.TcpControllerDataRead]);
        Assert.Equal(["resync"], sink.StreamAnomalies);
        Assert.Equal(0x0501, Assert.Single(sink.Messages).Function);
    }

    [Fact]
    public void OnData_TcpLengthLie_InvalidTcpHeaderOrResync()
    {
        var bytes = FinsVectors.TcpNodeAddressRequest;
        bytes[7] = 0x02; // length 2: below the 8 bytes of command and error code
        var sink = new RecordingSink();
        var feeder = new StreamFeeder(new FinsSession(), sink);
        feeder.Feed(Direction.ToServer, bytes);
        Assert.Empty(sink.Messages);
        Assert.Equal(["resync"], sink.StreamAnomalies);
    }

    [Fact]
    public void OnData_LongForeignStream_GivesUp()
    {
        var sink = new RecordingSink();
        var feeder = new StreamFeeder(new FinsSession(), sink);
        feeder.Feed(Direction.ToServer, new byte[5000]);
        Assert.Equal(StreamStatus.Error, feeder.LastStatus);
        Assert.Equal(["resync", "not_fins"], sink.StreamAnomalies);
    }

    [Fact]
    public void OnDataAndDatagram_RandomBytes_NeverThrow()
    {
        var random = new Random(9600);
        var sink = new NoOpSink();
        for (int i = 0; i < 10_000; i++)
        {
            var bytes = new byte[random.Next(0, 200)];
            random.NextBytes(bytes);
            if (i % 2 == 0 && bytes.Length >= 16)
            {
                "FINS"u8.CopyTo(bytes);
                bytes[4] = bytes[5] = bytes[6] = 0;
                bytes[7] = (byte)(bytes.Length - 8 - (i % 3));
                bytes[8] = bytes[9] = bytes[10] = 0;
                bytes[11] = (byte)(i % 4);
            }
            var session = new FinsSession();
            var result = session.OnData(bytes, Direction.ToServer, sink);
            Assert.InRange(result.Consumed, 0, bytes.Length);
            if (result.Status == StreamStatus.Incomplete) Assert.True(result.Needed > bytes.Length - result.Consumed);
            session.OnDatagram(bytes, Direction.ToClient, sink);
            if (bytes.Length > 0) bytes[0] = 0xC0;
            session.OnDatagram(bytes, Direction.ToClient, sink);
        }
        Assert.True(sink.Count > 0);
    }

    [Fact]
    public void OnData_SteadyState_AllocatesNothing()
    {
        var sink = new NoOpSink();
        var session = new FinsSession();
        byte[] requests = TcpRequests, command = FinsVectors.ControllerDataReadCommand, response = FinsVectors.ControllerDataReadResponse;
        for (int i = 0; i < 100; i++) Pump();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 2000; i++) Pump();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(2100 * 4, sink.Count);

        void Pump()
        {
            session.OnData(requests, Direction.ToServer, sink);
            session.OnDatagram(command, Direction.ToServer, sink);
            session.OnDatagram(response, Direction.ToClient, sink);
        }
    }
}
