using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.HartIp;

namespace OtSensor.Protocols.Tests.HartIp;

public sealed class HartIpParserTests
{
    private static RecordedMessage Parse(byte[] bytes, Direction direction)
    {
        var sink = new RecordingSink();
        new HartIpSession().OnDatagram(bytes, direction, sink);
        return Assert.Single(sink.Messages);
    }

    [Fact]
    public void TryParse_SessionInitiate_MasterTypeAndTimer()
    {
        var m = Parse(HartIpVectors.SessionInitiateRequest, Direction.ToServer);
        Assert.Equal((0, "Session Initiate", false), (m.Function, m.FunctionName, m.IsResponse));
        Assert.Equal(1, m.Details.GetProperty("masterType").GetInt32());
        Assert.Equal(30000, m.Details.GetProperty("inactivityCloseTimer").GetInt32());
        Assert.Equal(2, m.Details.GetProperty("sequence").GetInt32());
        Assert.Empty(m.AnomalyNames);
        Assert.Equal(60000, Parse(HartIpVectors.SessionInitiateResponse, Direction.ToClient).Details.GetProperty("inactivityCloseTimer").GetInt32());
    }

    [Fact]
    public void TryParse_KeepAliveAndClose_HeaderOnly()
    {
        var keepAlive = Parse(HartIpVectors.KeepAliveRequest, Direction.ToServer);
        Assert.Equal((2, OtOperation.None), (keepAlive.Function, keepAlive.Operation));
        var close = Parse(HartIpVectors.SessionCloseResponse, Direction.ToClient);
        Assert.Equal((1, true), (close.Function, close.IsResponse));
        Assert.Empty(keepAlive.AnomalyNames);
        Assert.Empty(close.AnomalyNames);
    }

    [Fact]
    public void TryParse_Command0Request_LongAddressAndIdentificationOperation()
    {
        var m = Parse(HartIpVectors.Command0Request, Direction.ToServer);
        Assert.Equal((3, "Token-Passing PDU", OtOperation.Identification), (m.Function, m.FunctionName, m.Operation));
        Assert.Equal(0, m.Details.GetProperty("command").GetInt32());
        Assert.Equal("Read Unique Identifier", m.Details.GetProperty("commandName").GetString());
        Assert.Equal("STX", m.Details.GetProperty("frameType").GetString());
        Assert.Equal("264e0000d2", m.Details.GetProperty("address").GetString());
        Assert.Empty(m.AnomalyNames);
    }

    [Fact]
    public void TryParse_Command0Response_IdentityFields()
    {
        var m = Parse(HartIpVectors.Command0Response, Direction.ToClient);
        Assert.Empty(m.AnomalyNames);
        var d = m.Details;
        Assert.Equal((0, 0xD0), (d.GetProperty("responseCode").GetInt32(), d.GetProperty("deviceStatus").GetInt32()));
        Assert.Equal(0x26, d.GetProperty("manufacturerId").GetInt32());
        Assert.Equal(0x264E, d.GetProperty("expandedDeviceType").GetInt32());
        Assert.Equal((7, 4, 1, 1), (d.GetProperty("hartRevision").GetInt32(), d.GetProperty("deviceRevision").GetInt32(),
            d.GetProperty("softwareRevision").GetInt32(), d.GetProperty("hardwareRevision").GetInt32()));
        Assert.Equal(0xD2, d.GetProperty("deviceId").GetInt32());
    }

    [Fact]
    public void ReportIdentity_Command0Response_VendorDeviceTypeRevisionsDeviceId()
    {
        var recorder = new IdentityRecorder();
        Assert.True(HartIpParser.TryParse(HartIpVectors.Command0Response, Direction.ToClient, out var message));
        Assert.True(message.HasIdentity);
        message.ReportIdentity(recorder);
        Assert.Equal("0x0026", recorder.Values[IdentityField.Vendor]);
        Assert.Equal("0x264E", recorder.Values[IdentityField.ProductCode]);
        Assert.Equal("dev 4 sw 1 hw 1", recorder.Values[IdentityField.Firmware]);
        Assert.Equal("0x0000D2", recorder.Values[IdentityField.Serial]);
    }

    [Fact]
    public void ReportIdentity_Command20Response_LongTagIsName()
    {
        var recorder = new IdentityRecorder();
        Assert.True(HartIpParser.TryParse(HartIpVectors.Command20Response, Direction.ToClient, out var message));
        message.ReportIdentity(recorder);
        Assert.Equal("wihartgw", recorder.Values[IdentityField.Name]);
        Assert.Equal("wihartgw", Parse(HartIpVectors.Command20Response, Direction.ToClient).Details.GetProperty("longTag").GetString());
    }

    [Fact]
    public void TryParse_RequestsAndOtherResponses_NoIdentity()
    {
        Assert.True(HartIpParser.TryParse(HartIpVectors.Command0Request, Direction.ToServer, out var request));
        Assert.False(request.HasIdentity);
        Assert.True(HartIpParser.TryParse(HartIpVectors.BurstCommand9Publish, Direction.ToClient, out var burst));
        Assert.False(burst.HasIdentity);
    }

