using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Iec104;

namespace OtSensor.Protocols.Tests.Iec104;

public class Iec104ParserTests
{
    [Theory]
    [MemberData(nameof(Iec104Vectors.WellFormed), MemberType = typeof(Iec104Vectors))]
    public void TryParse_WellFormedVector_NoAnomalies(string name)
    {
        var m = Iec104TestParse.One(Iec104Vectors.Get(name), Iec104TestParse.DirectionOf(name));
        Assert.Empty(m.AnomalyNames);
        Assert.Equal(ProtocolId.Iec104, m.Protocol);
    }

    [Theory]
    [MemberData(nameof(Iec104Vectors.WellFormed), MemberType = typeof(Iec104Vectors))]
    public void Vector_LengthByte_CountsEveryOctetAfterIt(string name)
    {
        byte[] frame = Iec104Vectors.Get(name);
        Assert.Equal(frame.Length - 2, frame[1]);
    }

    [Theory]
    [InlineData(nameof(Iec104Vectors.StartDtAct), 1, "STARTDT act", false)]
    [InlineData(nameof(Iec104Vectors.StartDtCon), 2, "STARTDT con", true)]
    [InlineData(nameof(Iec104Vectors.StopDtAct), 4, "STOPDT act", false)]
    [InlineData(nameof(Iec104Vectors.StopDtCon), 8, "STOPDT con", true)]
    [InlineData(nameof(Iec104Vectors.TestFrAct), 16, "TESTFR act", false)]
    [InlineData(nameof(Iec104Vectors.TestFrCon), 32, "TESTFR con", true)]
    public void TryParse_UFrame_UTypeAndNoFunction(string name, int uType, string uTypeName, bool response)
    {
        var m = Iec104TestParse.One(Iec104Vectors.Get(name), Iec104TestParse.DirectionOf(name));
        Assert.Equal(-1, m.Function);
        Assert.Null(m.FunctionName);
        Assert.Equal(response, m.IsResponse);
        var d = m.Details;
        Assert.Equal("U", d.GetProperty("apci").GetString());
        Assert.Equal(uType, d.GetProperty("uType").GetInt32());
        Assert.Equal(uTypeName, d.GetProperty("uTypeName").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, d.GetProperty("cot").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, d.GetProperty("commonAddress").ValueKind);
        Assert.Equal(uType >= 16 ? OtOperation.Diagnostics : OtOperation.Other, m.Operation);
    }

    [Fact]
    public void TryParse_SFrame_ReceiveSequenceOnly()
    {
        var m = Iec104TestParse.One(Iec104Vectors.SFrame, Direction.ToServer);
        Assert.Equal(-1, m.Function);
        Assert.Equal(OtOperation.None, m.Operation);
        var d = m.Details;
        Assert.Equal("S", d.GetProperty("apci").GetString());
        Assert.Equal(5, d.GetProperty("recvSeq").GetInt32());
        Assert.False(d.TryGetProperty("sendSeq", out _));
    }

    [Fact]
    public void TryParse_Interrogation_HeaderFieldsAndRead()
    {
        var m = Iec104TestParse.One(Iec104Vectors.Interrogation, Direction.ToServer);
        Assert.Equal(100, m.Function);
        Assert.Equal("C_IC_NA_1", m.FunctionName);
        Assert.Equal(OtOperation.Read, m.Operation);
        Assert.False(m.IsResponse);
        var d = m.Details;
        Assert.Equal("I", d.GetProperty("apci").GetString());
        Assert.Equal(0, d.GetProperty("sendSeq").GetInt32());
        Assert.Equal(6, d.GetProperty("cot").GetInt32());
        Assert.Equal("Act", d.GetProperty("cotName").GetString());
        Assert.False(d.GetProperty("negative").GetBoolean());
        Assert.Equal(37133, d.GetProperty("commonAddress").GetInt32());
        var o = Assert.Single(d.GetProperty("objects").EnumerateArray());
        Assert.Equal(0, o.GetProperty("ioa").GetInt32());
        Assert.Equal(20, o.GetProperty("value").GetInt32());
    }

