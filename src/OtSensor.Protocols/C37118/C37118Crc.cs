namespace OtSensor.Protocols.C37118;

/// <summary>CRC-CCITT of the C37.118.2-2011 CHK field: polynomial x^16 + x^12 + x^5 + 1, initial value 0xFFFF, no reflection, no final XOR.</summary>
/// <remarks>
/// Every synchrophasor frame is checked, and data frames of many PMUs are long, so the CRC is computed eight bytes per
/// step ("slicing by 8"): table k holds the register contribution of a byte followed by k zero bytes, so
/// <c>crc' = T7[(crc &gt;&gt; 8) ^ b0] ^ T6[(crc &amp; 0xFF) ^ b1] ^ T5[b2] ^ ... ^ T0[b7]</c>; the tail goes byte by byte.
/// </remarks>
internal static class C37118Crc
{
    private static readonly ushort[] Table = BuildTables();

    public static ushort Compute(ReadOnlySpan<byte> data)
    {
        var t = Table;
        uint crc = 0xFFFF;
        int i = 0;
        for (; i + 8 <= data.Length; i += 8)
        {
            var b = data.Slice(i, 8);
            crc = (uint)(t[(7 * 256) + (int)(((crc >> 8) ^ b[0]) & 0xFF)]
                ^ t[(6 * 256) + (int)((crc ^ b[1]) & 0xFF)]
                ^ t[(5 * 256) + b[2]]
                ^ t[(4 * 256) + b[3]]
                ^ t[(3 * 256) + b[4]]
                ^ t[(2 * 256) + b[5]]
                ^ t[256 + b[6]]
                ^ t[b[7]]);
        }
        for (; i < data.Length; i++) crc = ((crc << 8) ^ t[(int)(((crc >> 8) ^ data[i]) & 0xFF)]) & 0xFFFF;
        return (ushort)crc;
    }

    /// <summary>Eight 256-entry tables back to back: T0 is the classic byte table, T(k) = T(k-1) shifted through one zero byte.</summary>
    private static ushort[] BuildTables()
    {
        var table = new ushort[8 * 256];
        for (int i = 0; i < 256; i++)
        {
            int value = i << 8;
            for (int bit = 0; bit < 8; bit++) value = (value & 0x8000) != 0 ? (value << 1) ^ 0x1021 : value << 1;
            table[i] = (ushort)value;
        }
        for (int k = 1; k < 8; k++)
        {
            for (int i = 0; i < 256; i++)
            {
                int previous = table[((k - 1) * 256) + i];
                table[(k * 256) + i] = (ushort)((previous << 8) ^ table[previous >> 8]);
            }
        }
        return table;
    }
}