    [Fact]
    public void TryParse_ShortAddress_OneByteAddress()
    {
        var m = Parse(HartIpVectors.ShortCommand0Request, Direction.ToServer);
        Assert.Equal("80", m.Details.GetProperty("address").GetString());
        Assert.Empty(m.AnomalyNames);
    }

    [Fact]
    public void TryParse_ExtendedCommand_CarriesSixteenBitNumber()
    {
        var m = Parse(HartIpVectors.ExtendedCommandRequest, Direction.ToServer);
        Assert.Equal(31, m.Details.GetProperty("command").GetInt32());
        Assert.Equal(533, m.Details.GetProperty("extendedCommand").GetInt32());
        Assert.Empty(m.AnomalyNames);
    }

    [Fact]
    public void TryParse_BurstPublish_BackFrameWithStatus()
    {
        var m = Parse(HartIpVectors.BurstCommand9Publish, Direction.ToClient);
        Assert.Equal(("BACK", 9, 2), (m.Details.GetProperty("frameType").GetString(), m.Details.GetProperty("command").GetInt32(), m.Details.GetProperty("messageType").GetInt32()));
        Assert.Equal(OtOperation.Read, m.Operation);
        Assert.True(m.IsResponse);
        Assert.Empty(m.AnomalyNames);
    }

    [Fact]
    public void TryParse_DirectPdu_FirstCommandAndCount()
    {
        var m = Parse(HartIpVectors.DirectPduRequest, Direction.ToServer);
        Assert.Equal((4, "Direct PDU"), (m.Function, m.FunctionName));
        Assert.Equal(54, m.Details.GetProperty("command").GetInt32());
        Assert.Equal(1, m.Details.GetProperty("commandCount").GetInt32());
        Assert.Empty(m.AnomalyNames);
    }

    [Fact]
    public void TryParse_ReadAuditLog_Named()
    {
        var m = Parse(HartIpVectors.ReadAuditLogRequest, Direction.ToServer);
        Assert.Equal((5, "Read Audit Log", OtOperation.Diagnostics), (m.Function, m.FunctionName, m.Operation));
    }

    [Fact]
    public void TryParse_BadChecksum_FlagsChecksumMismatch()
        => Assert.Equal(["checksum_mismatch"], Parse(HartIpVectors.Command0RequestBadChecksum, Direction.ToServer).AnomalyNames);

    [Fact]
    public void TryParse_HartByteCountLie_FlagsMismatchAndNoIdentity()
    {
        var m = Parse(HartIpVectors.Command0ResponseByteCountLie, Direction.ToClient);
        Assert.Contains("hart_byte_count_mismatch", m.AnomalyNames);
        Assert.True(HartIpParser.TryParse(HartIpVectors.Command0ResponseByteCountLie, Direction.ToClient, out var message));
        Assert.Equal(23, message.Data.Length); // every byte after the status: where the check byte is, is unknown
        Assert.False(message.HasIdentity);   // a frame that lies about its size states nothing about its sender
    }

    [Fact]
    public void TryParse_BadDelimiter_FlagsInvalidDelimiter()
        => Assert.Equal(["invalid_delimiter"], Parse(HartIpVectors.BadDelimiterRequest, Direction.ToServer).AnomalyNames);

    [Fact]
    public void TryParse_ByteCountShorterThanDatagram_LengthMismatch()
    {
        byte[] bytes = [.. HartIpVectors.KeepAliveRequest, 0xAA];
        Assert.Contains("length_mismatch", Parse(bytes, Direction.ToServer).AnomalyNames);
    }

    [Fact]
    public void TryParse_RequestFromServer_DirectionMismatch()
        => Assert.Contains("direction_mismatch", Parse(HartIpVectors.KeepAliveRequest, Direction.ToClient).AnomalyNames);

    [Fact]
    public void TryParse_TruncatedSessionInitiate_BodyTooShort()
    {
        byte[] bytes = HartIpVectors.SessionInitiateRequest[..10];
        bytes[7] = 10; // byte count agrees with the 10 bytes
        Assert.Equal(["body_too_short"], Parse(bytes, Direction.ToServer).AnomalyNames);
    }

    [Fact]
    public void TryParse_MasterType7_InvalidMasterType()
    {
        var bytes = HartIpVectors.SessionInitiateRequest;
        bytes[8] = 7;
        Assert.Equal(["invalid_master_type"], Parse(bytes, Direction.ToServer).AnomalyNames);
    }

    [Fact]
    public void TryParse_FrameCutInsideAddress_BodyTooShortNoThrow()
    {
        byte[] bytes = [0x01, 0x00, 0x03, 0x00, 0x00, 0x01, 0x00, 0x0B, 0x82, 0x26, 0x4E]; // 3 body bytes of a long-address frame
        var m = Parse(bytes, Direction.ToServer);
        Assert.Contains("body_too_short", m.AnomalyNames);
        Assert.Equal(-1, m.Details.TryGetProperty("command", out _) ? 0 : -1);
    }

    [Fact]
    public void TryParse_ShorterThanHeader_False()
        => Assert.False(HartIpParser.TryParse([0x01, 0x00, 0x02], Direction.ToServer, out _));
}
