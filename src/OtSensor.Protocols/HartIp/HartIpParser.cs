using System.Buffers.Binary;
using OtSensor.Core.Parsing;

namespace OtSensor.Protocols.HartIp;

/// <summary>Decodes one HART-IP message and the HART frame or Direct PDU commands inside it.</summary>
/// <remarks>
/// <para>HCF_SPEC-85 (HART-IP): every message starts with an 8-byte header whose byte count covers the whole
/// message. A token-passing PDU (message id 3) carries a HART frame (HCF_SPEC-081 data link layer); a Direct PDU
/// (message id 4, HART-IP version 2) carries device status bytes and a list of commands with 16-bit numbers.</para>
/// <code>
///  0   1   2   3   4       6       8
///  +---+---+---+---+-------+-------+-------------------------------+
///  |Ver|Typ|Id |St | Seq   | Count | body (Count - 8 bytes)        |
///  +---+---+---+---+-------+-------+-------------------------------+
///  Typ message type (0 request, 1 response, 2 publish, 3 error, 15 NAK), Id message id (0 session initiate,
///  1 session close, 2 keep alive, 3 token-passing PDU, 4 direct PDU, 5 read audit log, 128 discovery), St status.
///
///  HART frame (token-passing PDU body):
///  +-----+-------------+--------+-----+----+-----------------------------+-----+
///  |Delim| address 1/5 | exp 0-3| Cmd | BC | data (BC): [RC DS] payload  | Chk |
///  +-----+-------------+--------+-----+----+-----------------------------+-----+
///  Delim bit 7 long (5-byte) address, bits 5-6 expansion bytes, bits 0-2 frame type (1 BACK, 2 STX, 6 ACK).
///  ACK/BACK data starts with the response code (RC) and field device status (DS). Chk = XOR of all bytes before it.
/// </code>
/// <para>Never throws, never allocates: a field that does not fit is an anomaly.</para>
/// </remarks>
public static class HartIpParser
{
    /// <summary>Parses one message (a UDP datagram or one framed TCP message).</summary>
    /// <returns>False only when fewer than <see cref="HartIpConstants.HeaderLength"/> bytes were given.</returns>
    public static bool TryParse(ReadOnlySpan<byte> message, Direction direction, out HartIpMessage result)
    {
        if (message.Length < HartIpConstants.HeaderLength)
        {
            result = default;
            return false;
        }

        HartIpDecoded d = default;
        d.Command = -1;
        d.Version = message[0];
        d.MessageType = message[1];
        d.MessageId = message[2];
        d.Status = message[3];
        d.Sequence = BinaryPrimitives.ReadUInt16BigEndian(message[4..]);
        d.ByteCount = BinaryPrimitives.ReadUInt16BigEndian(message[6..]);
        d.ExtendedCommand = -1;
        CheckHeader(ref d, message.Length, direction);

        int end = Math.Min(message.Length, Math.Max((int)d.ByteCount, HartIpConstants.HeaderLength));
        var body = message[HartIpConstants.HeaderLength..end];
        switch (d.MessageId)
        {
            case HartIpConstants.SessionInitiate:
                ParseSessionInitiate(ref d, body);
                break;
            case HartIpConstants.SessionClose or HartIpConstants.KeepAlive:
                if (!body.IsEmpty) d.Anomalies |= HartIpAnomalies.TrailingBytes;
                break;
            case HartIpConstants.TokenPassingPdu when !body.IsEmpty:
                ParseHartFrame(ref d, body, HartIpConstants.HeaderLength);
                break;
            case HartIpConstants.TokenPassingPdu when d.MessageType is HartIpConstants.MessageTypeRequest or HartIpConstants.MessageTypePublish:
                d.Anomalies |= HartIpAnomalies.BodyTooShort;
                break;
            case HartIpConstants.DirectPdu when !body.IsEmpty:
                ParseDirectPdu(ref d, body, HartIpConstants.HeaderLength);
                break;
        }

        result = new HartIpMessage(message[..end], in d);
        return true;
    }

    /// <summary>True when the 8 header bytes could start a HART-IP message (used for framing and resync).</summary>
    public static bool IsPlausibleHeader(ReadOnlySpan<byte> header)
    {
        if (header.Length < HartIpConstants.HeaderLength) return false;
        int count = BinaryPrimitives.ReadUInt16BigEndian(header[6..]);
        return header[0] is 1 or 2
            && IsKnownMessageType(header[1])
            && IsKnownMessageId(header[2])
            && count is >= HartIpConstants.HeaderLength and <= HartIpConstants.MaxMessageLength;
    }

    internal static bool IsKnownMessageType(byte type) => type is HartIpConstants.MessageTypeRequest or HartIpConstants.MessageTypeResponse
        or HartIpConstants.MessageTypePublish or HartIpConstants.MessageTypeError or HartIpConstants.MessageTypeNak;

    internal static bool IsKnownMessageId(byte id) => id is <= HartIpConstants.ReadAuditLog or HartIpConstants.Discovery;

    private static void CheckHeader(ref HartIpDecoded d, int length, Direction direction)
    {
        if (d.Version is not (1 or 2)) d.Anomalies |= HartIpAnomalies.UnknownVersion;
        if (!IsKnownMessageType(d.MessageType)) d.Anomalies |= HartIpAnomalies.UnknownMessageType;
        if (!IsKnownMessageId(d.MessageId)) d.Anomalies |= HartIpAnomalies.UnknownMessageId;
        if (d.ByteCount is < HartIpConstants.HeaderLength or > HartIpConstants.MaxMessageLength) d.Anomalies |= HartIpAnomalies.InvalidByteCount;
        else if (d.ByteCount != length) d.Anomalies |= HartIpAnomalies.LengthMismatch;
        bool fromServer = direction == Direction.ToClient;
        bool serverType = d.MessageType is not HartIpConstants.MessageTypeRequest;
        if (IsKnownMessageType(d.MessageType) && fromServer != serverType) d.Anomalies |= HartIpAnomalies.DirectionMismatch;
    }

