using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.ProfinetCm;

namespace OtSensor.Protocols.Tests.Profinet;

public sealed class PnioCmTests
{
    private static RecordedMessage Decode(byte[] datagram, Direction direction = Direction.ToServer)
    {
        var sink = new RecordingSink();
        new PnioCmSession().OnDatagram(datagram, direction, sink);
        Assert.Empty(sink.StreamAnomalies);
        return Assert.Single(sink.Messages);
    }

    [Fact]
    public void OnDatagram_ReadImplicit_LittleEndianHeaderAndReadBlock()
    {
        var m = Decode(PnioCmVectors.ReadImplicitRequest);
        Assert.Equal((ProtocolId.ProfinetIO, 5, "Read Implicit", OtOperation.Read, false, 0UL), (m.Protocol, m.Function, m.FunctionName, m.Operation, m.IsResponse, m.Anomalies));
        var d = m.Details;
        Assert.Equal((0, "request", 3, "device", true), (d.GetProperty("packetType").GetInt32(), d.GetProperty("packetTypeName").GetString(),
            d.GetProperty("sequence").GetInt32(), d.GetProperty("interface").GetString(), d.GetProperty("littleEndian").GetBoolean()));
        Assert.Equal((32832, 64), (d.GetProperty("argsMaximum").GetInt32(), d.GetProperty("argsLength").GetInt32()));
        Assert.Equal((0xF840, 32768, 0, 0, 1), (d.GetProperty("recordIndex").GetInt32(), d.GetProperty("recordDataLength").GetInt32(),
            d.GetProperty("api").GetInt32(), d.GetProperty("slot").GetInt32(), d.GetProperty("subslot").GetInt32()));
        Assert.Equal("IODReadReqHeader", Assert.Single(d.GetProperty("blocks").EnumerateArray()).GetProperty("name").GetString());
    }

    [Fact]
    public void OnDatagram_Write_BigEndianRecordDataNotWalked()
    {
        var m = Decode(PnioCmVectors.WriteRequest);
        Assert.Equal((3, "Write", OtOperation.Write, 0UL), (m.Function, m.FunctionName, m.Operation, m.Anomalies));
        var d = m.Details;
        Assert.False(d.GetProperty("littleEndian").GetBoolean());
        Assert.Equal((1, 4, 1, 1), (d.GetProperty("recordIndex").GetInt32(), d.GetProperty("recordDataLength").GetInt32(), d.GetProperty("slot").GetInt32(), d.GetProperty("subslot").GetInt32()));
        Assert.Single(d.GetProperty("blocks").EnumerateArray());
    }

    [Fact]
    public void OnDatagram_ControlPrmEnd_Control()
    {
        var m = Decode(PnioCmVectors.ControlPrmEnd);
        Assert.Equal((4, "Control", OtOperation.Control), (m.Function, m.FunctionName, m.Operation));
        Assert.Equal(1, m.Details.GetProperty("controlCommand").GetInt32());
        Assert.Equal(["PrmEnd"], m.Details.GetProperty("controlCommandNames").EnumerateArray().Select(n => n.GetString()));
    }

    [Fact]
    public void OnDatagram_ControlResponse_DoneAndStatus()
    {
        var m = Decode(PnioCmVectors.ControlDone, Direction.ToClient);
        Assert.Equal((4, true, 0UL), (m.Function, m.IsResponse, m.Anomalies));
        Assert.Equal(("00000000", 8), (m.Details.GetProperty("pnioStatus").GetString(), m.Details.GetProperty("controlCommand").GetInt32()));
    }

    [Fact]
    public void OnDatagram_Release_Stop()
    {
        var m = Decode(PnioCmVectors.Release);
        Assert.Equal((1, "Release", OtOperation.Stop, 4), (m.Function, m.FunctionName, m.Operation, m.Details.GetProperty("controlCommand").GetInt32()));
    }

    [Fact]
    public void OnDatagram_Connect_ArBlockAndControllerName()
    {
        var m = Decode(PnioCmVectors.Connect);
        Assert.Equal((0, "Connect", OtOperation.Control, 0UL), (m.Function, m.FunctionName, m.Operation, m.Anomalies));
        var d = m.Details;
        Assert.Equal((1, "plc-1", 1), (d.GetProperty("arType").GetInt32(), d.GetProperty("initiatorStationName").GetString(), d.GetProperty("iocrCount").GetInt32()));
        Assert.Equal(["ARBlockReq", "IOCRBlockReq"], d.GetProperty("blocks").EnumerateArray().Select(b => b.GetProperty("name").GetString()));

        var identities = new ProfinetIdentitySink();
        new PnioCmSession().OnDatagram(PnioCmVectors.Connect, Direction.ToServer, identities);
        Assert.Equal([(IdentityField.Name, "plc-1")], identities.Identities);
    }

    [Fact]
    public void OnDatagram_ApplicationReady_ControllerInterface()
    {
        var m = Decode(PnioCmVectors.ApplicationReady);
        Assert.Equal((4, "controller", 2), (m.Function, m.Details.GetProperty("interface").GetString(), m.Details.GetProperty("controlCommand").GetInt32()));
    }

    [Fact]
    public void OnDatagram_PingAndFault_NoFunction()
    {
        var ping = Decode(PnioCmVectors.Ping);
        Assert.Equal((-1, OtOperation.None, "ping"), (ping.Function, ping.Operation, ping.Details.GetProperty("packetTypeName").GetString()));
        var fault = Decode(PnioCmVectors.Fault, Direction.ToClient);
        Assert.Equal((-1, true, 0x1C010003), (fault.Function, fault.IsResponse, fault.Details.GetProperty("faultStatus").GetInt32()));
    }

