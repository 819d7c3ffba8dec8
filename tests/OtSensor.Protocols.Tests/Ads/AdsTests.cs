using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Ads;
using OtSensor.Protocols.Tests.HartIp;
using OtSensor.TestKit;

namespace OtSensor.Protocols.Tests.Ads;

public sealed class AdsTests
{
    private static RecordedMessage Parse(byte[] packet, Direction direction)
    {
        var sink = new RecordingSink();
        new StreamFeeder(new AdsSession(), sink).Feed(direction, packet);
        Assert.Empty(sink.StreamAnomalies);
        return Assert.Single(sink.Messages);
    }

    [Fact]
    public void Parse_ReadDeviceInfo_RequestAndResponseWithVersionAndName()
    {
        var request = Parse(AdsVectors.ReadDeviceInfoRequest, Direction.ToServer);
        Assert.Equal((1, "ADS Read Device Info", false, OtOperation.Identification), (request.Function, request.FunctionName, request.IsResponse, request.Operation));
        Assert.Equal("5.13.117.96.1.1", request.Details.GetProperty("targetNetId").GetString());
        Assert.Equal(800, request.Details.GetProperty("targetPort").GetInt32());
        var response = Parse(AdsVectors.ReadDeviceInfoResponse, Direction.ToClient);
        Assert.True(response.IsResponse);
        Assert.Equal("2.11.2103", response.Details.GetProperty("version").GetString());
        Assert.Equal("PLC Server", response.Details.GetProperty("deviceName").GetString());
        Assert.Empty(response.AnomalyNames);
    }

    [Fact]
    public void ReportIdentity_DeviceInfo_VendorModelFirmware()
    {
        Assert.True(AdsParser.TryParseTcp(AdsVectors.ReadDeviceInfoResponse, out var message));
        var recorder = new IdentityRecorder();
        message.ReportIdentity(recorder);
        Assert.Equal("Beckhoff", recorder.Values[IdentityField.Vendor]);
        Assert.Equal("PLC Server", recorder.Values[IdentityField.Model]);
        Assert.Equal("2.11.2103", recorder.Values[IdentityField.Firmware]);
    }

    [Fact]
    public void Parse_ReadRequestAndResponse_IndexAndLengths()
    {
        var request = Parse(AdsVectors.ReadRequest, Direction.ToServer);
        Assert.Equal((2, OtOperation.Read), (request.Function, request.Operation));
        Assert.Equal((3, 2, 4), (request.Details.GetProperty("indexGroup").GetInt32(), request.Details.GetProperty("indexOffset").GetInt32(), request.Details.GetProperty("length").GetInt32()));
        var response = Parse(AdsVectors.ReadResponse, Direction.ToClient);
        Assert.Equal((0, 4), (response.Details.GetProperty("result").GetInt32(), response.Details.GetProperty("length").GetInt32()));
        Assert.Empty(response.AnomalyNames);
    }

    [Fact]
    public void Parse_ReadState_StateNamed()
    {
        var m = Parse(AdsVectors.ReadStateResponse, Direction.ToClient);
        Assert.Equal((4, OtOperation.Diagnostics), (m.Function, m.Operation));
        Assert.Equal("Run", m.Details.GetProperty("adsStateName").GetString());
    }

    [Fact]
    public void Parse_WriteControl_StopStartRestart()
    {
        Assert.Equal(OtOperation.Stop, Parse(AdsVectors.WriteControlStop, Direction.ToServer).Operation);
        Assert.Equal(OtOperation.Start, Parse(AdsVectors.WriteControlRun, Direction.ToServer).Operation);
        var reconfig = Parse(AdsVectors.WriteControlReconfig, Direction.ToServer);
        Assert.Equal((5, OtOperation.Restart), (reconfig.Function, reconfig.Operation));
        Assert.Equal("Reconfig", reconfig.Details.GetProperty("adsStateName").GetString());
        Assert.Empty(reconfig.AnomalyNames);
    }

    [Fact]
    public void Parse_Write_WriteOperation()
    {
        var m = Parse(AdsVectors.WriteRequest, Direction.ToServer);
        Assert.Equal((3, OtOperation.Write), (m.Function, m.Operation));
        Assert.Equal(0x4020, m.Details.GetProperty("indexGroup").GetInt32());
        Assert.Empty(m.AnomalyNames);
    }

