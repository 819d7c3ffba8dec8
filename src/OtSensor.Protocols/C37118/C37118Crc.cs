namespace OtSensor.Protocols.C37118;

/// <summary>CRC-CCITT of the C37.118.2-2011 CHK field: polynomial x^16 + x^12 + x^5 + 1, initial value 0xFFFF, no reflection, no final XOR.</summary>
internal static class C37118Crc
{
    private static readonly ushort[] Table = BuildTable();

    public static ushort Compute(ReadOnlySpan<byte> data)
    {
        ushort crc = 0xFFFF;
        foreach (byte b in data) crc = (ushort)((crc << 8) ^ Table[(crc >> 8) ^ b]);
        return crc;
    }

    private static ushort[] BuildTable()
    {
        var table = new ushort[256];
        for (int i = 0; i < 256; i++)
        {
            int value = i << 8;
            for (int bit = 0; bit < 8; bit++) value = (value & 0x8000) != 0 ? (value << 1) ^ 0x1021 : value << 1;
            table[i] = (ushort)value;
        }
        return table;
    }
}
