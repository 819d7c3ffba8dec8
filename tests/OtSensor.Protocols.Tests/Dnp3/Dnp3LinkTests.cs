using System.Buffers;
using System.Text;
using OtSensor.Core.Parsing;
using OtSensor.Protocols.Dnp3;

namespace OtSensor.Protocols.Tests.Dnp3;

public class Dnp3LinkTests
{
    [Fact]
    public void Compute_CheckString_IsCrc16DnpCheckValue()
    {
        Assert.Equal(0xEA82, Dnp3Crc.Compute(Encoding.ASCII.GetBytes("123456789")));
    }

    [Fact]
    public void Frame_BuiltFromFields_EqualsCapturedFrames()
    {
        // The test builder and the CRC agree with frames captured from real devices.
        Assert.Equal(Dnp3Vectors.ReadClass1Request, Dnp3Frames.Frame(0xC4, 3, 4, [0xC1, 0xC1, 0x01, 0x3C, 0x02, 0x06]));
        Assert.Equal(Dnp3Vectors.DirectOperateNoAckCrob, Dnp3Frames.Frame(0xC4, 4, 3, Dnp3Vectors.DirectOperateNoAckCrob.AsSpan(10, 16).ToArray().Concat(Dnp3Vectors.DirectOperateNoAckCrob.AsSpan(28, 5).ToArray()).ToArray()));
    }

    [Fact]
    public void TryGetFrameLength_TwoBlockFrame_CountsBothCrcs()
    {
        Assert.Equal(OperationStatus.Done, Dnp3LinkFramer.TryGetFrameLength(Dnp3Vectors.DirectOperateNoAckCrob, out int length));
        Assert.Equal(35, length); // 10 header + 21 user + 2 × 2 CRC
        Assert.Equal(Dnp3Constants.MaxFrameLength, Dnp3LinkFramer.FrameLength(255));
        Assert.Equal(292, Dnp3Constants.MaxFrameLength);
    }

    [Fact]
    public void TryGetFrameLength_PartialHeaderOrFrame_NeedsMore()
    {
        Assert.Equal(OperationStatus.NeedMoreData, Dnp3LinkFramer.TryGetFrameLength(Dnp3Vectors.DirectOperateNoAckCrob.AsSpan(0, 4), out int needed));
        Assert.Equal(10, needed);
        Assert.Equal(OperationStatus.NeedMoreData, Dnp3LinkFramer.TryGetFrameLength(Dnp3Vectors.DirectOperateNoAckCrob.AsSpan(0, 20), out needed));
        Assert.Equal(35, needed);
    }

    [Fact]
    public void TryGetFrameLength_BadHeaderCrc_InvalidData()
    {
        byte[] frame = [.. Dnp3Vectors.ReadClass1Request];
        frame[8] ^= 0xFF; // header CRC low octet
        Assert.Equal(OperationStatus.InvalidData, Dnp3LinkFramer.TryGetFrameLength(frame, out _));
        Assert.Equal(Dnp3Fields.StreamHeaderCrcError, Dnp3LinkFramer.HeaderAnomaly(frame));
    }

    [Fact]
    public void TryGetFrameLength_LengthBelowFive_InvalidData()
    {
        byte[] frame = [0x05, 0x64, 0x00, 0x0B, 0x04, 0x00, 0x03, 0x00, 0x00, 0x00]; // ICS-Security-Tools DNP3-ReadRequest.pcap frame 8
        Assert.Equal(OperationStatus.InvalidData, Dnp3LinkFramer.TryGetFrameLength(frame, out _));
        Assert.Equal(Dnp3Fields.StreamInvalidLength, Dnp3LinkFramer.HeaderAnomaly(frame));
    }

    [Fact]
    public void CopyUserData_BadBlockCrc_KeepsDataAndFlags()
    {
        byte[] frame = [.. Dnp3Vectors.DirectOperateNoAckCrob];
        frame[^1] ^= 0x01; // second block CRC
        var user = new byte[Dnp3Constants.MaxUserData];
        int n = Dnp3LinkFramer.CopyUserData(frame, user, out bool crcError);
        Assert.True(crcError);
        Assert.Equal(21, n);
        Assert.Equal(0xD0, user[0]);
    }

    [Fact]
    public void Recognize_ValidHeader_Recognized()
    {
        Assert.Equal(ProbeResult.Recognized, Dnp3Probe.Recognize(Dnp3Vectors.ReadClass1Request, Direction.ToServer));
        Assert.Equal(ProbeResult.Recognized, Dnp3Probe.Recognize(Dnp3Vectors.DirectOperateNoAckCrob.AsSpan(0, 12), Direction.ToServer));
    }

    [Fact]
    public void Recognize_ShortPrefix_Incomplete()
    {
        Assert.Equal(ProbeResult.Incomplete, Dnp3Probe.Recognize([0x05, 0x64, 0x0B], Direction.ToServer));
        Assert.Equal(ProbeResult.Incomplete, Dnp3Probe.Recognize([0x05], Direction.ToServer));
    }

    [Theory]
    [InlineData(new byte[] { 0x00, 0x01, 0x00, 0x00, 0x00, 0x06, 0x01, 0x03, 0x00, 0x00, 0x00, 0x0A })] // Modbus read holding registers
    [InlineData(new byte[] { 0x03, 0x00, 0x00, 0x16, 0x11, 0xE0, 0x00, 0x00, 0x00, 0x01, 0x00 })]       // TPKT + COTP connect request
    [InlineData(new byte[] { 0x05, 0x64, 0x0B, 0xC4, 0x03, 0x00, 0x04, 0x00, 0x00, 0x00 })]             // DNP3 start, wrong header CRC
    public void Recognize_OtherProtocols_Unrecognized(byte[] data)
    {
        Assert.Equal(ProbeResult.Unrecognized, Dnp3Probe.Recognize(data, Direction.ToServer));
    }
}
