using System.Buffers;

namespace OtSensor.Protocols.Dnp3;

/// <summary>Finds link frames in a byte stream and removes their block CRCs.</summary>
/// <remarks>
/// <para>IEEE 1815-2012 §9.2.4.1 (FT3 frame format).</para>
/// <code>
///  0    1    2     3     4   5   6   7   8   9   10 ...                      
///  +----+----+-----+-----+---+---+---+---+---+---+------------+-----+------------+-----+
///  |0x05|0x64| LEN | CTL |  DST  |  SRC  |  CRC  | data ≤16   | CRC | data ≤16   | CRC | ...
///  +----+----+-----+-----+---+---+---+---+---+---+------------+-----+------------+-----+
///  LEN counts CTL, DST, SRC and the user data, not the CRCs (5..255). Addresses and CRCs are little endian.
///  CTL: DIR(7) PRM(6) FCB(5) FCV/DFC(4) function(3..0).
/// </code>
/// </remarks>
public static class Dnp3LinkFramer
{
    /// <summary>Length of the frame whose header starts <paramref name="data"/>.</summary>
    /// <returns>
    /// <see cref="OperationStatus.NeedMoreData"/> with the bytes needed in <paramref name="frameLength"/>,
    /// <see cref="OperationStatus.InvalidData"/> for wrong start octets, a LENGTH below 5 or a bad header CRC
    /// (<paramref name="frameLength"/> then holds 0), or <see cref="OperationStatus.Done"/>.
    /// </returns>
    public static OperationStatus TryGetFrameLength(ReadOnlySpan<byte> data, out int frameLength)
    {
        frameLength = 0;
        if (data.Length >= 1 && data[0] != Dnp3Constants.Start1) return OperationStatus.InvalidData;
        if (data.Length >= 2 && data[1] != Dnp3Constants.Start2) return OperationStatus.InvalidData;
        if (data.Length >= 3 && data[2] < Dnp3Constants.MinLengthField) return OperationStatus.InvalidData;
        if (data.Length < Dnp3Constants.LinkHeaderLength)
        {
            frameLength = Dnp3Constants.LinkHeaderLength;
            return OperationStatus.NeedMoreData;
        }
        if (!Dnp3Crc.Check(data[..8], data[8..10])) return OperationStatus.InvalidData;
        int length = FrameLength(data[2]);
        frameLength = length;
        return data.Length < length ? OperationStatus.NeedMoreData : OperationStatus.Done;
    }

    /// <summary>Total frame length for a LENGTH field: header, user data and one CRC per 16-octet block.</summary>
    public static int FrameLength(byte lengthField)
    {
        int user = lengthField - Dnp3Constants.MinLengthField;
        int blocks = (user + Dnp3Constants.BlockSize - 1) / Dnp3Constants.BlockSize;
        return Dnp3Constants.LinkHeaderLength + user + (blocks * Dnp3Constants.CrcLength);
    }

    /// <summary>Which stream anomaly an invalid header deserves (see <see cref="Dnp3Fields"/>).</summary>
    public static string HeaderAnomaly(ReadOnlySpan<byte> data)
    {
        if (data.Length >= 2 && (data[0] != Dnp3Constants.Start1 || data[1] != Dnp3Constants.Start2)) return Dnp3Fields.StreamInvalidStart;
        if (data.Length >= 3 && data[2] < Dnp3Constants.MinLengthField) return Dnp3Fields.StreamInvalidLength;
        return Dnp3Fields.StreamHeaderCrcError;
    }

    /// <summary>
    /// Copies the user data of one whole frame into <paramref name="destination"/> (at least
    /// <see cref="Dnp3Constants.MaxUserData"/> octets), dropping the block CRCs, and checks each block.
    /// </summary>
    /// <returns>Octets of user data written.</returns>
    public static int CopyUserData(ReadOnlySpan<byte> frame, Span<byte> destination, out bool crcError)
    {
        crcError = false;
        int user = frame[2] - Dnp3Constants.MinLengthField;
        int position = Dnp3Constants.LinkHeaderLength;
        int written = 0;
        while (written < user)
        {
            int block = Math.Min(Dnp3Constants.BlockSize, user - written);
            // The caller hands a whole frame, so block and CRC are both there; stay defensive anyway.
            if ((uint)(block + Dnp3Constants.CrcLength) > (uint)(frame.Length - position)) { crcError = true; break; }
            var data = frame.Slice(position, block);
            if (!Dnp3Crc.Check(data, frame.Slice(position + block, Dnp3Constants.CrcLength))) crcError = true;
            data.CopyTo(destination[written..]);
            written += block;
            position += block + Dnp3Constants.CrcLength;
        }
        return written;
    }
}
