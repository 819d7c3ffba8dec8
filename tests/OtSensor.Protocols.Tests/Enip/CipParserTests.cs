using System.Text;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Cip;

namespace OtSensor.Protocols.Tests.Enip;

public sealed class CipParserTests
{
    private static List<RecordedMessage> Emit(byte[] cip, bool connected = false)
    {
        var sink = new RecordingSink();
        CipParser.Emit(cip, connected, connected ? 0x11u : 0u, 3, sink);
        return sink.Messages;
    }

    [Fact]
    public void Parse_GetAttributeSingle_ClassInstanceAttribute()
    {
        var message = CipParser.Parse(EnipVectors.SendRRDataGetAttributeSingle.AsSpan(^8..));
        Assert.Equal(0x0E, message.Function);
        Assert.Equal("Get Attribute Single", message.FunctionName);
        Assert.False(message.IsResponse);
        Assert.Equal(OtOperation.Read, message.Operation);
        Assert.Equal((1, 1L, 7), (message.ClassId, message.InstanceId, message.AttributeId));
        var details = TestJson.Details(message);
        Assert.Equal(1, details.GetProperty("cipClass").GetInt32());
        Assert.Equal("Identity", details.GetProperty("className").GetString());
        Assert.False(details.GetProperty("response").GetBoolean());
    }

    [Fact]
    public void Parse_GetAttributeSingleReply_ResponseBitClearedAndStatus()
    {
        var message = CipParser.Parse(EnipVectors.SendRRDataGetAttributeSingleReply.AsSpan(^8..));
        Assert.Equal(0x0E, message.Function);
        Assert.True(message.IsResponse);
        Assert.Equal((byte)0, message.GeneralStatus);
        Assert.Null(message.ClassId);
        Assert.Equal(4, message.Data.Length);
        var details = TestJson.Details(message);
        Assert.Equal("Success", details.GetProperty("generalStatusName").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, details.GetProperty("cipClass").ValueKind);
    }

    [Fact]
    public void Emit_MultipleServicePacket_OneRecordPerEmbeddedService()
    {
        var messages = Emit(EnipVectors.SendUnitDataMultipleReadTag[^32..], connected: true);
        Assert.Equal([0x0A, 0x4C, 0x4C], messages.ConvertAll(m => m.Function));
        Assert.Equal(2, messages[0].Details.GetProperty("serviceCount").GetInt32());
        Assert.Equal(2, messages[0].Details.GetProperty("cipClass").GetInt32());
        Assert.Equal("Tag1", messages[1].Details.GetProperty("symbol").GetString());
        Assert.Equal("Tag2", messages[2].Details.GetProperty("symbol").GetString());
        Assert.Equal(10, messages[1].Details.GetProperty("embeddedIn").GetInt32());
        Assert.Equal(OtOperation.Read, messages[1].Operation);
        Assert.All(messages, m => Assert.Equal(3, m.Details.GetProperty("sequenceCount").GetInt32()));
        Assert.All(messages, m => Assert.Equal(0UL, m.Anomalies));
    }

    [Fact]
    public void Emit_MultipleServicePacketReply_EveryReplyWithStatus()
    {
        var messages = Emit(EnipVectors.SendUnitDataMultipleReadTagReply[^30..]);
        Assert.Equal([0x0A, 0x4C, 0x4C], messages.ConvertAll(m => m.Function));
        Assert.All(messages, m => Assert.True(m.IsResponse));
        Assert.All(messages, m => Assert.Equal(0, m.Details.GetProperty("generalStatus").GetInt32()));
        Assert.Equal(6, messages[1].Details.GetProperty("dataLength").GetInt32());
    }

