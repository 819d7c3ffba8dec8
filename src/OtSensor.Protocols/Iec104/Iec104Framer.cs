using System.Buffers;

namespace OtSensor.Protocols.Iec104;

/// <summary>Finds the length of the next APDU in a byte stream.</summary>
/// <remarks>
/// IEC 60870-5-104 §5.1: an APDU is START2 (0x68), a length octet counting the four control octets and the ASDU
/// (4..253), then those octets, so it is length + 2 bytes. Any other first octet, or a length outside 4..253,
/// cannot start an APDU: <see cref="OperationStatus.InvalidData"/>, and the session resynchronises.
/// </remarks>
public static class Iec104Framer
{
    /// <param name="frameLength">On <see cref="OperationStatus.Done"/> the APDU length; on
    /// <see cref="OperationStatus.NeedMoreData"/> the bytes needed (header, or whole APDU once the length is known).</param>
    public static OperationStatus TryGetFrameLength(ReadOnlySpan<byte> data, out int frameLength)
    {
        frameLength = 0;
        if (!data.IsEmpty && data[0] != Iec104Constants.StartByte) return OperationStatus.InvalidData;
        if (data.Length < Iec104Constants.HeaderLength)
        {
            frameLength = Iec104Constants.HeaderLength;
            return OperationStatus.NeedMoreData;
        }
        if (!IsValidLength(data[1])) return OperationStatus.InvalidData;
        frameLength = data[1] + Iec104Constants.HeaderLength;
        return data.Length >= frameLength ? OperationStatus.Done : OperationStatus.NeedMoreData;
    }

    /// <summary>The stream anomaly name for the invalid header at the start of <paramref name="data"/>.</summary>
    internal static string HeaderAnomaly(ReadOnlySpan<byte> data)
        => !data.IsEmpty && data[0] != Iec104Constants.StartByte ? Iec104Fields.StreamInvalidStartByte : Iec104Fields.StreamInvalidLength;

    internal static bool IsValidLength(int length) => length is >= Iec104Constants.MinLengthField and <= Iec104Constants.MaxLengthField;
}
