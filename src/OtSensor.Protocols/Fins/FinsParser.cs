using System.Buffers.Binary;
using OtSensor.Core.Parsing;

namespace OtSensor.Protocols.Fins;

/// <summary>Decodes FINS frames (UDP) and FINS/TCP messages.</summary>
/// <remarks>
/// <para>Omron FINS Commands Reference Manual (W227) and CS/CJ Communications Commands Reference Manual (W342): a
/// 10-byte header, the command code, and for responses a 2-byte end code before the data. FINS/TCP (CS/CJ Ethernet
/// Unit manual W421): a 16-byte header before each node-address exchange or FINS frame.</para>
/// <code>
///  FINS   ICF RSV GCT DNA DA1 DA2 SNA SA1 SA2 SID | MRC SRC | [MRES SRES] | data
///         ICF bit 7 = 1, bit 6 = 1 response, bit 0 = 1 no response required; GCT gateway count (≤ 7).
///  FINS/TCP  "FINS" | Length (bytes after this field) | Command (0 client node, 1 server node, 2 frame, 3 error)
///            | Error code | command 0: client node(4); command 1: client node(4) server node(4); command 2: FINS frame
/// </code>
/// <para>Never throws, never allocates.</para>
/// </remarks>
public static class FinsParser
{
    /// <summary>Parses a FINS frame carried alone (UDP datagram).</summary>
    /// <returns>False when fewer than 10 bytes were given.</returns>
    public static bool TryParseFrame(ReadOnlySpan<byte> frame, Direction direction, out FinsMessage message)
    {
        if (frame.Length < FinsConstants.HeaderLength)
        {
            message = default;
            return false;
        }
        message = new FinsMessage(frame);
        ref FinsDecoded d = ref message.Fields;
        ParseFrame(ref d, frame, 0, direction);
        return true;
    }

    /// <summary>Parses one FINS/TCP message (16-byte header included).</summary>
    /// <returns>False when fewer than 16 bytes were given.</returns>
    public static bool TryParseTcp(ReadOnlySpan<byte> packet, Direction direction, out FinsMessage message)
    {
        if (packet.Length < FinsConstants.TcpHeaderLength)
        {
            message = default;
            return false;
        }
        message = new FinsMessage(packet);
        ref FinsDecoded d = ref message.Fields;
        d.HasTcpHeader = true;
        d.Command = -1;
        d.TcpLength = BinaryPrimitives.ReadUInt32BigEndian(packet[4..]);
        d.TcpCommand = BinaryPrimitives.ReadUInt32BigEndian(packet[8..]);
        d.TcpErrorCode = BinaryPrimitives.ReadUInt32BigEndian(packet[12..]);
        if (BinaryPrimitives.ReadUInt32BigEndian(packet) != FinsConstants.TcpMagic || d.TcpLength != packet.Length - 8
            || FinsNames.TcpCommand(d.TcpCommand) is null)
            d.Anomalies |= FinsAnomalies.InvalidTcpHeader;
        if (d.TcpErrorCode != 0) d.Anomalies |= FinsAnomalies.TcpError;

        var body = packet[FinsConstants.TcpHeaderLength..];
        switch (d.TcpCommand)
        {
            case FinsConstants.TcpNodeAddressClient when body.Length >= 4:
                d.HasNodes = true;
                d.ClientNode = BinaryPrimitives.ReadUInt32BigEndian(body);
                break;
            case FinsConstants.TcpNodeAddressServer when body.Length >= 8:
                d.HasNodes = true;
                d.ClientNode = BinaryPrimitives.ReadUInt32BigEndian(body);
                d.ServerNode = BinaryPrimitives.ReadUInt32BigEndian(body[4..]);
                break;
            case FinsConstants.TcpFrameSend:
                if (body.Length >= FinsConstants.HeaderLength) ParseFrame(ref d, body, FinsConstants.TcpHeaderLength, direction);
                else d.Anomalies |= FinsAnomalies.FrameTooShort;
                break;
            case FinsConstants.TcpNodeAddressClient or FinsConstants.TcpNodeAddressServer:
                d.Anomalies |= FinsAnomalies.FrameTooShort;
                break;
        }
        return true;
    }

    /// <summary>True when the 10 header bytes and the command code can start a FINS frame.</summary>
    internal static bool IsPlausibleFrame(ReadOnlySpan<byte> frame)
    {
        if (frame.Length < FinsConstants.MinFrameLength) return false;
        byte icf = frame[0];
        bool response = (icf & FinsConstants.IcfResponse) != 0;
        return (icf & 0xBE) == FinsConstants.IcfGateway && frame[1] == 0 && frame[2] <= 7
            && FinsNames.Command((frame[10] << 8) | frame[11]) is not null
            && (!response || frame.Length >= FinsConstants.MinFrameLength + 2);
    }

    private static void ParseFrame(ref FinsDecoded d, ReadOnlySpan<byte> frame, int origin, Direction direction)
    {
        d.HasFrame = true;
        d.FrameOffset = origin;
        d.Icf = frame[0];
        d.Gct = frame[2];
        d.Dna = frame[3];
        d.Da1 = frame[4];
        d.Da2 = frame[5];
        d.Sna = frame[6];
        d.Sa1 = frame[7];
        d.Sa2 = frame[8];
        d.Sid = frame[9];
        d.Command = -1;
        if ((d.Icf & 0xBE) != FinsConstants.IcfGateway) d.Anomalies |= FinsAnomalies.InvalidIcf;
        if (frame[1] != 0) d.Anomalies |= FinsAnomalies.ReservedNotZero;
        if (d.Gct > 7) d.Anomalies |= FinsAnomalies.InvalidGatewayCount;
        bool response = (d.Icf & FinsConstants.IcfResponse) != 0;
        if (response != (direction == Direction.ToClient)) d.Anomalies |= FinsAnomalies.DirectionMismatch;
        if (frame.Length < FinsConstants.MinFrameLength)
        {
            d.Anomalies |= FinsAnomalies.FrameTooShort;
            return;
        }
        d.Command = (frame[10] << 8) | frame[11];
        if (FinsNames.Command(d.Command) is null) d.Anomalies |= FinsAnomalies.UnknownCommand;
        int data = FinsConstants.MinFrameLength;
        if (response)
        {
            if (frame.Length < data + 2)
            {
                d.Anomalies |= FinsAnomalies.FrameTooShort;
                d.DataOffset = origin + data;
                return;
            }
            d.HasEndCode = true;
            d.EndCode = BinaryPrimitives.ReadUInt16BigEndian(frame[data..]);
            data += 2;
        }
        d.DataOffset = origin + data;
        d.DataLength = frame.Length - data;
    }
}