    private static void ParseSessionInitiate(ref HartIpDecoded d, ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty && d.MessageType is HartIpConstants.MessageTypeError or HartIpConstants.MessageTypeNak) return;
        if (body.Length < HartIpConstants.SessionInitiateBodyLength)
        {
            d.Anomalies |= HartIpAnomalies.BodyTooShort;
            return;
        }
        d.HasSession = true;
        d.MasterType = body[0];
        d.InactivityTimer = BinaryPrimitives.ReadUInt32BigEndian(body[1..]);
        if (d.MasterType > 1) d.Anomalies |= HartIpAnomalies.InvalidMasterType;
        if (body.Length > HartIpConstants.SessionInitiateBodyLength) d.Anomalies |= HartIpAnomalies.TrailingBytes;
    }

    /// <summary>Decodes a HART frame (<paramref name="frame"/> starts at <paramref name="origin"/> in the message).</summary>
    private static void ParseHartFrame(ref HartIpDecoded d, ReadOnlySpan<byte> frame, int origin)
    {
        d.HasPdu = true;
        d.Delimiter = frame[0];
        int frameType = d.Delimiter & 0x07;
        if (frameType is not (HartIpConstants.FrameTypeBurst or HartIpConstants.FrameTypeStx or HartIpConstants.FrameTypeAck))
            d.Anomalies |= HartIpAnomalies.InvalidDelimiter;
        d.AddressLength = (d.Delimiter & HartIpConstants.DelimiterLongAddress) != 0 ? HartIpConstants.LongAddressLength : 1;
        d.AddressOffset = origin + 1;
        int position = 1 + d.AddressLength + ((d.Delimiter >> 5) & 0x03);
        if ((uint)(position + 2) > (uint)frame.Length)
        {
            d.AddressLength = Math.Min(d.AddressLength, Math.Max(frame.Length - 1, 0));
            d.Anomalies |= HartIpAnomalies.BodyTooShort;
            return;
        }

        d.Command = frame[position];
        d.HartByteCount = frame[position + 1];
        int dataStart = position + 2;
        int available = frame.Length - dataStart;
        int dataLength = d.HartByteCount;
        if (dataLength + 1 > available)
        {
            d.Anomalies |= HartIpAnomalies.HartByteCountMismatch;
            dataLength = Math.Min(dataLength, available);
        }
        else
        {
            int frameEnd = dataStart + dataLength + 1;
            byte parity = 0;
            foreach (byte b in frame[..frameEnd]) parity ^= b;
            if (parity != 0) d.Anomalies |= HartIpAnomalies.ChecksumMismatch;
            if (frameEnd < frame.Length) d.Anomalies |= HartIpAnomalies.TrailingBytes;
        }

        var data = frame.Slice(dataStart, dataLength);
        int skip = 0;
        if (frameType is HartIpConstants.FrameTypeAck or HartIpConstants.FrameTypeBurst)
        {
            if (data.Length >= 2)
            {
                d.HasStatus = true;
                d.HasResponseCode = true;
                d.ResponseCode = data[0];
                d.DeviceStatus = data[1];
                skip = 2;
            }
            else
            {
                d.Anomalies |= HartIpAnomalies.MissingStatus;
            }
        }

        if (d.Command == HartIpConstants.ExtendedCommand && data.Length >= skip + 2)
        {
            d.ExtendedCommand = BinaryPrimitives.ReadUInt16BigEndian(data[skip..]);
        }

        d.DataOffset = origin + dataStart + skip;
        d.DataLength = data.Length - skip;
        d.CommandCount = 1;
    }

    /// <summary>Direct PDU: device status(1) extended status(1) then commands: number(2) byte count(1) data.</summary>
    private static void ParseDirectPdu(ref HartIpDecoded d, ReadOnlySpan<byte> body, int origin)
    {
        if (body.Length < 2 + 3)
        {
            d.Anomalies |= HartIpAnomalies.BodyTooShort;
            return;
        }
        d.HasPdu = true;
        d.DeviceStatus = body[0];
        d.ExtendedStatus = body[1];
        d.IsDirect = true;
        int position = 2;
        while (position < body.Length)
        {
            if ((uint)(position + 3) > (uint)body.Length)
            {
                d.Anomalies |= HartIpAnomalies.BodyTooShort;
                return;
            }
            int command = BinaryPrimitives.ReadUInt16BigEndian(body[position..]);
            int count = body[position + 2];
            int dataStart = position + 3;
            if ((uint)count > (uint)(body.Length - dataStart))
            {
                d.Anomalies |= HartIpAnomalies.HartByteCountMismatch;
                count = body.Length - dataStart;
            }
            if (d.CommandCount == 0)
            {
                d.Command = command;
                d.HartByteCount = count;
                d.DataOffset = origin + dataStart;
                d.DataLength = count;
                // A response's command data starts with its response code (device status is PDU-wide).
                if (d.MessageType != HartIpConstants.MessageTypeRequest && count >= 1)
                {
                    d.HasResponseCode = true;
                    d.ResponseCode = body[dataStart];
                    d.DataOffset++;
                    d.DataLength--;
                }
            }
            d.CommandCount++;
            position = dataStart + count;
        }
    }
}
