using OtSensor.Protocols.Cotp;

namespace OtSensor.Protocols.Tests.Cotp;

public class CotpParserTests
{
    [Fact]
    public void Parse_ConnectRequest_TsapsAndTpduSize()
    {
        var tpdu = CotpParser.Parse(CotpVectors.ConnectRequest.AsSpan(4));
        Assert.True(tpdu.IsValid);
        Assert.Equal(CotpPduType.ConnectRequest, tpdu.Type);
        Assert.Equal(1, tpdu.Header.SourceReference);
        Assert.Equal(1024, tpdu.TpduSize);
        Assert.Equal([0x01, 0x00], tpdu.CallingTsap.ToArray());
        Assert.Equal([0x01, 0x02], tpdu.CalledTsap.ToArray());
        Assert.Equal(CotpAnomalies.None, tpdu.Anomalies);
    }

    [Fact]
    public void Parse_ConnectConfirmAndDisconnect_Types()
    {
        Assert.Equal(CotpPduType.ConnectConfirm, CotpParser.Parse(CotpVectors.ConnectConfirm.AsSpan(4)).Type);
        var dr = CotpParser.Parse(CotpVectors.DisconnectRequest.AsSpan(4));
        Assert.Equal(CotpPduType.DisconnectRequest, dr.Type);
        Assert.Equal(0x80, dr.Header.ClassOrReason);
    }

    [Fact]
    public void Parse_DataWithoutEot_NotEndOfTsdu()
    {
        var tpdu = CotpParser.Parse(CotpVectors.Data([0x32, 0x01], eot: false).AsSpan(4));
        Assert.Equal(CotpPduType.Data, tpdu.Type);
        Assert.False(tpdu.EndOfTsdu);
        Assert.Equal([0x32, 0x01], tpdu.UserData.ToArray());
    }

    [Theory]
    [InlineData(new byte[] { 0x02 }, CotpAnomalies.TruncatedHeader)]                         // LI only
    [InlineData(new byte[] { 0x09, 0xF0, 0x80 }, CotpAnomalies.InvalidLengthIndicator)]       // LI past the TPDU
    [InlineData(new byte[] { 0xFF, 0xF0, 0x80 }, CotpAnomalies.InvalidLengthIndicator)]       // LI 255 reserved
    [InlineData(new byte[] { 0x02, 0x30, 0x80 }, CotpAnomalies.UnknownTpduType)]              // code 3 undefined
    [InlineData(new byte[] { 0x03, 0xE0, 0x00, 0x00 }, CotpAnomalies.TruncatedHeader)]        // CR shorter than its fixed part
    [InlineData(new byte[] { 0x08, 0xE0, 0, 0, 0, 1, 0, 0xC1, 0x05 }, CotpAnomalies.TruncatedParameter)] // TSAP length lies
    [InlineData(new byte[] { 0x09, 0xE0, 0, 0, 0, 1, 0, 0xC0, 0x01, 0x20 }, CotpAnomalies.InvalidTpduSize)] // 2^32
    public void Parse_Malformed_FlaggedNeverThrows(byte[] tpdu, CotpAnomalies expected)
    {
        Assert.True(CotpParser.Parse(tpdu).Anomalies.HasFlag(expected));
    }

    [Fact]
    public void Recognize_TpktCotpAndOthers_StrictVerdicts()
    {
        Assert.Equal(OtSensor.Core.Parsing.ProbeResult.Recognized, CotpProbe.Recognize(CotpVectors.ConnectRequest, OtSensor.Core.Parsing.Direction.ToServer));
        Assert.Equal(OtSensor.Core.Parsing.ProbeResult.Incomplete, CotpProbe.Recognize(CotpVectors.ConnectRequest.AsSpan(0, 3), OtSensor.Core.Parsing.Direction.ToServer));
        Assert.Equal(OtSensor.Core.Parsing.ProbeResult.Unrecognized, CotpProbe.Recognize("GET / HTTP/1.1\r\n"u8, OtSensor.Core.Parsing.Direction.ToServer));
        Assert.Equal(OtSensor.Core.Parsing.ProbeResult.Unrecognized, CotpProbe.Recognize([0x03, 0x00, 0x00, 0x07, 0x02, 0x30, 0x80], OtSensor.Core.Parsing.Direction.ToServer));
    }
}