    [Fact]
    public void OnDatagram_Fragments_OneRecordAtLastFragment()
    {
        var sink = new RecordingSink();
        var session = new PnioCmSession();
        var fragments = PnioCmVectors.FragmentedWrite;
        session.OnDatagram(fragments[0], Direction.ToServer, sink);
        session.OnDatagram(fragments[0], Direction.ToServer, sink); // retransmission: ignored
        Assert.Empty(sink.Messages);
        session.OnDatagram(fragments[1], Direction.ToServer, sink);

        var m = Assert.Single(sink.Messages);
        Assert.Equal((3, 0UL), (m.Function, m.Anomalies));
        Assert.Equal((2, 1, 4, 88), (m.Details.GetProperty("fragments").GetInt32(), m.Details.GetProperty("recordIndex").GetInt32(),
            m.Details.GetProperty("recordDataLength").GetInt32(), m.Details.GetProperty("bodyLength").GetInt32()));
    }

    [Fact]
    public void Reset_FragmentInProgress_Forgotten()
    {
        var sink = new RecordingSink();
        var session = new PnioCmSession();
        session.OnDatagram(PnioCmVectors.FragmentedWrite[0], Direction.ToServer, sink);
        session.Reset();
        session.OnDatagram(PnioCmVectors.FragmentedWrite[1], Direction.ToServer, sink);
        Assert.Equal(["fragment_missing"], Assert.Single(sink.Messages).AnomalyNames);
    }

    [Fact]
    public void Recognize_PnioVectors_Recognized()
    {
        byte[][] vectors = [PnioCmVectors.ReadImplicitRequest, PnioCmVectors.WriteRequest, PnioCmVectors.ControlDone, PnioCmVectors.Connect,
            PnioCmVectors.ApplicationReady, PnioCmVectors.Ping, PnioCmVectors.FragmentedWrite[0]];
        Assert.All(vectors, v => Assert.Equal(ProbeResult.Recognized, PnioCmProbe.Recognize(v, Direction.ToServer)));
    }

    [Fact]
    public void Recognize_OtherRpcOrNoise_Unrecognized()
    {
        var epm = PnioCmVectors.Rpc(little: true, packetType: 0, opnum: 2, [], iface: 0x01);
        // Endpoint mapper interface E1AF8308-5D1F-11C9-91A4-08002B14A0FA (little endian).
        byte[] epmUuid = [0x08, 0x83, 0xAF, 0xE1, 0x1F, 0x5D, 0xC9, 0x11, 0x91, 0xA4, 0x08, 0x00, 0x2B, 0x14, 0xA0, 0xFA];
        epmUuid.CopyTo(epm, 24);
        var unknownPnio = PnioCmVectors.Rpc(little: true, packetType: 0, opnum: 2, [], iface: 0x07);
        var version5 = PnioCmVectors.ReadImplicitRequest;
        version5[0] = 5;
        var lengthLies = PnioCmVectors.Rpc(little: true, packetType: 0, opnum: 2, [1, 2, 3, 4], fragmentLength: 5);
        byte[][] vectors = [epm, unknownPnio, version5, lengthLies, PnioCmVectors.ReadImplicitRequest.AsSpan(0, 79).ToArray(), new byte[200]];
        Assert.All(vectors, v => Assert.Equal(ProbeResult.Unrecognized, PnioCmProbe.Recognize(v, Direction.ToServer)));
    }

    [Fact]
    public void OnDatagram_EndpointMapperCall_RecordedWithoutFunction()
    {
        var epm = PnioCmVectors.Rpc(little: true, packetType: 0, opnum: 2, []);
        byte[] epmUuid = [0x08, 0x83, 0xAF, 0xE1, 0x1F, 0x5D, 0xC9, 0x11, 0x91, 0xA4, 0x08, 0x00, 0x2B, 0x14, 0xA0, 0xFA];
        epmUuid.CopyTo(epm, 24);
        var m = Decode(epm);
        Assert.Equal((-1, "epm", 2, 0UL), (m.Function, m.Details.GetProperty("interface").GetString(), m.Details.GetProperty("opnum").GetInt32(), m.Anomalies));
    }

    [Fact]
    public void OnDatagram_SteadyState_AllocatesNothing()
    {
        byte[][] vectors = [PnioCmVectors.ReadImplicitRequest, PnioCmVectors.WriteRequest, PnioCmVectors.ControlPrmEnd, PnioCmVectors.ControlDone,
            PnioCmVectors.Release, PnioCmVectors.Connect, PnioCmVectors.ApplicationReady, PnioCmVectors.Ping, PnioCmVectors.Fault,
            .. PnioCmVectors.FragmentedWrite];
        var sink = new NoOpSink();
        var identities = new ProfinetIdentitySink(keep: false);
        var session = new PnioCmSession();
        for (int i = 0; i < 100; i++) Pump(session, sink, identities, vectors);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++) Pump(session, sink, identities, vectors);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(1100L * (vectors.Length - 1), sink.Count); // the first fragment gives no record

        static void Pump(PnioCmSession session, NoOpSink sink, ProfinetIdentitySink identities, byte[][] vectors)
        {
            foreach (var v in vectors) session.OnDatagram(v, Direction.ToServer, sink);
            foreach (var v in vectors) session.OnDatagram(v, Direction.ToClient, identities);
        }
    }
}
