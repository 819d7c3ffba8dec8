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
}
