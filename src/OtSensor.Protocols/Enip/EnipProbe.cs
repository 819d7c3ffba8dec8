using System.Buffers.Binary;
using OtSensor.Core.Parsing;

namespace OtSensor.Protocols.Enip;

/// <summary>Strict content-based recognition of EtherNet/IP encapsulation and class-1 I/O datagrams.</summary>
/// <remarks>
/// A header alone is weak evidence (a zero-filled buffer is a NOP), so NOP is never recognised, the options field must
/// be zero and the status one of Vol. 2 Table 2-3.3, and each command must have its own shape: list requests and
/// UnregisterSession carry no data, RegisterSession carries protocol version 1, list replies and SendRRData/SendUnitData
/// carry a common packet format whose items fill the packet exactly.
/// </remarks>
public static class EnipProbe
{
    /// <summary>Recognition of the first bytes of a TCP stream.</summary>
    public static ProbeResult Recognize(ReadOnlySpan<byte> data, Direction direction)
    {
        _ = direction;
        if (data.Length >= 2 && !IsProbeCommand(BinaryPrimitives.ReadUInt16LittleEndian(data))) return ProbeResult.Unrecognized;
        if (data.Length < EnipConstants.HeaderLength) return ProbeResult.Incomplete;
        if (!IsPlausibleHeader(data)) return ProbeResult.Unrecognized;

        ushort command = BinaryPrimitives.ReadUInt16LittleEndian(data);
        int length = BinaryPrimitives.ReadUInt16LittleEndian(data[2..]);
        uint session = BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
        uint status = BinaryPrimitives.ReadUInt32LittleEndian(data[8..]);
        int frameLength = EnipConstants.HeaderLength + length;
        switch (command)
        {
            case EnipConstants.ListIdentity:
            case EnipConstants.ListServices:
            case EnipConstants.ListInterfaces:
                if (length == 0) return status == 0 ? ProbeResult.Recognized : ProbeResult.Unrecognized;
                if (frameLength > EnipConstants.MaxProbeFrame) return ProbeResult.Unrecognized;
                if (data.Length < frameLength) return ProbeResult.Incomplete;
                return CpfFills(data.Slice(EnipConstants.HeaderLength, length)) ? ProbeResult.Recognized : ProbeResult.Unrecognized;
            case EnipConstants.RegisterSession:
                if (length != 4) return ProbeResult.Unrecognized;
                if (data.Length < frameLength) return ProbeResult.Incomplete;
                return BinaryPrimitives.ReadUInt16LittleEndian(data[EnipConstants.HeaderLength..]) == 1 ? ProbeResult.Recognized : ProbeResult.Unrecognized;
            case EnipConstants.UnregisterSession:
                return length == 0 && session != 0 ? ProbeResult.Recognized : ProbeResult.Unrecognized;
            default: // SendRRData, SendUnitData
                if (session == 0 || length < EnipConstants.SendDataPrefix + 2) return ProbeResult.Unrecognized;
                if (data.Length >= frameLength)
                    return CpfFills(data.Slice(EnipConstants.HeaderLength + EnipConstants.SendDataPrefix, length - EnipConstants.SendDataPrefix))
                        ? ProbeResult.Recognized : ProbeResult.Unrecognized;
                // A long packet not yet whole: judge the item count and the first item header.
                const int firstItemEnd = EnipConstants.HeaderLength + EnipConstants.SendDataPrefix + 2 + 4;
                if (data.Length < firstItemEnd) return ProbeResult.Incomplete;
                int count = BinaryPrimitives.ReadUInt16LittleEndian(data[(EnipConstants.HeaderLength + EnipConstants.SendDataPrefix)..]);
                ushort firstType = BinaryPrimitives.ReadUInt16LittleEndian(data[(firstItemEnd - 4)..]);
                int firstLength = BinaryPrimitives.ReadUInt16LittleEndian(data[(firstItemEnd - 2)..]);
                bool plausible = count is >= 2 and <= 4
                    && ((firstType == EnipConstants.NullAddressItem && firstLength == 0) || (firstType == EnipConstants.ConnectedAddressItem && firstLength == 4));
                return plausible ? ProbeResult.Recognized : ProbeResult.Unrecognized;
        }
    }

