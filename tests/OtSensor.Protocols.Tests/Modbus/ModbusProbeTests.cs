using OtSensor.Core.Parsing;
using OtSensor.Protocols.Modbus;

namespace OtSensor.Protocols.Tests.Modbus;

public class ModbusProbeTests
{
    [Fact]
    public void Probe_ValidRequest_Recognized()
        => Assert.Equal(ProbeResult.Recognized, ModbusProbe.Probe(ModbusVectors.RdCoilsRequest, Direction.ToServer));

    [Fact]
    public void Probe_ShortValidPrefix_Incomplete()
        => Assert.Equal(ProbeResult.Incomplete, ModbusProbe.Probe(ModbusVectors.RdCoilsRequest.AsSpan(0, 5), Direction.ToServer));

    [Fact]
    public void Probe_HelloWorld_Unrecognized()
        => Assert.Equal(ProbeResult.Unrecognized, ModbusProbe.Probe("hello world"u8, Direction.ToServer));

    [Fact]
    public void Probe_BadProtocolIdOrLength_Unrecognized()
    {
        Assert.Equal(ProbeResult.Unrecognized, ModbusProbe.Probe(ModbusVectors.RdCoilsRequestBadProtocolId, Direction.ToServer));
        Assert.Equal(ProbeResult.Unrecognized, ModbusProbe.Probe(ModbusVectors.WrMultRegsRequestBadLength, Direction.ToServer));
    }

    [Fact]
    public void Probe_FunctionCodeZero_RecognizedForTheParserToFlag()
        => Assert.Equal(ProbeResult.Recognized, ModbusProbe.Probe([0x00, 0x01, 0x00, 0x00, 0x00, 0x02, 0x01, 0x00], Direction.ToServer));

    [Fact]
    public void Module_DescribesModbusOnPort502()
    {
        var module = new ModbusModule();
        Assert.Equal(Core.Protocols.ProtocolId.Modbus, module.Protocol);
        Assert.Equal([(ushort)502], module.DefaultPorts.ToArray());
        Assert.True(module.IsStream);
        Assert.IsType<ModbusSession>(module.CreateStreamSession());
        Assert.Null(module.CreateDatagramSession());
    }

    [Fact]
    public void Recognize_TwoAdusBackToBack_Recognized()
        => Assert.Equal(ProbeResult.Recognized,
            ModbusProbe.Recognize([.. ModbusVectors.RdCoilsRequest, .. ModbusVectors.RdHoldingRegsRequest], Direction.ToServer));

    [Fact]
    public void Recognize_FirstAduStillArriving_Incomplete()
        => Assert.Equal(ProbeResult.Incomplete, ModbusProbe.Recognize(ModbusVectors.RdCoilsRequest.AsSpan(0, 9), Direction.ToServer));

    [Fact]
    public void Recognize_MelsoftHeaderThatLooksLikeMbap_Unrecognized()
    {
        // MELSOFT (tcp/5001, ICS-Security-Tools melsoft_variant_clean.pcap): two zero bytes after the first
        // two and a "length" of 17, but byte 7 (0x7F) is no Modbus function and the next "header" is not MBAP.
        byte[] melsoft =
        [
            0xd7, 0x00, 0x00, 0x00, 0x00, 0x11, 0x11, 0x7f, 0x00, 0x00, 0x00, 0xa8, 0x03, 0x00, 0xff, 0xff,
            0x03, 0x00, 0x00, 0x24, 0x00, 0x9c, 0x02, 0x18, 0x14, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        ];
        Assert.Equal(ProbeResult.Unrecognized, ModbusProbe.Recognize(melsoft, Direction.ToServer));
    }

    [Fact]
    public void Recognize_HartIpSessionInitiate_Unrecognized()
    {
        // HART-IP (icsnpp-hart-ip hart-ip.pcap): version 1, message type 0, id 0, status 0, sequence 2, length 13:
        // bytes 2–5 read as protocol id 0 and length 2, but the 13-byte message does not end where that length says.
        byte[] hartIp = [0x01, 0x00, 0x00, 0x00, 0x00, 0x02, 0x00, 0x0d, 0x01, 0x00, 0x00, 0x75, 0x30];
        Assert.Equal(ProbeResult.Unrecognized, ModbusProbe.Recognize(hartIp, Direction.ToServer));
    }

    [Fact]
    public void Recognize_UnknownFunctionCode_Unrecognized()
    {
        byte[] adu = ModbusVectors.RdCoilsRequest;
        adu[7] = 0x33; // 51: not a public, user-defined or UMAS code
        Assert.Equal(ProbeResult.Unrecognized, ModbusProbe.Recognize(adu, Direction.ToServer));
    }
}