    [Fact]
    public void TryParse_NegativeConfirmation_PnBitAndSequenceNumbers()
    {
        var d = Iec104TestParse.One(Iec104Vectors.InterrogationCon, Direction.ToClient).Details;
        Assert.Equal(7, d.GetProperty("cot").GetInt32());
        Assert.True(d.GetProperty("negative").GetBoolean());
        Assert.False(d.GetProperty("test").GetBoolean());
        Assert.Equal(1, d.GetProperty("recvSeq").GetInt32());
    }

    [Fact]
    public void TryParse_SinglePointSequence_ConsecutiveAddressesAndQuality()
    {
        var m = Iec104TestParse.One(Iec104Vectors.SinglePointSequence, Direction.ToClient);
        Assert.Equal(OtOperation.Read, m.Operation);
        Assert.True(m.IsResponse);
        var objects = m.Details.GetProperty("objects").EnumerateArray().ToList();
        Assert.Equal([1000, 1001, 1002], objects.ConvertAll(o => o.GetProperty("ioa").GetInt32()));
        Assert.Equal([1, 0, 1], objects.ConvertAll(o => o.GetProperty("value").GetInt32()));
        Assert.Equal([0, 0, 0x80], objects.ConvertAll(o => o.GetProperty("quality").GetInt32()));
        Assert.True(m.Details.GetProperty("sq").GetBoolean());
    }

    [Theory]
    [InlineData(nameof(Iec104Vectors.DoublePoint), 2, 2.0, 0x20)]
    [InlineData(nameof(Iec104Vectors.StepPosition), 5, -2.0, 0x00)]
    [InlineData(nameof(Iec104Vectors.Bitstring), 7, 305419896.0, 0x01)]
    [InlineData(nameof(Iec104Vectors.Normalized), 9, 0.5, 0x00)]
    [InlineData(nameof(Iec104Vectors.Scaled), 11, -1000.0, 0x40)]
    [InlineData(nameof(Iec104Vectors.ShortFloatWithTime), 36, 12.5, 0x00)]
    [InlineData(nameof(Iec104Vectors.SinglePointWithTime), 30, 1.0, 0x00)]
    [InlineData(nameof(Iec104Vectors.Counter), 15, 10000.0, 0x03)]
    public void TryParse_MonitorType_ValueAndQuality(string name, int ioa, double value, int quality)
    {
        var m = Iec104TestParse.One(Iec104Vectors.Get(name), Direction.ToClient);
        Assert.Equal(OtOperation.Read, m.Operation);
        var o = Assert.Single(m.Details.GetProperty("objects").EnumerateArray());
        Assert.Equal(ioa, o.GetProperty("ioa").GetInt32());
        Assert.Equal(value, o.GetProperty("value").GetDouble());
        Assert.Equal(quality, o.GetProperty("quality").GetInt32());
    }

    [Fact]
    public void TryParse_StepPosition_TransientBit()
        => Assert.True(Assert.Single(Iec104TestParse.One(Iec104Vectors.StepPosition, Direction.ToClient).Details.GetProperty("objects").EnumerateArray()).GetProperty("transient").GetBoolean());

    [Fact]
    public void TryParse_Cp56TimeTag_Formatted()
    {
        var o = Assert.Single(Iec104TestParse.One(Iec104Vectors.ShortFloatWithTime, Direction.ToClient).Details.GetProperty("objects").EnumerateArray());
        Assert.Equal("2024-06-15T12:30:15.000", o.GetProperty("time").GetString());
        var sp = Assert.Single(Iec104TestParse.One(Iec104Vectors.SinglePointWithTime, Direction.ToClient).Details.GetProperty("objects").EnumerateArray());
        Assert.Equal("2000-01-01T00:00:00.000", sp.GetProperty("time").GetString());
    }

    [Fact]
    public void TryParse_TwoObjectsWithoutSequence_EachWithItsAddress()
    {
        var objects = Iec104TestParse.One(Iec104Vectors.TwoObjectsNoSequence, Direction.ToClient).Details.GetProperty("objects").EnumerateArray().ToList();
        Assert.Equal([1, 2], objects.ConvertAll(o => o.GetProperty("ioa").GetInt32()));
        Assert.Equal([1.0, 2.0], objects.ConvertAll(o => o.GetProperty("value").GetDouble()));
        Assert.Equal([0, 0x80], objects.ConvertAll(o => o.GetProperty("quality").GetInt32()));
    }

