using System.Text;
using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Enip;

namespace OtSensor.Protocols.Tests.Enip;

public sealed class EnipParserTests
{
    [Fact]
    public void Parse_ListIdentityRequest_IsDiscoveryRequest()
    {
        var message = EnipParser.Parse(EnipVectors.ListIdentityRequest, Direction.ToServer);
        Assert.Equal(0x63, message.Function);
        Assert.Equal("List Identity", message.FunctionName);
        Assert.False(message.IsResponse);
        Assert.Equal(OtOperation.Discovery, message.Operation);
        Assert.False(message.HasIdentity);
        Assert.Equal(0UL, message.Anomalies);
    }

    [Fact]
    public void Parse_ListIdentityReply_DecodesEveryIdentityField()
    {
        // Direction deliberately "to server": a list reply is known by its data, as UDP replies arrive on new flows.
        var message = EnipParser.Parse(EnipVectors.ListIdentityReply, Direction.ToServer);
        Assert.True(message.IsResponse);
        Assert.Equal(OtOperation.Identification, message.Operation);
        Assert.True(message.HasIdentity);
        Assert.Equal((ushort)1, message.VendorId);
        Assert.Equal((ushort)12, message.DeviceType);
        Assert.Equal((ushort)58, message.ProductCode);
        Assert.Equal((4, 3), (message.RevisionMajor, message.RevisionMinor));
        Assert.Equal(0x00524D8Eu, message.Serial);
        Assert.Equal("1756-ENBT/A", Encoding.ASCII.GetString(message.ProductName));
        Assert.Equal(0UL, message.Anomalies);

        var details = TestJson.Details(message);
        Assert.Equal("10.1.1.164:44818", details.GetProperty("socketAddress").GetString());
        Assert.Equal("Rockwell Automation/Allen-Bradley", details.GetProperty("vendorName").GetString());
        Assert.Equal("4.3", details.GetProperty("revision").GetString());
        Assert.Equal("0x00524d8e", details.GetProperty("serial").GetString());
        Assert.Equal(3, details.GetProperty("state").GetInt32());
        Assert.Equal(0x30, details.GetProperty("deviceStatus").GetInt32());
    }

    [Fact]
    public void ReportIdentity_ListIdentityReply_StatesVendorProductModelFirmwareSerial()
    {
        var receiver = new IdentityCollector();
        EnipParser.Parse(EnipVectors.ListIdentityReply, Direction.ToClient).ReportIdentity(receiver);
        Assert.Equal("Rockwell Automation/Allen-Bradley", receiver.Values[IdentityField.Vendor]);
        Assert.Equal("58", receiver.Values[IdentityField.ProductCode]);
        Assert.Equal("1756-ENBT/A", receiver.Values[IdentityField.Model]);
        Assert.Equal("4.3", receiver.Values[IdentityField.Firmware]);
        Assert.Equal("0x00524d8e", receiver.Values[IdentityField.Serial]);
    }

    [Fact]
    public void ReportIdentity_UnknownVendor_StatesVendorNumber()
    {
        byte[] reply = [.. EnipVectors.ListIdentityReply];
        reply[24 + 6 + 18] = 0x39; // vendor id 0x3039 = 12345, not in the table
        reply[24 + 6 + 19] = 0x30;
        var receiver = new IdentityCollector();
        EnipParser.Parse(reply, Direction.ToClient).ReportIdentity(receiver);
        Assert.Equal("12345", receiver.Values[IdentityField.Vendor]);
    }

    [Fact]
    public void Parse_RegisterSession_RequestAndReply()
    {
        var request = EnipParser.Parse(EnipVectors.RegisterSessionRequest, Direction.ToServer);
        var reply = EnipParser.Parse(EnipVectors.RegisterSessionReply, Direction.ToClient);
        Assert.Equal((0x65, false, 0u), (request.Function, request.IsResponse, request.SessionHandle));
        Assert.Equal((0x65, true, 0x12345678u), (reply.Function, reply.IsResponse, reply.SessionHandle));
        Assert.Equal(1, TestJson.Details(request).GetProperty("protocolVersion").GetInt32());
    }

