using System.Buffers.Binary;

namespace OtSensor.Core.Net;

/// <summary>A 48-bit IEEE 802 MAC address held in the low 48 bits of a <see cref="ulong"/> (no allocation).</summary>
public readonly record struct MacAddress(ulong Value)
{
    public const int Length = 6;
    public static readonly MacAddress Broadcast = new(0xFFFF_FFFF_FFFFUL);

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static MacAddress Read(ReadOnlySpan<byte> six)
        => new(((ulong)BinaryPrimitives.ReadUInt16BigEndian(six) << 32) | BinaryPrimitives.ReadUInt32BigEndian(six[2..]));

    public bool IsBroadcast => Value == Broadcast.Value;
    /// <summary>I/G bit of the first octet: group (multicast or broadcast) address.</summary>
    public bool IsGroup => (Value & 0x0100_0000_0000UL) != 0;
    public bool IsZero => Value == 0;
    /// <summary>The 24-bit OUI (first three octets).</summary>
    public uint Oui => (uint)(Value >> 24);

    public void WriteTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt16BigEndian(destination, (ushort)(Value >> 32));
        BinaryPrimitives.WriteUInt32BigEndian(destination[2..], (uint)Value);
    }

    /// <summary>Formats as <c>aa:bb:cc:dd:ee:ff</c> into 17 UTF-8 bytes.</summary>
    public int FormatUtf8(Span<byte> destination)
    {
        const string hex = "0123456789abcdef";
        for (int i = 0; i < 6; i++)
        {
            byte b = (byte)(Value >> (40 - (8 * i)));
            destination[i * 3] = (byte)hex[b >> 4];
            destination[(i * 3) + 1] = (byte)hex[b & 0xF];
            if (i < 5) destination[(i * 3) + 2] = (byte)':';
        }
        return 17;
    }

    public override string ToString()
    {
        Span<byte> buffer = stackalloc byte[17];
        FormatUtf8(buffer);
        return System.Text.Encoding.ASCII.GetString(buffer);
    }
}