    [Theory]
    [InlineData(nameof(Iec104Vectors.SingleCommandSelect), 45, "C_SC_NA_1", 1.0, 0x81, true)]
    [InlineData(nameof(Iec104Vectors.DoubleCommand), 46, "C_DC_NA_1", 1.0, 0x01, false)]
    public void TryParse_Command_ControlWithSelectExecute(string name, int type, string typeName, double value, int qualifier, bool select)
    {
        var m = Iec104TestParse.One(Iec104Vectors.Get(name), Direction.ToServer);
        Assert.Equal(type, m.Function);
        Assert.Equal(typeName, m.FunctionName);
        Assert.Equal(OtOperation.Control, m.Operation);
        var o = Assert.Single(m.Details.GetProperty("objects").EnumerateArray());
        Assert.Equal(value, o.GetProperty("value").GetDouble());
        Assert.Equal(qualifier, o.GetProperty("qualifier").GetInt32());
        Assert.Equal(select, o.GetProperty("select").GetBoolean());
    }

    [Fact]
    public void TryParse_SetPointFloat_ValueAndQos()
    {
        var m = Iec104TestParse.One(Iec104Vectors.SetPointFloat, Direction.ToServer);
        Assert.Equal(OtOperation.Control, m.Operation);
        var o = Assert.Single(m.Details.GetProperty("objects").EnumerateArray());
        Assert.Equal(-1.0, o.GetProperty("value").GetDouble());
        Assert.Equal(0, o.GetProperty("qualifier").GetInt32());
        Assert.False(o.TryGetProperty("quality", out _));
    }

    [Theory]
    [InlineData(nameof(Iec104Vectors.ClockSync), 103, OtOperation.TimeSync)]
    [InlineData(nameof(Iec104Vectors.ResetProcess), 105, OtOperation.Restart)]
    [InlineData(nameof(Iec104Vectors.ReadCommand), 102, OtOperation.Read)]
    public void TryParse_SystemCommand_Operation(string name, int type, OtOperation operation)
    {
        var m = Iec104TestParse.One(Iec104Vectors.Get(name), Direction.ToServer);
        Assert.Equal(type, m.Function);
        Assert.Equal(operation, m.Operation);
    }

    [Fact]
    public void TryParse_ClockSync_TimeIsTheElement()
    {
        var o = Assert.Single(Iec104TestParse.One(Iec104Vectors.ClockSync, Direction.ToServer).Details.GetProperty("objects").EnumerateArray());
        Assert.Equal("2025-12-03T17:05:01.000", o.GetProperty("time").GetString());
    }

    [Fact]
    public void TryParse_FileSegment_VariableLengthRawAndDirection()
    {
        var fromServer = Iec104TestParse.One(Iec104Vectors.FileSegment, Direction.ToClient);
        Assert.Equal(OtOperation.ProgramUpload, fromServer.Operation);
        Assert.Equal("0200010" + "3aabbcc", Assert.Single(fromServer.Details.GetProperty("objects").EnumerateArray()).GetProperty("raw").GetString());
        Assert.Equal(OtOperation.ProgramDownload, Iec104TestParse.One(Iec104Vectors.FileSegment, Direction.ToServer).Operation);
    }

    [Fact]
    public void TryParse_EndOfInitialization_ReadFromControlledStation()
    {
        var m = Iec104TestParse.One(Iec104Vectors.EndOfInit, Direction.ToClient);
        Assert.Equal("M_EI_NA_1", m.FunctionName);
        Assert.Equal("Init", m.Details.GetProperty("cotName").GetString());
    }

    [Fact]
    public void TryParse_ObjectsTruncated_DecodesCompleteObjectsOnly()
    {
        var m = Iec104TestParse.One(Iec104Vectors.TruncatedObjects, Direction.ToClient);
        Assert.Equal(["objects_truncated"], m.AnomalyNames);
        Assert.Equal(5, m.Details.GetProperty("numObjects").GetInt32());
        Assert.Equal(3, m.Details.GetProperty("objects").GetArrayLength());
    }