    [Fact]
    public void Emit_UnconnectedSend_EmitsCarrierThenEmbeddedRequest()
    {
        var messages = Emit(EnipVectors.UnconnectedSendGetAttributesAll);
        Assert.Equal([0x52, 0x01], messages.ConvertAll(m => m.Function));
        Assert.Equal("Unconnected Send", messages[0].FunctionName);
        Assert.Equal(6, messages[0].Details.GetProperty("cipClass").GetInt32());
        Assert.Equal(1, messages[1].Details.GetProperty("cipClass").GetInt32());
        Assert.Equal(0x52, messages[1].Details.GetProperty("embeddedIn").GetInt32());
        Assert.Equal(OtOperation.Read, messages[1].Operation);
    }

    [Fact]
    public void Parse_ForwardOpen_ConnectionParametersAndRpi()
    {
        var message = CipParser.Parse(EnipVectors.ForwardOpen);
        Assert.Equal("Forward Open", message.FunctionName);
        Assert.Equal(OtOperation.Other, message.Operation);
        Assert.True(message.HasConnectionParameters);
        Assert.Equal((0u, 0x12345678u), (message.OtConnectionId, message.ToConnectionId));
        Assert.Equal(((ushort)0x1234, (ushort)1, 0xDEADBEEFu), (message.ConnectionSerial, message.OriginatorVendor, message.OriginatorSerial));
        Assert.Equal((100_000u, 100_000u), (message.OtRpi, message.ToRpi));
        Assert.Equal((0x43F4u, 0x43F4u), (message.OtParameters, message.ToParameters));
        var details = TestJson.Details(message);
        Assert.Equal(0xA3, details.GetProperty("transportTrigger").GetInt32());
        Assert.Equal(2, details.GetProperty("timeoutMultiplier").GetInt32());
        Assert.Equal(0UL, message.Anomalies);
    }

    [Fact]
    public void Parse_ForwardOpenReply_ConnectionIdsAndIntervals()
    {
        var message = CipParser.Parse(EnipVectors.ForwardOpenReply);
        Assert.True(message.IsResponse);
        Assert.Equal(0x54, message.Function);
        Assert.Equal((0x11223344u, 0x12345678u, 100_000u), (message.OtConnectionId, message.ToConnectionId, message.OtRpi));
    }

    [Fact]
    public void Parse_ForwardOpenFailure_GeneralAndExtendedStatus()
    {
        var message = CipParser.Parse(EnipVectors.ForwardOpenFailure);
        Assert.Equal((byte)1, message.GeneralStatus);
        Assert.Equal((ushort)0x0100, message.ExtendedStatus);
        Assert.False(message.HasConnectionParameters);
        var details = TestJson.Details(message);
        Assert.Equal("Connection failure", details.GetProperty("generalStatusName").GetString());
        Assert.Equal(0x0100, details.GetProperty("extendedStatus").GetInt32());
    }

    [Fact]
    public void Parse_ForwardClose_SerialVendorOriginator()
    {
        var message = CipParser.Parse(EnipVectors.ForwardClose);
        Assert.Equal("Forward Close", message.FunctionName);
        Assert.Equal(OtOperation.Other, message.Operation);
        Assert.Equal(((ushort)0x1234, 0xDEADBEEFu), (message.ConnectionSerial, message.OriginatorSerial));
    }

    [Fact]
    public void Parse_WriteTag_SymbolAndWrite()
    {
        var message = CipParser.Parse(EnipVectors.WriteTag);
        Assert.Equal("Write Tag", message.FunctionName);
        Assert.Equal(OtOperation.Write, message.Operation);
        Assert.Equal("Tag1", Encoding.ASCII.GetString(message.Symbol));
        Assert.Null(message.ClassId);
        Assert.Equal(8, message.Data.Length);
    }

    [Fact]
    public void Parse_SixteenBitLogicalSegments_ClassAndInstance()
    {
        var message = CipParser.Parse(EnipVectors.SetAttributeSingle16Bit);
        Assert.Equal((0xF5, 1L, 5), (message.ClassId, message.InstanceId, message.AttributeId));
        Assert.Equal(OtOperation.Write, message.Operation);
        Assert.Equal("TCP/IP Interface", TestJson.Details(message).GetProperty("className").GetString());
    }

