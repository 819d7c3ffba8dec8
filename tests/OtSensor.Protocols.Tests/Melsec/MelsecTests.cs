using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Melsec;
using OtSensor.Protocols.Tests.HartIp;
using OtSensor.TestKit;

namespace OtSensor.Protocols.Tests.Melsec;

public sealed class MelsecTests
{
    private static RecordingSink Exchange(params (byte[] Bytes, Direction Direction)[] frames)
    {
        var sink = new RecordingSink();
        var feeder = new StreamFeeder(new MelsecSession(), sink);
        foreach (var (bytes, direction) in frames) feeder.Feed(direction, bytes);
        return sink;
    }

    [Fact]
    public void OnData_BatchRead3E_ResponseNamedFromRequest()
    {
        var sink = Exchange((MelsecVectors.BatchRead3E, Direction.ToServer), (MelsecVectors.BatchRead3EResponse, Direction.ToClient));
        Assert.Equal([(0x0401, false), (0x0401, true)], sink.Messages.Select(m => (m.Function, m.IsResponse)));
        Assert.Equal(OtOperation.Read, sink.Messages[0].Operation);
        Assert.Equal("3E", sink.Messages[0].Details.GetProperty("frame").GetString());
        Assert.Equal(0x03FF, sink.Messages[0].Details.GetProperty("moduleIo").GetInt32());
        Assert.Equal(0, sink.Messages[1].Details.GetProperty("endCode").GetInt32());
        Assert.All(sink.Messages, m => Assert.Empty(m.AnomalyNames));
        Assert.Empty(sink.StreamAnomalies);
    }

    [Fact]
    public void OnData_ReadTypeName_CpuModelIdentity()
    {
        var sink = Exchange((MelsecVectors.ReadTypeName, Direction.ToServer), (MelsecVectors.ReadTypeNameResponse, Direction.ToClient));
        Assert.Equal(OtOperation.Identification, sink.Messages[1].Operation);
        Assert.Equal("Q03UDECPU", sink.Messages[1].Details.GetProperty("cpuModel").GetString());

        var session = new MelsecSession();
        var recorder = new IdentitySinkForMelsec();
        session.OnDatagram(MelsecVectors.ReadTypeName, Direction.ToServer, recorder);
        session.OnDatagram(MelsecVectors.ReadTypeNameResponse, Direction.ToClient, recorder);
        Assert.Equal(("Mitsubishi Electric", "Q03UDECPU"), (recorder.Identity.Values[IdentityField.Vendor], recorder.Identity.Values[IdentityField.Model]));
    }

    [Fact]
    public void OnData_RemoteStop_StopOperation()
    {
        var sink = Exchange((MelsecVectors.RemoteStop, Direction.ToServer), (MelsecVectors.RemoteStopResponse, Direction.ToClient));
        Assert.Equal([OtOperation.Stop, OtOperation.Stop], sink.Messages.Select(m => m.Operation));
        Assert.Equal("Remote Stop", sink.Messages[1].FunctionName);
    }

    [Fact]
    public void OnData_FourEOutOfOrder_PairedBySerial()
    {
        var other = MelsecVectors.BatchRead4E;
        other[2] = 0x35;   // serial 0x1235
        other[11] = 0x06;  // data length 6: timer, command, subcommand only
        other[15] = 0x01;  // command 0101 Read Type Name
        other[16] = 0x01;
        byte[] otherRequest = other[..19];
        var sink = Exchange((MelsecVectors.BatchRead4E, Direction.ToServer), (otherRequest, Direction.ToServer), (MelsecVectors.BatchRead4EResponse, Direction.ToClient));
        Assert.Equal(0x0401, sink.Messages[2].Function); // serial 0x1234 answers the batch read, not the later request
        Assert.Empty(sink.Messages[2].AnomalyNames);
    }

    [Fact]
    public void OnData_ResponseWithoutRequest_Unsolicited()
    {
        var m = Assert.Single(Exchange((MelsecVectors.BatchRead3EResponse, Direction.ToClient)).Messages);
        Assert.Equal(-1, m.Function);
        Assert.Equal(["unsolicited_response"], m.AnomalyNames);
    }