    [Fact]
    public void Parse_SendRRData_ExposesUnconnectedCipMessage()
    {
        var message = EnipParser.Parse(EnipVectors.SendRRDataGetAttributeSingle, Direction.ToServer);
        Assert.Equal(0x6F, message.Function);
        Assert.True(message.CarriesCip);
        Assert.False(message.IsConnectedData);
        Assert.Equal([0x0E, 0x03, 0x20, 0x01, 0x24, 0x01, 0x30, 0x07], message.CipData.ToArray());
        var details = TestJson.Details(message);
        Assert.Equal(2, details.GetProperty("itemCount").GetInt32());
        Assert.Equal(10, details.GetProperty("timeout").GetInt32());
        Assert.Equal("1111111111111111", details.GetProperty("senderContext").GetString());
    }

    [Fact]
    public void Parse_SendUnitData_ExposesConnectionIdAndSequenceCount()
    {
        var message = EnipParser.Parse(EnipVectors.SendUnitDataMultipleReadTag, Direction.ToServer);
        Assert.Equal(0x70, message.Function);
        Assert.True(message.IsConnectedData);
        Assert.Equal(0x00ABCDEFu, message.ConnectionId);
        Assert.Equal((ushort)7, message.CipSequence);
        Assert.Equal(0x0A, message.CipData[0]);
    }

    [Fact]
    public void ParseIo_ClassOneDatagram_ConnectionIdAndSequenceNoFunction()
    {
        var message = EnipParser.ParseIo(EnipVectors.ClassOneIo, Direction.ToServer);
        Assert.True(message.IsIo);
        Assert.Equal(-1, message.Function);
        Assert.Null(message.FunctionName);
        Assert.Equal(0x11223344u, message.ConnectionId);
        Assert.Equal(5u, message.Sequence);
        Assert.False(message.CarriesCip);
        Assert.Equal(8, TestJson.Details(message).GetProperty("ioDataLength").GetInt32());
    }

    [Fact]
    public void Parse_ItemLengthPastPacket_FlagsCpfTruncated()
    {
        byte[] frame = [.. EnipVectors.SendRRDataGetAttributeSingle];
        frame[24 + 6 + 2 + 4 + 2] = 0x40; // unconnected data item claims 64 octets, 8 remain
        var message = EnipParser.Parse(frame, Direction.ToServer);
        Assert.True(message.AnomalyFlags.HasFlag(EnipAnomalies.CpfTruncated));
        Assert.False(message.CarriesCip);
    }

    [Fact]
    public void Parse_IdentityNameLongerThanItem_FlagsIdentityTruncated()
    {
        byte[] reply = [.. EnipVectors.ListIdentityReply];
        reply[24 + 6 + 32] = 0xF0; // name length 240, 12 octets remain
        var message = EnipParser.Parse(reply, Direction.ToClient);
        Assert.True(message.AnomalyFlags.HasFlag(EnipAnomalies.IdentityTruncated));
        Assert.Equal(12, message.ProductName.Length);
        _ = TestJson.Details(message);
    }

    [Fact]
    public void Parse_UnknownCommandAndOptions_FlagsBoth()
    {
        byte[] frame = [.. EnipVectors.ListIdentityRequest];
        frame[0] = 0x01; // command 0x0001, undefined
        frame[20] = 0x01; // options bit set
        var message = EnipParser.Parse(frame, Direction.ToServer);
        Assert.Equal(1, message.Function);
        Assert.Null(message.FunctionName);
        Assert.Equal(EnipAnomalies.UnknownCommand | EnipAnomalies.NonZeroOptions, message.AnomalyFlags);
        Assert.Equal("unknown_command", message.AnomalyName(0));
    }

    [Fact]
    public void Parse_SendDataShorterThanPrefix_FlagsSendDataTruncated()
    {
        byte[] frame = [.. EnipVectors.SendRRDataGetAttributeSingle[..24], 0x00, 0x00, 0x00, 0x00];
        frame[2] = 4; // length 4: interface handle only
        var message = EnipParser.Parse(frame, Direction.ToServer);
        Assert.True(message.AnomalyFlags.HasFlag(EnipAnomalies.SendDataTruncated));
    }
}
