using System.Text.Json;
using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Modbus;

namespace OtSensor.Protocols.Tests.Modbus;

public class ModbusParserTests
{
    private static int Int(RecordedMessage m, string key) => m.Details.GetProperty(key).GetInt32();

    private static string Str(RecordedMessage m, string key) => m.Details.GetProperty(key).GetString()!;

    [Theory]
    [MemberData(nameof(ModbusVectors.PairNames), MemberType = typeof(ModbusVectors))]
    public void TryParse_EveryFunctionCodeRequestAndPairedResponse_NoAnomalies(string name)
    {
        var (request, response) = ModbusVectors.Pair(name);
        var req = ModbusTestParse.Request(request);
        var resp = ModbusTestParse.PairedResponse(request, response);

        Assert.Empty(req.AnomalyNames);
        Assert.Empty(resp.AnomalyNames);
        Assert.False(req.IsResponse);
        Assert.True(resp.IsResponse);
        Assert.Equal(request[7], req.Function);
        Assert.Equal(request[7], resp.Function);
        Assert.NotNull(req.FunctionName);
        Assert.Equal(req.Operation, resp.Operation);
        Assert.NotEqual(OtOperation.None, req.Operation);
        Assert.True(resp.Details.GetProperty(ModbusFields.Paired).GetBoolean());
        Assert.Equal(request[7], Int(resp, ModbusFields.RequestFunction));
    }

    [Fact]
    public void TryParse_ReadCoilsRequest_DecodesAddressAndQuantity()
    {
        var m = ModbusTestParse.Request(ModbusVectors.RdCoilsRequest);
        Assert.Equal(ProtocolId.Modbus, m.Protocol);
        Assert.Equal("Read Coils", m.FunctionName);
        Assert.Equal(OtOperation.Read, m.Operation);
        Assert.Equal(1, Int(m, ModbusFields.TransactionId));
        Assert.Equal(1, Int(m, ModbusFields.UnitId));
        Assert.Equal(19, Int(m, ModbusFields.Address));
        Assert.Equal(19, Int(m, ModbusFields.Quantity));
        Assert.Equal(JsonValueKind.Null, m.Details.GetProperty(ModbusFields.Exception).ValueKind);
    }

    [Fact]
    public void TryParse_ReadCoilsResponsePaired_CarriesRequestAddressAndData()
    {
        var m = ModbusTestParse.PairedResponse(ModbusVectors.RdCoilsRequest, ModbusVectors.RdCoilsResponse);
        Assert.Equal(19, Int(m, ModbusFields.Address));
        Assert.Equal(19, Int(m, ModbusFields.Quantity));
        Assert.Equal(3, Int(m, ModbusFields.ByteCount));
        Assert.Equal("cd6b05", Str(m, ModbusFields.Data));
    }

    [Fact]
    public void TryParse_ReadCoilsResponseUnpaired_HasNoAddressAndIsNotPaired()
    {
        var m = ModbusTestParse.Response(ModbusVectors.RdCoilsResponse);
        Assert.False(m.Details.TryGetProperty(ModbusFields.Address, out _));
        Assert.False(m.Details.GetProperty(ModbusFields.Paired).GetBoolean());
        Assert.Empty(m.AnomalyNames); // the parser alone does not know it is unsolicited
    }

    [Fact]
    public void TryParse_ReadCoilsResponseByteCountLiePaired_FlagsByteCountQuantityMismatch()
    {
        var m = ModbusTestParse.PairedResponse(ModbusVectors.RdCoilsRequest, ModbusVectors.RdCoilsResponseByteCountLie);
        Assert.Equal(["byte_count_quantity_mismatch"], m.AnomalyNames);
    }

    [Fact]
    public void TryParse_ExceptionResponse_ClearsBitAndNamesException()
    {
        var m = ModbusTestParse.PairedResponse(ModbusVectors.RdCoilsRequest, ModbusVectors.RdCoilsExceptionResponse);
        Assert.Equal(1, m.Function);
        Assert.Equal(0x81, Int(m, ModbusFields.FunctionRaw));
        Assert.Equal(2, Int(m, ModbusFields.Exception));
        Assert.Equal("Illegal data address", Str(m, ModbusFields.ExceptionName));
        Assert.Equal(OtOperation.Read, m.Operation);
        Assert.Equal(19, Int(m, ModbusFields.Address));
        Assert.Empty(m.AnomalyNames);
    }