    [Fact]
    public void Parse_WriteLengthLie_InnerLengthMismatch()
    {
        var bytes = AdsVectors.WriteRequest;
        bytes[46] = 0x09; // write length 9, 2 bytes follow
        Assert.Equal(["inner_length_mismatch"], Parse(bytes, Direction.ToServer).AnomalyNames);
    }

    [Fact]
    public void Parse_WriteControlUnknownState_Flagged()
    {
        var bytes = AdsVectors.WriteControlStop;
        bytes[38] = 0x40; // ADS state 64
        var m = Parse(bytes, Direction.ToServer);
        Assert.Equal(["unknown_ads_state"], m.AnomalyNames);
        Assert.Equal(OtOperation.Control, m.Operation);
    }

    [Fact]
    public void Parse_TruncatedReadRequest_DataTooShort()
    {
        byte[] bytes = [.. AdsVectors.ReadRequest.AsSpan(0, 46)];
        bytes[2] = 40;  // AMS/TCP length 40 (32 + 8)
        bytes[26] = 8;  // data length 8: the length field is missing
        Assert.Equal(["data_too_short"], Parse(bytes, Direction.ToServer).AnomalyNames);
    }

    [Fact]
    public void Discovery_RequestAndResponse_HostNameIdentity()
    {
        var sink = new RecordingSink();
        var session = new AdsSession();
        session.OnDatagram(AdsVectors.DiscoveryRequest, Direction.ToServer, sink);
        session.OnDatagram(AdsVectors.DiscoveryResponse, Direction.ToClient, sink);
        Assert.Equal(2, sink.Messages.Count);
        Assert.All(sink.Messages, m => Assert.Equal((-1, OtOperation.Discovery), (m.Function, m.Operation)));
        Assert.Equal("CX_0D7560", sink.Messages[1].Details.GetProperty("hostName").GetString());
        Assert.Equal("5.13.117.96.1.1", sink.Messages[1].Details.GetProperty("amsNetId").GetString());
        Assert.True(AdsParser.TryParseDiscovery(AdsVectors.DiscoveryResponse, out var response));
        var recorder = new IdentityRecorder();
        response.ReportIdentity(recorder);
        Assert.Equal("CX_0D7560", recorder.Values[IdentityField.Name]);
    }

    [Fact]
    public void Discovery_TagRunsPastDatagram_MalformedTags()
    {
        var bytes = AdsVectors.DiscoveryResponse;
        bytes[26] = 0x40; // tag length 64, 10 bytes follow
        var sink = new RecordingSink();
        new AdsSession().OnDatagram(bytes, Direction.ToClient, sink);
        Assert.Equal(["malformed_tags"], Assert.Single(sink.Messages).AnomalyNames);
        Assert.Equal(ProbeResult.Unrecognized, AdsProbe.RecognizeDatagram(bytes, Direction.ToClient));
    }

    [Fact]
    public void Recognize_StrictOnHeader()
    {
        Assert.Equal(ProbeResult.Recognized, AdsProbe.Recognize(AdsVectors.ReadRequest, Direction.ToServer));
        Assert.Equal(ProbeResult.Incomplete, AdsProbe.Recognize(AdsVectors.ReadRequest.AsSpan(0, 20), Direction.ToServer));
        Assert.Equal(ProbeResult.Unrecognized, AdsProbe.Recognize(AdsVectors.ReadRequestLengthLie, Direction.ToServer));
        var noAdsFlag = AdsVectors.ReadRequest;
        noAdsFlag[24] = 0x00;
        Assert.Equal(ProbeResult.Unrecognized, AdsProbe.Recognize(noAdsFlag, Direction.ToServer));
        Assert.Equal(ProbeResult.Unrecognized, AdsProbe.Recognize("GET / HTTP/1.1\r\n\r\n"u8, Direction.ToServer));
        Assert.Equal(ProbeResult.Recognized, AdsProbe.RecognizeDatagram(AdsVectors.DiscoveryRequest, Direction.ToServer));
        Assert.Equal(ProbeResult.Unrecognized, AdsProbe.RecognizeDatagram(AdsVectors.ReadRequest, Direction.ToServer));
    }

    private static byte[] Requests => [.. AdsVectors.ReadDeviceInfoRequest, .. AdsVectors.ReadRequest, .. AdsVectors.WriteRequest, .. AdsVectors.WriteControlStop];

