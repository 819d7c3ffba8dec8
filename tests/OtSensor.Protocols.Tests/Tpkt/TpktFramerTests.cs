using OtSensor.Protocols.Tpkt;

namespace OtSensor.Protocols.Tests.Tpkt;

public class TpktFramerTests
{
    [Fact]
    public void TryReadPacket_WholePacket_Complete()
    {
        byte[] packet = [0x03, 0x00, 0x00, 0x07, 0x02, 0xF0, 0x80]; // version 3, reserved, length 7, COTP DT
        Assert.Equal(TpktStatus.Complete, TpktFramer.TryReadPacket(packet, out int length));
        Assert.Equal(7, length);
    }

    [Fact]
    public void TryReadPacket_ShortHeaderOrBody_IncompleteWithNeededLength()
    {
        Assert.Equal(TpktStatus.Incomplete, TpktFramer.TryReadPacket([0x03, 0x00], out int header));
        Assert.Equal(4, header);
        Assert.Equal(TpktStatus.Incomplete, TpktFramer.TryReadPacket([0x03, 0x00, 0x00, 0x19, 0x02], out int body));
        Assert.Equal(25, body);
    }

    [Fact]
    public void TryReadPacket_BadVersionOrLength_Invalid()
    {
        Assert.Equal(TpktStatus.InvalidVersion, TpktFramer.TryReadPacket([0x04, 0x00, 0x00, 0x07], out _));
        Assert.Equal(TpktStatus.InvalidLength, TpktFramer.TryReadPacket([0x03, 0x00, 0x00, 0x06], out _)); // below 7
        Assert.True(TpktFramer.HasNonZeroReserved([0x03, 0x01, 0x00, 0x07]));
    }
}