    [Fact]
    public void TryParse_UnknownExceptionCode_FlagsIt()
    {
        var m = ModbusTestParse.Response(ModbusVectors.RdHoldingRegsUnknownExceptionResponse);
        Assert.Equal(["unknown_exception_code"], m.AnomalyNames);
        Assert.Equal(JsonValueKind.Null, m.Details.GetProperty(ModbusFields.ExceptionName).ValueKind);
    }

    [Fact]
    public void TryParse_WriteSingleCoil_DecodesValueAndIsWrite()
    {
        var m = ModbusTestParse.Request(ModbusVectors.WrSingleCoilRequest);
        Assert.Equal(OtOperation.Write, m.Operation);
        Assert.Equal(172, Int(m, ModbusFields.Address));
        Assert.Equal(0xFF00, Int(m, ModbusFields.Value));
    }

    [Fact]
    public void TryParse_WriteSingleCoilBadValue_FlagsInvalidCoilValue()
        => Assert.Equal(["invalid_coil_value"], ModbusTestParse.Request(ModbusVectors.WrSingleCoilRequestBadValue).AnomalyNames);

    [Fact]
    public void TryParse_TruncatedPdu_FlagsDataTooShort()
    {
        var m = ModbusTestParse.Request(ModbusVectors.RdHoldingRegsRequestTruncatedPdu);
        Assert.Equal(["data_too_short"], m.AnomalyNames);
        Assert.Equal(107, Int(m, ModbusFields.Address));
        Assert.False(m.Details.TryGetProperty(ModbusFields.Quantity, out _));
    }

    [Fact]
    public void TryParse_TrailingBytes_FlagsTrailingBytes()
        => Assert.Equal(["trailing_bytes"], ModbusTestParse.Request(ModbusVectors.RdHoldingRegsRequestTrailingBytes).AnomalyNames);

    [Fact]
    public void TryParse_QuantityTooLarge_FlagsQuantityOutOfRange()
        => Assert.Equal(["quantity_out_of_range"], ModbusTestParse.Request(ModbusVectors.RdHoldingRegsRequestQuantityTooLarge).AnomalyNames);

    [Fact]
    public void TryParse_WriteMultipleRegistersByteCountLie_FlagsBothMismatches()
        => Assert.Equal(["byte_count_quantity_mismatch", "byte_count_length_mismatch"],
            ModbusTestParse.Request(ModbusVectors.WrMultRegsRequestByteCountLie).AnomalyNames);

    [Fact]
    public void TryParse_BadProtocolIdFrame_FlagsInvalidProtocolId()
        => Assert.Equal(["invalid_protocol_id"], ModbusTestParse.Request(ModbusVectors.RdCoilsRequestBadProtocolId).AnomalyNames);

    [Fact]
    public void TryParse_BadLengthFrame_FlagsInvalidLengthAndMismatch()
        => Assert.Equal(["invalid_length", "length_mismatch"], ModbusTestParse.Request(ModbusVectors.WrMultRegsRequestBadLength).AnomalyNames);

    [Fact]
    public void TryParse_UnknownFunction_FlagsUnknownFunction()
    {
        var m = ModbusTestParse.Request(ModbusVectors.UnknownFunctionRequest);
        Assert.Equal(["unknown_function"], m.AnomalyNames);
        Assert.Null(m.FunctionName);
        Assert.Equal(OtOperation.None, m.Operation);
    }

    [Fact]
    public void TryParse_ReservedMei_FlagsReservedMeiType()
        => Assert.Equal(["reserved_mei_type"], ModbusTestParse.Request(ModbusVectors.ReservedMeiRequest).AnomalyNames);

    [Fact]
    public void TryParse_UserDefinedFunction_RecognisedWithoutAnomaly()
    {
        var m = ModbusTestParse.Request(ModbusVectors.UserDefinedRequest);
        Assert.Empty(m.AnomalyNames);
        Assert.Equal("User Defined", m.FunctionName);
        Assert.Equal(OtOperation.Other, m.Operation);
    }

    [Fact]
    public void TryParse_Diagnostics_DecodesSubFunctionAndRestartMapsToRestart()
    {
        var m = ModbusTestParse.Request(ModbusVectors.DiagnosticsRequest);
        Assert.Equal(0, Int(m, ModbusFields.SubFunction));
        Assert.Equal("Return Query Data", Str(m, ModbusFields.SubFunctionName));
        Assert.Equal(OtOperation.Diagnostics, m.Operation);
        Assert.Equal(OtOperation.Restart, ModbusTestParse.Request(ModbusVectors.DiagnosticsRestartRequest).Operation);
    }