    [Theory]
    [InlineData(nameof(EnipVectors.IdentityReset), 0x05, "Reset", OtOperation.Restart)]
    [InlineData(nameof(EnipVectors.Start), 0x06, "Start", OtOperation.Start)]
    [InlineData(nameof(EnipVectors.Stop), 0x07, "Stop", OtOperation.Stop)]
    [InlineData(nameof(EnipVectors.FileInitiateDownload), 0x4C, "Initiate Download", OtOperation.ProgramDownload)]
    public void Parse_ControlAndFileServices_Operation(string vector, int service, string name, OtOperation operation)
    {
        var bytes = (byte[])typeof(EnipVectors).GetField(vector)!.GetValue(null)!;
        var message = CipParser.Parse(bytes);
        Assert.Equal((service, name, operation), (message.Function, message.FunctionName, message.Operation));
    }

    [Fact]
    public void Operations_FirmwareClassWrite_IsFirmware()
    {
        Assert.Equal(OtOperation.Firmware, CipOperations.Of(0x4D, CipConstants.FirmwareUpdateClass));
        Assert.Equal(OtOperation.Firmware, CipOperations.Of(CipConstants.SetAttributeSingle, CipConstants.FirmwareUpdateClass));
        Assert.Equal(OtOperation.ProgramUpload, CipOperations.Of(0x4F, CipConstants.FileClass));
    }

    [Fact]
    public void Operations_WallClockSet_IsTimeSyncAndItsReadIsRead()
    {
        Assert.Equal(OtOperation.TimeSync, CipOperations.Of(CipConstants.SetAttributeList, CipConstants.WallClockTimeClass));
        Assert.Equal(OtOperation.TimeSync, CipOperations.Of(CipConstants.SetAttributeSingle, CipConstants.WallClockTimeClass));
        Assert.Equal(OtOperation.Read, CipOperations.Of(CipConstants.GetAttributeList, CipConstants.WallClockTimeClass));
        // Time Sync (0x43) attributes configure PTP, they do not set the clock: an ordinary write.
        Assert.Equal(OtOperation.Write, CipOperations.Of(CipConstants.SetAttributeSingle, 0x43));
    }

    [Fact]
    public void Parse_WallClockSetAttributeList_TimeSyncOnClass8B()
    {
        byte[] request =
        [
            0x04,                   // service: Set Attribute List
            0x02,                   // request path size: 2 words
            0x20, 0x8B,             // 8-bit class segment: 0x8B Wall Clock Time (Logix)
            0x24, 0x01,             // 8-bit instance segment: 1
            0x01, 0x00,             // attribute count: 1
            0x06, 0x00,             // attribute 6: current value
            0xC0, 0x32, 0x5C, 0xFF, 0xF3, 0x59, 0x04, 0x00, // µs since 1970 (EIP-ChangeTimeAttempt frame 386)
        ];
        var message = CipParser.Parse(request);
        Assert.Equal((0x04, (int?)0x8B, OtOperation.TimeSync), (message.Function, message.ClassId, message.Operation));
    }

    [Fact]
    public void Parse_ErrorReplyWithoutData_StatusName()
    {
        var message = CipParser.Parse(EnipVectors.ServiceNotSupportedReply);
        Assert.Equal((0x01, true, (byte?)8), (message.Function, message.IsResponse, message.GeneralStatus));
        Assert.Equal("Service not supported", TestJson.Details(message).GetProperty("generalStatusName").GetString());
    }