    public static TheoryData<string> SplitNames()
    {
        var data = new TheoryData<string>();
        foreach (var variant in SplitVariants.Of(Requests)) data.Add(variant.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(SplitNames))]
    public void OnData_EverySplitVariant_SamePackets(string name)
    {
        var sink = new RecordingSink();
        new StreamFeeder(new AdsSession(), sink).Feed(Direction.ToServer, SplitVariants.Of(Requests).Single(v => v.Name == name).Segments);
        Assert.Equal([1, 2, 3, 5], sink.Messages.Select(m => m.Function));
        Assert.All(sink.Messages, m => Assert.Empty(m.AnomalyNames));
        Assert.Empty(sink.StreamAnomalies);
    }

    [Fact]
    public void OnData_GarbageThenPacket_OneResync()
    {
        var sink = new RecordingSink();
        new StreamFeeder(new AdsSession(), sink).Feed(Direction.ToServer, [0x01, 0x02, 0x03, .. AdsVectors.ReadRequest]);
        Assert.Equal(["resync"], sink.StreamAnomalies);
        Assert.Equal(2, Assert.Single(sink.Messages).Function);
    }

    [Fact]
    public void OnGap_MidPacket_ResyncsSilently()
    {
        var sink = new RecordingSink();
        var session = new AdsSession();
        session.OnGap(Direction.ToServer, sink);
        new StreamFeeder(session, sink).Feed(Direction.ToServer, [.. AdsVectors.ReadRequest.AsSpan(10), .. AdsVectors.WriteRequest]);
        Assert.Equal(3, Assert.Single(sink.Messages).Function);
        Assert.Empty(sink.StreamAnomalies);
    }

    [Fact]
    public void OnData_LongForeignStream_GivesUp()
    {
        var sink = new RecordingSink();
        var junk = new byte[5000];
        Array.Fill(junk, (byte)0x41);
        var feeder = new StreamFeeder(new AdsSession(), sink);
        feeder.Feed(Direction.ToServer, junk);
        Assert.Equal(StreamStatus.Error, feeder.LastStatus);
        Assert.Equal(["resync", "not_ads"], sink.StreamAnomalies);
    }

    [Fact]
    public void OnDataAndDatagram_RandomBytes_NeverThrow()
    {
        var random = new Random(48898);
        var sink = new NoOpSink();
        for (int i = 0; i < 10_000; i++)
        {
            var bytes = new byte[random.Next(0, 300)];
            random.NextBytes(bytes);
            if (i % 2 == 0 && bytes.Length >= 38)
            {
                bytes[0] = 0;
                bytes[1] = 0;
                bytes[2] = (byte)(bytes.Length - 6 - (i % 3));
                bytes[3] = bytes[4] = bytes[5] = 0;
                bytes[22] = (byte)(i % 10);
                bytes[23] = 0;
                bytes[24] = (byte)(0x04 | (i & 1));
                bytes[25] = 0;
                bytes[26] = (byte)(bytes.Length - 38);
                bytes[27] = bytes[28] = bytes[29] = 0;
            }
            var session = new AdsSession();
            var result = session.OnData(bytes, Direction.ToServer, sink);
            Assert.InRange(result.Consumed, 0, bytes.Length);
            if (result.Status == StreamStatus.Incomplete) Assert.True(result.Needed > bytes.Length - result.Consumed);
            session.OnDatagram(bytes, Direction.ToClient, sink);
            if (bytes.Length >= 4) { bytes[0] = 0x03; bytes[1] = 0x66; bytes[2] = 0x14; bytes[3] = 0x71; }
            session.OnDatagram(bytes, Direction.ToClient, sink);
        }
        Assert.True(sink.Count > 0);
    }

    [Fact]
    public void OnData_SteadyState_AllocatesNothing()
    {
        var sink = new NoOpSink();
        var session = new AdsSession();
        byte[] requests = Requests, responses = [.. AdsVectors.ReadDeviceInfoResponse, .. AdsVectors.ReadResponse, .. AdsVectors.ReadStateResponse];
        for (int i = 0; i < 100; i++) Pump();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 2000; i++) Pump();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(2100 * 7, sink.Count);

        void Pump()
        {
            session.OnData(requests, Direction.ToServer, sink);
            session.OnData(responses, Direction.ToClient, sink);
        }
    }
}
