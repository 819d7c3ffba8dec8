using System.Buffers.Binary;
using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;

namespace OtSensor.Protocols.Enip;

/// <summary>Parses one encapsulation packet and its common packet format items, or one class-1 I/O datagram.</summary>
/// <remarks>
/// <para>ODVA CIP Vol. 2 §2-3 (encapsulation header, little endian), §2-4 (commands), §2-6 (common packet format),
/// §3-3.4 (class 0/1 I/O over UDP).</para>
/// <code>
/// Encapsulation header (24 octets)
/// +---------+--------+----------------+--------+----------------+---------+------------------+
/// | command | length | session handle | status | sender context | options | data (length)    |
/// | (2)     | (2)    | (4)            | (4)    | (8)            | (4)     |                  |
/// +---------+--------+----------------+--------+----------------+---------+------------------+
/// SendRRData / SendUnitData data: interface handle (4) | timeout (2) | CPF
/// CPF: item count (2) | { type id (2) | length (2) | data } * count
/// CIP Identity item 0x0C: version (2) | sockaddr (16, big endian) | vendor (2) | device type (2) | product code (2)
///                         | revision major, minor (1+1) | status (2) | serial (4) | name length (1) | name | state (1)
/// Class-1 I/O datagram: CPF with a sequenced address item 0x8002 (connection id 4, sequence 4) and connected data 0xB1
/// </code>
/// </remarks>
public static class EnipParser
{
    /// <summary>Parses one whole packet (header and exactly <c>length</c> octets of data, as framed by the session).</summary>
    public static EnipMessage Parse(ReadOnlySpan<byte> frame, Direction direction)
    {
        Parse(frame, direction, out var message);
        return message;
    }

    /// <summary>The same, built in place in the caller's <paramref name="message"/> (the session's hot path: src/OtSensor.Protocols/README.md).</summary>
    internal static void Parse(ReadOnlySpan<byte> frame, Direction direction, out EnipMessage message)
    {
        message = new EnipMessage(frame);
        Decode(frame, direction, out message.Fields);
    }

    /// <summary>Parses one class-1 I/O datagram (UDP 2222).</summary>
    public static EnipMessage ParseIo(ReadOnlySpan<byte> datagram, Direction direction)
    {
        ParseIo(datagram, direction, out var message);
        return message;
    }

    /// <summary>The same, built in place in the caller's <paramref name="message"/>.</summary>
    internal static void ParseIo(ReadOnlySpan<byte> datagram, Direction direction, out EnipMessage message)
    {
        message = new EnipMessage(datagram);
        DecodeIo(datagram, direction, out message.Fields);
    }