    [Fact]
    public void Names_VendorTable_MatchesOdvaNumbers()
    {
        Assert.Equal("Rockwell Automation/Allen-Bradley", CipVendors.Name(1));
        Assert.Equal("Namco Controls Corp.", CipVendors.Name(2));
        Assert.Equal("Rockwell Automation/Reliance Elec.", CipVendors.Name(5));
        Assert.Equal("Wago Corporation", CipVendors.Name(40));
        Assert.Equal("Omron Corporation", CipVendors.Name(47));
        Assert.Equal("Hilscher GmbH", CipVendors.Name(283));
        Assert.Null(CipVendors.Name(12345));
    }

    [Fact]
    public void Parse_PathSizePastMessage_FlagsPathTooLong()
    {
        byte[] cip = [0x0E, 0x09, 0x20, 0x01, 0x24, 0x01]; // 9 words claimed, 4 octets present
        var message = CipParser.Parse(cip);
        Assert.True(message.AnomalyFlags.HasFlag(CipAnomalies.PathTooLong));
        Assert.Equal((1, 1L), (message.ClassId, message.InstanceId));
        Assert.Equal(0, message.Data.Length);
    }

    [Fact]
    public void Parse_UnknownSegment_FlagsBadPathSegment()
    {
        byte[] cip = [0x0E, 0x02, 0x20, 0x01, 0xE0, 0x01]; // 0xE0: reserved segment type
        Assert.True(CipParser.Parse(cip).AnomalyFlags.HasFlag(CipAnomalies.BadPathSegment));
    }

    [Fact]
    public void Parse_ExtendedStatusPastReply_FlagsExtendedStatusTooLong()
    {
        byte[] cip = [0x8E, 0x00, 0x1F, 0x05, 0x01]; // 5 words of additional status claimed, 1 octet present
        var message = CipParser.Parse(cip);
        Assert.True(message.AnomalyFlags.HasFlag(CipAnomalies.ExtendedStatusTooLong));
        Assert.Null(message.ExtendedStatus);
    }

    [Fact]
    public void Emit_MultipleServiceOffsetOutside_FlagsAndEmitsOnlyValid()
    {
        byte[] cip = [.. EnipVectors.SendUnitDataMultipleReadTag[^32..]];
        cip[10] = 0xF0; // second offset 0x00F0, past the packet
        var messages = Emit(cip);
        Assert.Equal("bad_service_offset", Assert.Single(messages[0].AnomalyNames));
        Assert.Equal([0x0A, 0x4C], messages.ConvertAll(m => m.Function));
    }

    [Fact]
    public void Emit_UnconnectedSendLyingSize_FlagsAndEmitsNoEmbedded()
    {
        byte[] cip = [.. EnipVectors.UnconnectedSendGetAttributesAll];
        cip[8] = 0xFF; // embedded size 255
        var messages = Emit(cip);
        Assert.Equal("bad_embedded_length", Assert.Single(Assert.Single(messages).AnomalyNames));
    }

    [Fact]
    public void Emit_NestedPacketsBeyondDepth_StopsWithAnomaly()
    {
        // Each level: Multiple Service Packet to the Message Router, one service at offset 4, which is the next level.
        byte[] inner = [0x0E, 0x02, 0x20, 0x01, 0x24, 0x01];
        for (int level = 0; level < 6; level++)
            inner = [0x0A, 0x02, 0x20, 0x02, 0x24, 0x01, 0x01, 0x00, 0x04, 0x00, .. inner];
        var messages = Emit(inner);
        Assert.Equal(CipConstants.MaxDepth, messages.Count);
        Assert.Contains("nesting_too_deep", messages[^1].AnomalyNames);
    }

    [Fact]
    public void Parse_EmptyAndOneByte_TruncatedNoException()
    {
        Assert.Equal(-1, CipParser.Parse([]).Function);
        Assert.True(CipParser.Parse([0x0E]).AnomalyFlags.HasFlag(CipAnomalies.Truncated));
        Assert.True(CipParser.Parse([0x8E, 0x00]).AnomalyFlags.HasFlag(CipAnomalies.Truncated));
    }
}
