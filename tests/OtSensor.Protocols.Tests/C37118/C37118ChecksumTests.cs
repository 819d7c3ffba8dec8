using OtSensor.Core.Parsing;
using OtSensor.Protocols.C37118;

namespace OtSensor.Protocols.Tests.C37118;

/// <summary>The CHK check (computed four bytes at a time) agrees with a bit-by-bit CRC-CCITT over every tail length.</summary>
public sealed class C37118ChecksumTests
{
    /// <summary>The reference: CRC-CCITT (0x1021, initial 0xFFFF, no reflection) one bit at a time.</summary>
    private static ushort BitwiseCrc(ReadOnlySpan<byte> data)
    {
        int crc = 0xFFFF;
        foreach (byte b in data)
        {
            crc ^= b << 8;
            for (int bit = 0; bit < 8; bit++) crc = (crc & 0x8000) != 0 ? ((crc << 1) ^ 0x1021) & 0xFFFF : (crc << 1) & 0xFFFF;
        }
        return (ushort)crc;
    }

    [Fact]
    public void RecognizeDatagram_ChecksumOfEveryLength_MatchesTheBitwiseReference()
    {
        var random = new Random(37118);
        for (int length = 16; length <= 96; length++)
        {
            var frame = new byte[length];
            random.NextBytes(frame);
            frame[0] = 0xAA;                                      // SYNC
            frame[1] = 0x01;                                      // data frame, version 1
            frame[2] = (byte)(length >> 8);                       // FRAMESIZE
            frame[3] = (byte)length;
            ushort chk = BitwiseCrc(frame.AsSpan(0, length - 2));
            frame[^2] = (byte)(chk >> 8);
            frame[^1] = (byte)chk;
            Assert.Equal(ProbeResult.Recognized, C37118Probe.RecognizeDatagram(frame, Direction.ToServer));
            frame[4 + random.Next(length - 6)] ^= 0x10;         // one flipped bit in the body
            Assert.Equal(ProbeResult.Unrecognized, C37118Probe.RecognizeDatagram(frame, Direction.ToServer));
        }
    }
}
