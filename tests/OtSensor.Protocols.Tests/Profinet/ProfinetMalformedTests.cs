using OtSensor.Core.Parsing;
using OtSensor.Protocols.ProfinetCm;
using OtSensor.Protocols.ProfinetRt;

namespace OtSensor.Protocols.Tests.Profinet;

/// <summary>Malformed twins of the annotated vectors: lying lengths and cut PDUs end in anomalies, never exceptions.</summary>
public sealed class ProfinetMalformedTests
{
    private static RecordedMessage Frame(byte[] payload) => ProfinetDcpTests.Decode(payload);

    private static RecordedMessage Datagram(byte[] datagram)
    {
        var sink = new RecordingSink();
        new PnioCmSession().OnDatagram(datagram, Direction.ToServer, sink);
        return Assert.Single(sink.Messages);
    }

    private static byte[] Patch(byte[] vector, int offset, params byte[] bytes)
    {
        var copy = (byte[])vector.Clone();
        bytes.CopyTo(copy, offset);
        return copy;
    }

    [Fact]
    public void Dcp_DataLengthBeyondFrame_Flagged()
    {
        var m = Frame(Patch(ProfinetRtVectors.IdentifyResponse, 10, 0x01, 0x00)); // DCPDataLength 256 > 68 present
        Assert.Contains("data_length_beyond_frame", m.AnomalyNames);
        Assert.Equal("io-device-7", m.Details.GetProperty("nameOfStation").GetString()); // the blocks present still decode
    }

    [Fact]
    public void Dcp_BlockLengthLies_BlockTruncated()
    {
        var m = Frame(Patch(ProfinetRtVectors.IdentifyResponse, 14, 0x00, 0xFF)); // NameOfStation DCPBlockLength 255
        Assert.Equal(["block_truncated"], m.AnomalyNames);
        Assert.Equal(0, m.Details.GetProperty("blockCount").GetInt32());
    }

    [Fact]
    public void Dcp_HeaderCut_Truncated()
    {
        var m = Frame(ProfinetRtVectors.IdentifyResponse.AsSpan(0, 8).ToArray());
        Assert.Equal(["truncated"], m.AnomalyNames);
        Assert.Equal(5, m.Function);
    }

    [Fact]
    public void Dcp_ServiceOnWrongFrameId_Flagged()
    {
        var m = Frame(Patch(ProfinetRtVectors.IdentifyAll, 0, 0xFE, 0xFD)); // Identify on the Get/Set FrameID
        Assert.Equal(["frame_id_mismatch"], m.AnomalyNames);
    }

    [Fact]
    public void Dcp_UnknownServiceAndType_Flagged()
    {
        var m = Frame(Patch(ProfinetRtVectors.GetRequest, 2, 0x09, 0x80));
        // An unknown service has no known block layout: its data is read as plain blocks, which here do not fit.
        Assert.Equal(["block_truncated", "unknown_service", "bad_service_type"], m.AnomalyNames);
        Assert.Null(m.FunctionName);
    }

    [Fact]
    public void Dcp_DeviceIdBlockTooShort_Flagged()
    {
        // DeviceID block shortened to BlockInfo + 2 octets; the following blocks realigned by the length.
        var m = Frame(Patch(ProfinetRtVectors.IdentifyResponse, 46, 0x00, 0x04));
        Assert.Contains("block_too_short", m.AnomalyNames);
    }

    [Fact]
    public void Dcp_UnknownOption_Flagged()
    {
        var m = Frame(Patch(ProfinetRtVectors.GetRequest, 12, 0x09, 0x01));
        Assert.Equal(["unknown_option"], m.AnomalyNames);
    }

    [Fact]
    public void Dcp_TooManyBlocks_LimitFlagged()
    {
        var payload = new byte[12 + (4 * 100)];
        ProfinetRtVectors.IdentifyAll.AsSpan(0, 12).CopyTo(payload);
        payload[10] = (byte)(400 >> 8);
        payload[11] = 400 & 0xFF;
        for (int i = 12; i < payload.Length; i += 4) (payload[i], payload[i + 1]) = (0xFF, 0xFF); // 100 AllSelector blocks
        var m = Frame(payload);
        Assert.Equal(["block_limit_exceeded"], m.AnomalyNames);
        Assert.Equal(64, m.Details.GetProperty("blockCount").GetInt32());
    }