    /// <summary>Recognition of a UDP datagram on the encapsulation port: exactly one whole, plausible packet.</summary>
    public static ProbeResult RecognizeDatagram(ReadOnlySpan<byte> datagram, Direction direction)
    {
        if (datagram.Length < EnipConstants.HeaderLength) return ProbeResult.Unrecognized;
        if (EnipConstants.HeaderLength + BinaryPrimitives.ReadUInt16LittleEndian(datagram[2..]) != datagram.Length) return ProbeResult.Unrecognized;
        return Recognize(datagram, direction) == ProbeResult.Recognized ? ProbeResult.Recognized : ProbeResult.Unrecognized;
    }

    /// <summary>
    /// Recognition of a class-1 I/O datagram (Vol. 2 §3-3.4): two items, a sequenced address item of 8 octets and a
    /// connected data item, filling the datagram exactly.
    /// </summary>
    public static ProbeResult RecognizeIo(ReadOnlySpan<byte> datagram, Direction direction)
    {
        _ = direction;
        const int dataItemHeader = 2 + 4 + 8;
        if (datagram.Length < dataItemHeader + 4) return ProbeResult.Unrecognized;
        if (BinaryPrimitives.ReadUInt16LittleEndian(datagram) != 2
            || BinaryPrimitives.ReadUInt16LittleEndian(datagram[2..]) != EnipConstants.SequencedAddressItem
            || BinaryPrimitives.ReadUInt16LittleEndian(datagram[4..]) != 8
            || BinaryPrimitives.ReadUInt16LittleEndian(datagram[dataItemHeader..]) != EnipConstants.ConnectedDataItem)
            return ProbeResult.Unrecognized;
        int length = BinaryPrimitives.ReadUInt16LittleEndian(datagram[(dataItemHeader + 2)..]);
        return dataItemHeader + 4 + length == datagram.Length ? ProbeResult.Recognized : ProbeResult.Unrecognized;
    }

    /// <summary>Header checks the session also uses to resynchronise: known command, zero options, known status.</summary>
    internal static bool IsPlausibleHeader(ReadOnlySpan<byte> data)
    {
        if (data.Length < EnipConstants.HeaderLength) return false;
        if (!EnipNames.IsKnownCommand(BinaryPrimitives.ReadUInt16LittleEndian(data))) return false;
        if (BinaryPrimitives.ReadUInt16LittleEndian(data[2..]) > EnipConstants.MaxLength) return false;
        if (BinaryPrimitives.ReadUInt32LittleEndian(data[20..]) != 0) return false;
        return EnipNames.Status(BinaryPrimitives.ReadUInt32LittleEndian(data[8..])) is not null;
    }

    private static bool IsProbeCommand(ushort command)
        => command is EnipConstants.ListIdentity or EnipConstants.ListServices or EnipConstants.ListInterfaces
            or EnipConstants.RegisterSession or EnipConstants.UnregisterSession or EnipConstants.SendRRData or EnipConstants.SendUnitData;

    /// <summary>True when <paramref name="cpf"/> is an item count and that many items that end exactly at its end.</summary>
    private static bool CpfFills(ReadOnlySpan<byte> cpf)
    {
        if (cpf.Length < 2) return false;
        int count = BinaryPrimitives.ReadUInt16LittleEndian(cpf);
        if (count == 0 || count > EnipConstants.MaxItems) return false;
        int p = 2;
        for (int i = 0; i < count; i++)
        {
            if (cpf.Length - p < 4) return false;
            int itemLength = BinaryPrimitives.ReadUInt16LittleEndian(cpf[(p + 2)..]);
            p += 4;
            if (itemLength > cpf.Length - p) return false;
            p += itemLength;
        }
        return p == cpf.Length;
    }
}