    [Fact]
    public void TryParse_WriteMultipleRegisters_DecodesRangeAndValues()
    {
        var m = ModbusTestParse.Request(ModbusVectors.WrMultRegsRequest);
        Assert.Equal(1, Int(m, ModbusFields.Address));
        Assert.Equal(2, Int(m, ModbusFields.Quantity));
        Assert.Equal(4, Int(m, ModbusFields.ByteCount));
        Assert.Equal("000a0102", Str(m, ModbusFields.Data));
    }

    [Fact]
    public void TryParse_ReadWriteMultipleRegisters_DecodesReadAndWriteRanges()
    {
        var m = ModbusTestParse.Request(ModbusVectors.RdWrMultRegsRequest);
        Assert.Equal(OtOperation.Write, m.Operation);
        Assert.Equal(3, Int(m, ModbusFields.Address));
        Assert.Equal(6, Int(m, ModbusFields.Quantity));
        Assert.Equal(14, Int(m, ModbusFields.WriteAddress));
        Assert.Equal(3, Int(m, ModbusFields.WriteQuantity));
    }

    [Fact]
    public void TryParse_MaskWrite_DecodesMasks()
    {
        var m = ModbusTestParse.Request(ModbusVectors.MaskWriteRegRequest);
        Assert.Equal(4, Int(m, ModbusFields.Address));
        Assert.Equal(0xF2, Int(m, ModbusFields.AndMask));
        Assert.Equal(0x25, Int(m, ModbusFields.OrMask));
    }

    [Fact]
    public void TryParse_FileRecords_CountsSubRequests()
    {
        var read = ModbusTestParse.Request(ModbusVectors.RdFileRecordRequest);
        Assert.Equal(2, Int(read, ModbusFields.SubRequestCount));
        Assert.Equal(4, Int(read, ModbusFields.FileNumber));
        Assert.Equal(1, Int(read, ModbusFields.RecordNumber));
        var readResponse = ModbusTestParse.Response(ModbusVectors.RdFileRecordResponse);
        Assert.Equal(2, Int(readResponse, ModbusFields.SubRequestCount));
        var write = ModbusTestParse.Request(ModbusVectors.WrFileRecordRequest);
        Assert.Equal(1, Int(write, ModbusFields.SubRequestCount));
        Assert.Equal(7, Int(write, ModbusFields.RecordNumber));
        Assert.Equal(3, Int(write, ModbusFields.RecordLength));
    }

    [Fact]
    public void TryParse_EventCounterLogAndFifo_DecodeCounts()
    {
        var counter = ModbusTestParse.Response(ModbusVectors.GetCommEventCounterResponse);
        Assert.Equal(0xFFFF, Int(counter, ModbusFields.Status));
        Assert.Equal(264, Int(counter, ModbusFields.EventCount));
        var log = ModbusTestParse.Response(ModbusVectors.GetCommEventLogResponse);
        Assert.Equal(289, Int(log, ModbusFields.MessageCount));
        Assert.Equal("2000", Str(log, ModbusFields.Data));
        var fifo = ModbusTestParse.Response(ModbusVectors.RdFifoQueueResponse);
        Assert.Equal(2, Int(fifo, ModbusFields.FifoCount));
        Assert.Equal("01b81284", Str(fifo, ModbusFields.Data));
    }

    [Fact]
    public void TryParse_ReportServerIdResponse_ExposesServerIdBytes()
    {
        Assert.True(ModbusParser.TryParse(ModbusVectors.ReportServerIdResponse, Direction.ToClient, out var message));
        Assert.Equal([0x0A, 0xFF, 0x01], message.ServerIdData.ToArray());
        Assert.Equal(OtOperation.Identification, message.Operation);
    }

    [Fact]
    public void TryParse_ReadDeviceIdRequest_DecodesCodeAndObject()
    {
        var m = ModbusTestParse.Request(ModbusVectors.RdDeviceIdRequest);
        Assert.Equal(14, Int(m, ModbusFields.MeiType));
        Assert.Equal("Read Device Identification", Str(m, ModbusFields.MeiTypeName));
        Assert.Equal(1, Int(m, ModbusFields.ReadDeviceIdCode));
        Assert.Equal(0, Int(m, ModbusFields.ObjectId));
        Assert.Equal(OtOperation.Identification, m.Operation);
    }