    [Fact]
    public void Dcp_FuzzedStationName_NotDnsCompatible()
    {
        var m = Frame(Patch(ProfinetRtVectors.IdentifyResponse, 18, (byte)'%', (byte)'n'));
        Assert.Equal(["name_not_dns_compatible"], m.AnomalyNames);
        Assert.Equal("%n-device-7", m.Details.GetProperty("nameOfStation").GetString());
    }

    [Fact]
    public void Dcp_NonUtf8Name_WrittenAsLatin1()
    {
        var m = Frame(Patch(ProfinetRtVectors.IdentifyResponse, 18, 0xE9, 0xFF));
        Assert.Equal("\u00e9\u00ff-device-7", m.Details.GetProperty("nameOfStation").GetString());
    }

    [Fact]
    public void Alarm_Truncated_Flagged()
    {
        var m = Frame(ProfinetRtVectors.AlarmNotification.AsSpan(0, 10).ToArray());
        Assert.Equal(["truncated"], m.AnomalyNames);
    }

    [Fact]
    public void Alarm_VarPartLies_Flagged()
    {
        var m = Frame(Patch(ProfinetRtVectors.AlarmNotification, 12, 0x01, 0x00));
        Assert.Contains("var_part_beyond_frame", m.AnomalyNames);
    }

    [Fact]
    public void Alarm_BlockLengthLiesAndBadType_Flagged()
    {
        var m = Frame(Patch(ProfinetRtVectors.AlarmNotification, 6, 0x27)); // version 2, type 7
        Assert.Equal(["bad_pdu_type"], m.AnomalyNames);
        m = Frame(Patch(ProfinetRtVectors.AlarmNotification, 16, 0x00, 0x40)); // BlockLength 64 > 22 present
        Assert.Equal(["block_malformed"], m.AnomalyNames);
        m = Frame(Patch(ProfinetRtVectors.AlarmNotification, 14, 0x00, 0x09)); // BlockType 0x0009
        Assert.Equal(["unexpected_block"], m.AnomalyNames);
    }

    [Fact]
    public void Rpc_HeaderCut_StreamAnomalyNoRecord()
    {
        var sink = new RecordingSink();
        var session = new PnioCmSession();
        session.OnDatagram(PnioCmVectors.ReadImplicitRequest.AsSpan(0, 79), Direction.ToServer, sink);
        session.OnDatagram(Patch(PnioCmVectors.ReadImplicitRequest, 0, 0x05), Direction.ToServer, sink);
        Assert.Empty(sink.Messages);
        Assert.Equal(["not_dce_rpc", "not_dce_rpc"], sink.StreamAnomalies);
    }

    [Fact]
    public void Rpc_FragmentLengthBeyondDatagram_Flagged()
    {
        var m = Datagram(Patch(PnioCmVectors.ReadImplicitRequest, 74, 0xFF, 0x00)); // len 255 > 84 present
        Assert.Contains("fragment_length_beyond_datagram", m.AnomalyNames);
        Assert.Equal(5, m.Function);
    }

    [Fact]
    public void Rpc_ActualCountBeyondBody_ArgsLengthMismatch()
    {
        var m = Datagram(Patch(PnioCmVectors.ReadImplicitRequest, 80 + 16, 0x00, 0x10)); // ActualCount 4096
        Assert.Equal(["args_length_mismatch"], m.AnomalyNames);
    }

    [Fact]
    public void Rpc_BlockLengthLies_BlockMalformed()
    {
        var m = Datagram(Patch(PnioCmVectors.ReadImplicitRequest, 80 + 22, 0x7F, 0xFF)); // BlockLength 32767
        Assert.Equal(["block_malformed"], m.AnomalyNames);
        Assert.False(m.Details.TryGetProperty("recordIndex", out _));
    }

    [Fact]
    public void Rpc_ControlBlockCut_BlockMalformed()
    {
        var body = (byte[])PnioCmVectors.ControlPrmEndBody.Clone();
        body[23] = 0x10; // BlockLength 16: the control block ends before ControlCommand
        var m = Datagram(PnioCmVectors.Rpc(little: false, packetType: 0, opnum: 4, body));
        Assert.Contains("block_malformed", m.AnomalyNames);
    }

    [Fact]
    public void Rpc_BodyShorterThanNdrHeader_BodyTruncated()
    {
        var m = Datagram(PnioCmVectors.Rpc(little: true, packetType: 0, opnum: 2, [0x40, 0x00, 0x00]));
        Assert.Equal(["body_truncated"], m.AnomalyNames);
    }

