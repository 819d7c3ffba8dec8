namespace OtSensor.Protocols.Dnp3;

/// <summary>CRC-16/DNP of the link layer.</summary>
/// <remarks>
/// IEEE 1815-2012 §9.2.4.1.3.6 and Annex: polynomial x^16+x^13+x^12+x^11+x^10+x^8+x^6+x^5+x^2+1 (0x3D65),
/// processed LSB first (reflected form 0xA6BC), initial value 0, result complemented and sent low octet first.
/// Check value of "123456789" is 0xEA82.
/// </remarks>
public static class Dnp3Crc
{
    private static readonly ushort[] Table = BuildTable();

    public static ushort Compute(ReadOnlySpan<byte> data)
    {
        ushort crc = 0;
        var table = Table;
        foreach (byte b in data) crc = (ushort)((crc >> 8) ^ table[(crc ^ b) & 0xFF]);
        return (ushort)~crc;
    }

    /// <summary>True when <paramref name="crc"/> (two octets, low first) is the CRC of <paramref name="data"/>.</summary>
    public static bool Check(ReadOnlySpan<byte> data, ReadOnlySpan<byte> crc)
        => crc.Length >= 2 && Compute(data) == (ushort)(crc[0] | (crc[1] << 8));

    private static ushort[] BuildTable()
    {
        var table = new ushort[256];
        for (int i = 0; i < 256; i++)
        {
            int crc = i;
            for (int bit = 0; bit < 8; bit++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xA6BC : crc >> 1;
            table[i] = (ushort)crc;
        }
        return table;
    }
}