    internal static void Decode(ReadOnlySpan<byte> frame, Direction direction, out EnipDecoded d)
    {
        d = default;
        if (frame.Length < EnipConstants.HeaderLength)
        {
            d.Anomalies = EnipAnomalies.LengthMismatch;
            return;
        }

        d.Command = BinaryPrimitives.ReadUInt16LittleEndian(frame);
        d.Length = BinaryPrimitives.ReadUInt16LittleEndian(frame[2..]);
        d.SessionHandle = BinaryPrimitives.ReadUInt32LittleEndian(frame[4..]);
        d.Status = BinaryPrimitives.ReadUInt32LittleEndian(frame[8..]);
        d.SenderContext = BinaryPrimitives.ReadUInt64LittleEndian(frame[12..]);
        d.Options = BinaryPrimitives.ReadUInt32LittleEndian(frame[20..]);
        if (!EnipNames.IsKnownCommand(d.Command)) d.Anomalies |= EnipAnomalies.UnknownCommand;
        if (d.Options != 0) d.Anomalies |= EnipAnomalies.NonZeroOptions;
        if (frame.Length != EnipConstants.HeaderLength + d.Length) d.Anomalies |= EnipAnomalies.LengthMismatch;

        var data = frame[EnipConstants.HeaderLength..];
        if (data.Length > d.Length) data = data[..d.Length];

        // List commands: the request has no data, the reply has items. Other commands go by direction.
        bool isList = d.Command is EnipConstants.ListIdentity or EnipConstants.ListServices or EnipConstants.ListInterfaces;
        d.IsResponse = isList ? d.Length > 0 || d.Status != 0 : direction == Direction.ToClient;
        if (!d.IsResponse && d.Status != 0) d.Anomalies |= EnipAnomalies.RequestWithStatus;

        switch (d.Command)
        {
            case EnipConstants.ListIdentity:
            case EnipConstants.ListServices:
            case EnipConstants.ListInterfaces:
                if (data.Length > 0) ParseItems(frame, EnipConstants.HeaderLength, data.Length, ref d);
                d.Operation = d.Command == EnipConstants.ListIdentity && d.IsResponse ? OtOperation.Identification : OtOperation.Discovery;
                break;
            case EnipConstants.RegisterSession:
                if (data.Length >= 2)
                {
                    d.HasProtocolVersion = true;
                    d.ProtocolVersion = BinaryPrimitives.ReadUInt16LittleEndian(data);
                }
                d.Operation = OtOperation.Other;
                break;
            case EnipConstants.UnregisterSession:
                d.Operation = OtOperation.Other;
                break;
            case EnipConstants.SendRRData:
            case EnipConstants.SendUnitData:
                if (d.SessionHandle == 0 && d.Status == 0) d.Anomalies |= EnipAnomalies.NoSession;
                if (data.Length == 0 && d.Status != 0) break; // an error reply may carry no data
                if (data.Length < EnipConstants.SendDataPrefix + 2)
                {
                    d.Anomalies |= EnipAnomalies.SendDataTruncated;
                    break;
                }
                d.HasSendData = true;
                d.InterfaceHandle = BinaryPrimitives.ReadUInt32LittleEndian(data);
                d.Timeout = BinaryPrimitives.ReadUInt16LittleEndian(data[4..]);
                ParseItems(frame, EnipConstants.HeaderLength + EnipConstants.SendDataPrefix, data.Length - EnipConstants.SendDataPrefix, ref d);
                break;
        }
    }

    internal static void DecodeIo(ReadOnlySpan<byte> datagram, Direction direction, out EnipDecoded d)
    {
        d = default;
        d.IsIo = true;
        d.IsResponse = direction == Direction.ToClient;
        ParseItems(datagram, 0, datagram.Length, ref d);
        // The I/O payload is application data, not a CIP message: keep its extent, never parse it as CIP.
        if (d.DataItemType == EnipConstants.ConnectedDataItem && d.HasCipSequence)
        {
            d.CipOffset -= 2;
            d.CipLength += 2;
            d.HasCipSequence = false;
        }
    }

    /// <summary>Walks the CPF at <paramref name="start"/> (item count first) within <paramref name="length"/> octets.</summary>
    private static void ParseItems(ReadOnlySpan<byte> frame, int start, int length, ref EnipDecoded d)
    {
        var cpf = frame.Slice(start, length);
        if (cpf.Length < 2)
        {
            d.Anomalies |= EnipAnomalies.CpfTruncated;
            return;
        }

        int count = BinaryPrimitives.ReadUInt16LittleEndian(cpf);
        d.ItemCount = count;
        if (count > EnipConstants.MaxItems)
        {
            d.Anomalies |= EnipAnomalies.TooManyItems;
            count = EnipConstants.MaxItems;
        }

        int p = 2;
        for (int i = 0; i < count; i++)
        {
            if (cpf.Length - p < 4)
            {
                d.Anomalies |= EnipAnomalies.CpfTruncated;
                return;
            }

            ushort type = BinaryPrimitives.ReadUInt16LittleEndian(cpf[p..]);
            int itemLength = BinaryPrimitives.ReadUInt16LittleEndian(cpf[(p + 2)..]);
            p += 4;
            if ((uint)itemLength > (uint)(cpf.Length - p))
            {
                d.Anomalies |= EnipAnomalies.CpfTruncated;
                return;
            }

            var item = cpf.Slice(p, itemLength);
            OnItem(type, item, start + p, ref d);
            p += itemLength;
        }

        if (p != cpf.Length && d.ItemCount <= EnipConstants.MaxItems) d.Anomalies |= EnipAnomalies.CpfTrailingBytes;
    }