    [Fact]
    public void Rpc_OpnumSix_UnknownOpnum()
    {
        var m = Datagram(PnioCmVectors.Rpc(little: true, packetType: 0, opnum: 6, PnioCmVectors.ReadImplicitRequestBody));
        Assert.Equal(["unknown_opnum"], m.AnomalyNames);
        Assert.Equal((6, (string?)null), (m.Function, m.FunctionName));
    }

    [Fact]
    public void Rpc_LastFragmentAlone_FragmentMissing()
    {
        var m = Datagram(PnioCmVectors.FragmentedWrite[1]);
        Assert.Equal(["fragment_missing"], m.AnomalyNames);
        Assert.Equal(3, m.Function);
    }

    [Fact]
    public void Rpc_FragmentsBeyondBound_ReassemblyLimit()
    {
        var sink = new RecordingSink();
        var session = new PnioCmSession();
        var chunk = new byte[1400];
        int count = (PnioCmConstants.MaxReassembledBody / chunk.Length) + 2;
        for (int i = 0; i < count; i++)
        {
            byte flags = (byte)(PnioCmVectors.Idempotent | PnioCmVectors.Fragment | (i == count - 1 ? PnioCmVectors.LastFragment : 0));
            session.OnDatagram(PnioCmVectors.Rpc(little: true, packetType: 0, opnum: 0, chunk, sequence: 1, flags1: flags, fragmentNumber: i), Direction.ToServer, sink);
        }
        Assert.Equal(["reassembly_limit"], Assert.Single(sink.Messages).AnomalyNames);
    }

    [Fact]
    public void OnFrame_RandomBytes_NeverThrows()
    {
        var random = new Random(0x8892);
        var sink = new RecordingSink();
        var session = new ProfinetRtSession();
        var buffer = new byte[128];
        ushort[] frameIds = [0xFEFC, 0xFEFD, 0xFEFE, 0xFEFF, 0xFC01, 0xFE01, 0xC000];
        for (int i = 0; i < 20_000; i++)
        {
            int length = random.Next(0, buffer.Length);
            var payload = buffer.AsSpan(0, length);
            random.NextBytes(payload);
            // Mostly a DCP or alarm FrameID and a plausible header, so the block code sees the random part.
            if (length >= 12 && (i & 3) != 0)
            {
                ushort id = frameIds[random.Next(frameIds.Length)];
                (payload[0], payload[1]) = ((byte)(id >> 8), (byte)id);
                if (id >= 0xFEFC) (payload[2], payload[3], payload[10], payload[11]) = ((byte)random.Next(3, 7), (byte)random.Next(0, 2), 0, (byte)(length - 12));
            }
            session.OnFrame(payload, default, default, sink);
        }
        Assert.NotEmpty(sink.Messages);
    }

    [Fact]
    public void OnDatagram_RandomBodies_NeverThrow()
    {
        var random = new Random(34964);
        var sink = new RecordingSink();
        var session = new PnioCmSession();
        var header = PnioCmVectors.ReadImplicitRequest.AsSpan(0, 80).ToArray();
        var buffer = new byte[256];
        for (int i = 0; i < 20_000; i++)
        {
            int length = random.Next(0, buffer.Length);
            var datagram = buffer.AsSpan(0, length);
            random.NextBytes(datagram);
            // Mostly a valid header (random type, flags, opnum, length), so the NDR and block code see the random body.
            if (length >= 80 && (i & 3) != 0)
            {
                header.CopyTo(datagram);
                datagram[1] = (byte)random.Next(0, 11);
                datagram[2] = (byte)random.Next(0, 256);
                datagram[68] = (byte)random.Next(0, 7);
                int len = random.Next(0, length - 80 + 8);
                (datagram[74], datagram[75], datagram[76]) = ((byte)len, (byte)(len >> 8), (byte)random.Next(0, 3));
                if (length >= 124 && (i & 1) == 0) (datagram[100], datagram[101]) = (0, (byte)random.Next(0x08, 0x0A)); // a read/write header type
            }
            session.OnDatagram(datagram, (i & 1) == 0 ? Direction.ToServer : Direction.ToClient, sink);
            Assert.Equal(ProbeResult.Recognized == PnioCmProbe.Recognize(datagram, Direction.ToServer), PnioCmProbe.Recognize(datagram, Direction.ToClient) == ProbeResult.Recognized);
        }
        Assert.NotEmpty(sink.Messages);
    }
}
