using System.Buffers;
using OtSensor.Core.Parsing;
using OtSensor.Protocols.Modbus;

namespace OtSensor.Protocols.Tests.Modbus;

public class ModbusFramerTests
{
    [Theory]
    [MemberData(nameof(ModbusVectors.PairNames), MemberType = typeof(ModbusVectors))]
    public void TryGetFrameLength_EveryVector_IsLengthPlusSix(string name)
    {
        var (request, response) = ModbusVectors.Pair(name);
        foreach (var frame in new[] { request, response })
        {
            Assert.Equal(OperationStatus.Done, ModbusFramer.TryGetFrameLength(frame, out int length));
            Assert.Equal(frame.Length, length);
            // Every proper prefix asks for more, and never for fewer bytes than it has.
            for (int i = 0; i < frame.Length; i++)
            {
                Assert.Equal(OperationStatus.NeedMoreData, ModbusFramer.TryGetFrameLength(frame.AsSpan(0, i), out int needed));
                Assert.True(needed > i);
            }
        }
    }

    [Fact]
    public void TryGetFrameLength_LengthAbove254_InvalidData()
        => Assert.Equal(OperationStatus.InvalidData, ModbusFramer.TryGetFrameLength(ModbusVectors.WrMultRegsRequestBadLength, out _));

    [Fact]
    public void TryGetFrameLength_LengthBelowTwo_InvalidData()
        => Assert.Equal(OperationStatus.InvalidData, ModbusFramer.TryGetFrameLength([0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x01], out _));

    [Fact]
    public void TryGetFrameLength_BadProtocolId_InvalidDataAsSoonAsVisible()
    {
        Assert.Equal(OperationStatus.InvalidData, ModbusFramer.TryGetFrameLength(ModbusVectors.RdCoilsRequestBadProtocolId, out _));
        Assert.Equal(OperationStatus.InvalidData, ModbusFramer.TryGetFrameLength(ModbusVectors.RdCoilsRequestBadProtocolId.AsSpan(0, 4), out _));
    }

    [Fact]
    public void TryGetFrameLength_TwoAdus_ReturnsFirstOnly()
    {
        byte[] two = [.. ModbusVectors.RdCoilsRequest, .. ModbusVectors.WrMultRegsRequest];
        Assert.Equal(OperationStatus.Done, ModbusFramer.TryGetFrameLength(two, out int length));
        Assert.Equal(ModbusVectors.RdCoilsRequest.Length, length);
    }
}