    [Fact]
    public void TryParse_ReadDeviceIdResponse_WritesObjectsAsStrings()
    {
        var m = ModbusTestParse.Response(ModbusVectors.RdDeviceIdResponse);
        Assert.Empty(m.AnomalyNames);
        var ids = m.Details.GetProperty(ModbusFields.DeviceIdentification);
        Assert.Equal("ACME", ids.GetProperty("vendorName").GetString());
        Assert.Equal("PLC-1", ids.GetProperty("productCode").GetString());
        Assert.Equal("V1.2", ids.GetProperty("revision").GetString());
        var priv = Assert.Single(ids.GetProperty(ModbusFields.PrivateObjects).EnumerateArray());
        Assert.Equal(0x80, priv.GetProperty(ModbusFields.Id).GetInt32());
        Assert.Equal("\u00E9", priv.GetProperty(ModbusFields.Value).GetString());
        Assert.Equal(0x83, Int(m, ModbusFields.ConformityLevel));
        Assert.False(m.Details.GetProperty(ModbusFields.MoreFollows).GetBoolean());
    }

    [Fact]
    public void DeviceIdentification_Enumerate_YieldsObjectsInPlace()
    {
        Assert.True(ModbusParser.TryParse(ModbusVectors.RdDeviceIdResponse, Direction.ToClient, out var message));
        var ids = message.DeviceIdentification;
        Assert.Equal(4, ids.Count);
        var seen = new List<byte>();
        foreach (var entry in ids) seen.Add(entry.Id);
        Assert.Equal([0x00, 0x01, 0x02, 0x80], seen);
        Assert.True(ids.TryGet(ModbusDeviceIdentification.ProductCode, out var product));
        Assert.Equal("PLC-1"u8.ToArray(), product.ToArray());
        Assert.False(ids.TryGet(ModbusDeviceIdentification.ModelName, out _));
    }

    [Fact]
    public void TryParse_ReadDeviceIdResponseTruncatedObjects_FlagsDataTooShortAndYieldsWhatFits()
    {
        Assert.True(ModbusParser.TryParse(ModbusVectors.RdDeviceIdResponseTruncatedObjects, Direction.ToClient, out var message));
        Assert.Equal(ModbusAnomalies.DataTooShort, message.AnomalyFlags);
        int count = 0;
        foreach (var entry in message.DeviceIdentification) count++;
        Assert.Equal(1, count);
    }

    [Fact]
    public void TryParse_UmasStopPlc_NamesUmasFunctionAndMapsToStop()
    {
        var req = ModbusTestParse.Request(ModbusVectors.UmasStopPlcRequest);
        Assert.Equal(90, req.Function);
        Assert.Equal("Unity (Schneider)", req.FunctionName);
        Assert.Equal(OtOperation.Stop, req.Operation);
        Assert.Equal(0x41, Int(req, ModbusFields.UmasFunction));
        Assert.Equal("STOP_PLC", Str(req, ModbusFields.UmasFunctionName));
        Assert.Equal(1, Int(req, ModbusFields.UmasSession));

        var resp = ModbusTestParse.PairedResponse(ModbusVectors.UmasStopPlcRequest, ModbusVectors.UmasStopPlcResponse);
        Assert.Equal(0xFE, Int(resp, ModbusFields.UmasStatus));
        Assert.Equal(0x41, Int(resp, ModbusFields.UmasFunction));
        Assert.Equal(OtOperation.Stop, resp.Operation);
    }

    [Theory]
    [InlineData(0x30, OtOperation.ProgramDownload)]
    [InlineData(0x34, OtOperation.ProgramUpload)]
    [InlineData(0x40, OtOperation.Start)]
    [InlineData(0x10, OtOperation.Authentication)]
    [InlineData(0x23, OtOperation.Write)]
    [InlineData(0x02, OtOperation.Identification)]
    public void Operations_Umas_MapsProgramTransferByDirection(byte umas, OtOperation expected)
        => Assert.Equal(expected, ModbusOperations.Umas(umas));

    [Fact]
    public void TryParse_ShorterThanHeaderAndFunction_ReturnsFalse()
        => Assert.False(ModbusParser.TryParse(ModbusVectors.RdCoilsRequest.AsSpan(0, 7), Direction.ToServer, out _));

    [Fact]
    public void TryParse_ExceptionBitInRequest_FlagsIt()
        => Assert.Equal(["exception_bit_in_request"], ModbusTestParse.Request(ModbusVectors.RdCoilsExceptionResponse).AnomalyNames);

    [Fact]
    public void TryParse_HelloWorld_NeverThrows()
    {
        byte[] text = "hello world"u8.ToArray();
        Assert.True(ModbusParser.TryParse(text, Direction.ToServer, out var message));
        Assert.NotEqual(0UL, message.Anomalies);
    }
}