    [Fact]
    public void OnDatagram_Malformed_Flagged()
    {
        var sink = new RecordingSink();
        var session = new MelsecSession();
        var lie = MelsecVectors.BatchRead3E;
        lie[7] = 0x20; // data length 32, 12 bytes follow
        session.OnDatagram(lie, Direction.ToServer, sink);
        var unknown = MelsecVectors.ReadTypeName;
        unknown[12] = 0x77; // command 7701
        session.OnDatagram(unknown, Direction.ToServer, sink);
        var shortRequest = MelsecVectors.ReadTypeName[..13];
        shortRequest[7] = 0x04;
        session.OnDatagram(shortRequest, Direction.ToServer, sink);
        Assert.Equal(["length_mismatch"], sink.Messages[0].AnomalyNames);
        Assert.Equal(["unknown_command"], sink.Messages[1].AnomalyNames);
        Assert.Equal(["data_too_short"], sink.Messages[2].AnomalyNames);
    }

    [Fact]
    public void Probes_StrictOnSubheaderLengthAndCommand()
    {
        Assert.Equal(ProbeResult.Recognized, MelsecProbe.Recognize(MelsecVectors.BatchRead3E, Direction.ToServer));
        Assert.Equal(ProbeResult.Incomplete, MelsecProbe.Recognize(MelsecVectors.BatchRead3E.AsSpan(0, 10), Direction.ToServer));
        Assert.Equal(ProbeResult.Recognized, MelsecProbe.RecognizeDatagram(MelsecVectors.BatchRead4E, Direction.ToServer));
        Assert.Equal(ProbeResult.Unrecognized, MelsecProbe.RecognizeDatagram([.. MelsecVectors.BatchRead4E, 0x00], Direction.ToServer));
        // MELSOFT (GX Works) request from the ICS-Security-Tools captures: subheader 57 00, not MC protocol.
        byte[] melsoft = [0x57, 0x00, 0x00, 0x00, 0x00, 0x11, 0x11, 0x07, 0x00, 0x00, 0xFF, 0xFF, 0x03, 0x00, 0x00, 0x00];
        Assert.Equal(ProbeResult.Unrecognized, MelsecProbe.Recognize(melsoft, Direction.ToServer));
        var unknown = MelsecVectors.ReadTypeName;
        unknown[12] = 0x77;
        Assert.Equal(ProbeResult.Unrecognized, MelsecProbe.Recognize(unknown, Direction.ToServer));
    }

    private static byte[] Requests => [.. MelsecVectors.BatchRead3E, .. MelsecVectors.ReadTypeName, .. MelsecVectors.RemoteStop];

    public static TheoryData<string> SplitNames()
    {
        var data = new TheoryData<string>();
        foreach (var variant in SplitVariants.Of(Requests)) data.Add(variant.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(SplitNames))]
    public void OnData_EverySplitVariant_SameFrames(string name)
    {
        var sink = new RecordingSink();
        var feeder = new StreamFeeder(new MelsecSession(), sink);
        feeder.Feed(Direction.ToServer, SplitVariants.Of(Requests).Single(v => v.Name == name).Segments);
        feeder.Feed(Direction.ToClient, [.. MelsecVectors.BatchRead3EResponse, .. MelsecVectors.ReadTypeNameResponse, .. MelsecVectors.RemoteStopResponse]);
        Assert.Equal([0x0401, 0x0101, 0x1002, 0x0401, 0x0101, 0x1002], sink.Messages.Select(m => m.Function));
        Assert.All(sink.Messages, m => Assert.Empty(m.AnomalyNames));
        Assert.Empty(sink.StreamAnomalies);
    }