    [Fact]
    public void TryParse_LengthByteCountsExtraOctets_TrailingBytes()
        => Assert.Equal(["trailing_bytes"], Iec104TestParse.One(Iec104Vectors.InterrogationTrailing, Direction.ToServer).AnomalyNames);

    [Fact]
    public void TryParse_AsduCutShort_TypeIdKeptAndFlagged()
    {
        var m = Iec104TestParse.One(Iec104Vectors.AsduTooShort, Direction.ToServer);
        Assert.Equal(["asdu_too_short"], m.AnomalyNames);
        Assert.Equal(100, m.Function);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, m.Details.GetProperty("cot").ValueKind);
    }

    [Fact]
    public void TryParse_IFrameWithoutAsdu_NoFunction()
    {
        var m = Iec104TestParse.One([0x68, 0x04, 0x00, 0x00, 0x00, 0x00], Direction.ToServer); // I, N(S) = N(R) = 0, nothing else
        Assert.Equal(-1, m.Function);
        Assert.Equal(["asdu_too_short"], m.AnomalyNames);
    }

    [Fact]
    public void TryParse_UWithTwoFunctions_InvalidUFunction()
    {
        var m = Iec104TestParse.One(Iec104Vectors.UTwoFunctions, Direction.ToServer);
        Assert.Equal(["invalid_u_function"], m.AnomalyNames);
        Assert.Equal(5, m.Details.GetProperty("uType").GetInt32());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, m.Details.GetProperty("uTypeName").ValueKind);
    }

    [Fact]
    public void TryParse_SFrameWithData_UnexpectedData()
        => Assert.Equal(["unexpected_data"], Iec104TestParse.One(Iec104Vectors.SFrameWithData, Direction.ToServer).AnomalyNames);

    [Fact]
    public void TryParse_ReservedTypeId_BodyKeptRaw()
    {
        var m = Iec104TestParse.One(Iec104Vectors.ReservedType, Direction.ToClient);
        Assert.Equal(24, m.Function);
        Assert.Null(m.FunctionName);
        Assert.Equal(["unknown_type_id"], m.AnomalyNames);
        Assert.Equal("010203", m.Details.GetProperty("body").GetString());
    }

    [Fact]
    public void TryParse_CauseAndCommonAddressZero_Flagged()
        => Assert.Equal(["cause_not_used", "common_address_not_used"], Iec104TestParse.One(Iec104Vectors.CauseAndAddressZero, Direction.ToServer).AnomalyNames);

    [Fact]
    public void TryParse_TimeOutOfRange_InvalidTime()
        => Assert.Equal(["invalid_time"], Iec104TestParse.One(Iec104Vectors.BadTime, Direction.ToClient).AnomalyNames);

    [Fact]
    public void TryParse_MonitorFromControllingStation_UnexpectedDirection()
        => Assert.Equal(["unexpected_direction"], Iec104TestParse.One(Iec104Vectors.DoublePoint, Direction.ToServer).AnomalyNames);

    [Fact]
    public void TryParse_ActivationFromControlledStation_UnexpectedDirection()
        => Assert.Equal(["unexpected_direction"], Iec104TestParse.One(Iec104Vectors.SingleCommandSelect, Direction.ToClient).AnomalyNames);

    [Fact]
    public void TryParse_NotAnApdu_False()
    {
        Assert.False(Iec104Parser.TryParse([0x67, 0x04, 0x07, 0x00, 0x00, 0x00], Direction.ToServer, out _));
        Assert.False(Iec104Parser.TryParse([0x68, 0x04, 0x07], Direction.ToServer, out _));
    }

    [Fact]
    public void Names_EveryDefinedTypeIdHasItsMnemonic()
    {
        foreach (var value in Enum.GetValues<Iec104TypeId>())
        {
            var name = Iec104Names.TypeId((byte)value);
            Assert.NotNull(name);
            Assert.Equal(value.ToString(), name.Replace("_", "", StringComparison.Ordinal), StringComparer.OrdinalIgnoreCase);
            Assert.True(Iec104Layouts.Of((byte)value).IsKnown, name);
        }
    }
}