    private static void OnItem(ushort type, ReadOnlySpan<byte> item, int offset, ref EnipDecoded d)
    {
        switch (type)
        {
            case EnipConstants.ConnectedAddressItem when item.Length >= 4:
                d.HasConnection = true;
                d.ConnectionId = BinaryPrimitives.ReadUInt32LittleEndian(item);
                break;
            case EnipConstants.SequencedAddressItem when item.Length >= 8:
                d.HasConnection = true;
                d.ConnectionId = BinaryPrimitives.ReadUInt32LittleEndian(item);
                d.HasSequence = true;
                d.Sequence = BinaryPrimitives.ReadUInt32LittleEndian(item[4..]);
                break;
            case EnipConstants.UnconnectedDataItem when d.DataItemType == 0:
                d.DataItemType = type;
                d.CipOffset = offset;
                d.CipLength = item.Length;
                break;
            case EnipConstants.ConnectedDataItem when d.DataItemType == 0 && item.Length >= 2:
                // Class 3 (and class 1 with a 16-bit sequence count): the message follows the sequence count.
                d.DataItemType = type;
                d.HasCipSequence = true;
                d.CipSequence = BinaryPrimitives.ReadUInt16LittleEndian(item);
                d.CipOffset = offset + 2;
                d.CipLength = item.Length - 2;
                break;
            case EnipConstants.ListIdentityItem when !d.HasIdentity:
                ParseIdentity(item, offset, ref d);
                break;
            case EnipConstants.ListServicesItem when item.Length >= 4:
                d.HasCapabilities = true;
                d.Capabilities = BinaryPrimitives.ReadUInt16LittleEndian(item[2..]);
                break;
        }
    }

    /// <summary>CIP Identity item (Vol. 2 Table 2-4.4); the socket address is big endian, everything else little endian.</summary>
    private static void ParseIdentity(ReadOnlySpan<byte> item, int offset, ref EnipDecoded d)
    {
        if (item.Length < EnipConstants.IdentityFixedLength)
        {
            d.Anomalies |= EnipAnomalies.IdentityTruncated;
            return;
        }

        d.HasIdentity = true;
        d.EncapsulationVersion = BinaryPrimitives.ReadUInt16LittleEndian(item);
        d.SocketPort = BinaryPrimitives.ReadUInt16BigEndian(item[4..]);
        d.SocketAddress = BinaryPrimitives.ReadUInt32BigEndian(item[6..]);
        d.VendorId = BinaryPrimitives.ReadUInt16LittleEndian(item[18..]);
        d.DeviceType = BinaryPrimitives.ReadUInt16LittleEndian(item[20..]);
        d.ProductCode = BinaryPrimitives.ReadUInt16LittleEndian(item[22..]);
        d.RevisionMajor = item[24];
        d.RevisionMinor = item[25];
        d.DeviceStatus = BinaryPrimitives.ReadUInt16LittleEndian(item[26..]);
        d.Serial = BinaryPrimitives.ReadUInt32LittleEndian(item[28..]);
        int nameLength = item[32];
        int available = item.Length - EnipConstants.IdentityFixedLength;
        if (nameLength > available)
        {
            d.Anomalies |= EnipAnomalies.IdentityTruncated;
            nameLength = available;
        }

        d.NameOffset = offset + EnipConstants.IdentityFixedLength;
        d.NameLength = nameLength;
        if (available > nameLength)
        {
            d.HasState = true;
            d.State = item[EnipConstants.IdentityFixedLength + nameLength];
        }
    }
}