    [Fact]
    public void OnData_GarbageThenFrame_OneResync_AndLongGarbageGivesUp()
    {
        var sink = Exchange(([0x01, 0x02, .. MelsecVectors.BatchRead3E], Direction.ToServer));
        Assert.Equal(["resync"], sink.StreamAnomalies);
        Assert.Single(sink.Messages);

        var junk = new RecordingSink();
        var feeder = new StreamFeeder(new MelsecSession(), junk);
        feeder.Feed(Direction.ToServer, new byte[5000]);
        Assert.Equal(StreamStatus.Error, feeder.LastStatus);
        Assert.Equal(["resync", "not_melsec"], junk.StreamAnomalies);
    }

    [Fact]
    public void OnDataAndDatagram_RandomBytes_NeverThrow()
    {
        var random = new Random(5007);
        var sink = new NoOpSink();
        for (int i = 0; i < 10_000; i++)
        {
            var bytes = new byte[random.Next(0, 200)];
            random.NextBytes(bytes);
            if (i % 2 == 0 && bytes.Length >= 15)
            {
                bytes[0] = (byte)((i & 2) != 0 ? 0x50 : 0xD4);
                bytes[1] = 0;
                bytes[7] = (byte)(bytes.Length - 9 - (i % 3));
                bytes[8] = 0;
            }
            var session = new MelsecSession();
            var result = session.OnData(bytes, (i & 1) == 0 ? Direction.ToServer : Direction.ToClient, sink);
            Assert.InRange(result.Consumed, 0, bytes.Length);
            if (result.Status == StreamStatus.Incomplete) Assert.True(result.Needed > bytes.Length - result.Consumed);
            session.OnDatagram(bytes, Direction.ToClient, sink);
        }
        Assert.True(sink.Count > 0);
    }

    [Fact]
    public void OnData_SteadyState_AllocatesNothing()
    {
        var sink = new NoOpSink();
        var session = new MelsecSession();
        byte[] requests = Requests, responses = [.. MelsecVectors.BatchRead3EResponse, .. MelsecVectors.ReadTypeNameResponse, .. MelsecVectors.RemoteStopResponse];
        for (int i = 0; i < 100; i++) Pump();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 2000; i++) Pump();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(2100 * 6, sink.Count);

        void Pump()
        {
            session.OnData(requests, Direction.ToServer, sink);
            session.OnData(responses, Direction.ToClient, sink);
        }
    }

    /// <summary>Hands each MELSEC message's identity to an <see cref="IdentityRecorder"/>.</summary>
    private sealed class IdentitySinkForMelsec : Registry.IProtocolEventSink
    {
        public IdentityRecorder Identity { get; } = new();

        public void OnMelsec(in MelsecMessage message) => message.ReportIdentity(Identity);
        public void OnModbus(in OtSensor.Protocols.Modbus.ModbusMessage message) { }
        public void OnIec104(in OtSensor.Protocols.Iec104.Iec104Message message) { }
        public void OnDnp3(in OtSensor.Protocols.Dnp3.Dnp3Message message) { }
        public void OnS7Comm(in OtSensor.Protocols.S7Comm.S7CommMessage message) { }
        public void OnS7CommPlus(in OtSensor.Protocols.S7CommPlus.S7CommPlusMessage message) { }
        public void OnEnip(in OtSensor.Protocols.Enip.EnipMessage message) { }
        public void OnCip(in OtSensor.Protocols.Cip.CipMessage message) { }
        public void OnMms(in OtSensor.Protocols.Mms.MmsMessage message) { }
        public void OnBacnet(in OtSensor.Protocols.Bacnet.BacnetMessage message) { }
        public void OnHartIp(in OtSensor.Protocols.HartIp.HartIpMessage message) { }
        public void OnC37118(in OtSensor.Protocols.C37118.C37118Message message) { }
        public void OnAds(in OtSensor.Protocols.Ads.AdsMessage message) { }
        public void OnFins(in OtSensor.Protocols.Fins.FinsMessage message) { }
        public void OnFox(in OtSensor.Protocols.Fox.FoxMessage message) { }
        public void OnSrtp(in OtSensor.Protocols.Srtp.SrtpMessage message) { }
        public void OnStreamAnomaly(ProtocolId protocol, string anomaly) { }
    }
}
