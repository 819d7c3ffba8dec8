using OtSensor.Protocols.Dnp3;

namespace OtSensor.Protocols.Tests.Dnp3;

/// <summary>Builds link frames (with CRCs) around application fragments for tests; checked against captured frames.</summary>
internal static class Dnp3Frames
{
    /// <summary>Link control of a master's unconfirmed user data (DIR, PRM, function 4).</summary>
    public const byte FromMaster = 0xC4;

    /// <summary>Link control of an outstation's unconfirmed user data (PRM, function 4).</summary>
    public const byte FromOutstation = 0x44;

    /// <summary>One link frame: header with CRC, then the user data in 16-octet blocks, each followed by its CRC.</summary>
    public static byte[] Frame(byte control, ushort destination, ushort source, ReadOnlySpan<byte> userData)
    {
        var frame = new List<byte> { 0x05, 0x64, (byte)(userData.Length + 5), control, (byte)destination, (byte)(destination >> 8), (byte)source, (byte)(source >> 8) };
        AddCrc(frame, frame.Count - 8);
        for (int i = 0; i < userData.Length; i += 16)
        {
            int start = frame.Count;
            frame.AddRange(userData.Slice(i, Math.Min(16, userData.Length - i)).ToArray());
            AddCrc(frame, start);
        }
        return [.. frame];
    }

    /// <summary>An application fragment cut into transport segments of at most 249 octets, one link frame each.</summary>
    public static byte[] Fragment(byte control, ushort destination, ushort source, ReadOnlySpan<byte> fragment, int firstSequence = 0, int segmentSize = 249)
    {
        var bytes = new List<byte>();
        int seq = firstSequence;
        for (int i = 0; i < fragment.Length || i == 0; i += segmentSize)
        {
            int n = Math.Min(segmentSize, fragment.Length - i);
            byte transport = (byte)(seq & 0x3F);
            if (i == 0) transport |= 0x40;
            if (i + n >= fragment.Length) transport |= 0x80;
            bytes.AddRange(Frame(control, destination, source, [transport, .. fragment.Slice(i, n)]));
            seq++;
        }
        return [.. bytes];
    }

    private static void AddCrc(List<byte> frame, int start)
    {
        ushort crc = Dnp3Crc.Compute(frame.GetRange(start, frame.Count - start).ToArray());
        frame.Add((byte)crc);
        frame.Add((byte)(crc >> 8));
    }
}
