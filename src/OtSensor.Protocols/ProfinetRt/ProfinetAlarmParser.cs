using System.Buffers.Binary;

namespace OtSensor.Protocols.ProfinetRt;

/// <summary>Decodes one RTA alarm PDU (the bytes after FrameID 0xFC01 or 0xFE01).</summary>
/// <remarks>
/// IEC 61158-6-10 §4.10.3 (alarm protocol machine, RTA-PDU), all fields big endian:
/// <code>
///  0          2          4       5        6            8           10           12
///  +----------+----------+-------+--------+------------+-----------+------------+-------------+
///  | AlarmDst | AlarmSrc |PDUType|AddFlags| SendSeqNum | AckSeqNum | VarPartLen | VarPart ... |
///  | Endpoint | Endpoint |ver|typ|        |            |           |            |             |
///  +----------+----------+-------+--------+------------+-----------+------------+-------------+
/// </code>
/// PDUType low nibble: 1 DATA, 2 NACK, 3 ACK, 4 ERR; high nibble: version 1. A DATA VarPart holds an
/// AlarmNotification block (0x0001 high, 0x0002 low) or an AlarmAck block (0x8001/0x8002); an ERR VarPart holds a
/// PNIOStatus. Ethernet padding follows VarPartLen and is ignored.
/// </remarks>
public static class ProfinetAlarmParser
{
    internal static void Parse(ReadOnlySpan<byte> pdu, int frameId, out ProfinetAlarmDecoded d)
    {
        d = ProfinetAlarmDecoded.Empty();
        d.FrameId = frameId;
        if (pdu.Length < ProfinetRtConstants.RtaHeaderLength)
        {
            d.Anomalies |= ProfinetAlarmAnomalies.Truncated;
            return;
        }
        d.DestinationEndpoint = BinaryPrimitives.ReadUInt16BigEndian(pdu);
        d.SourceEndpoint = BinaryPrimitives.ReadUInt16BigEndian(pdu[2..]);
        d.PduType = pdu[4] & 0x0F;
        d.Version = pdu[4] >> 4;
        d.AddFlags = pdu[5];
        d.SendSequence = BinaryPrimitives.ReadUInt16BigEndian(pdu[6..]);
        d.AckSequence = BinaryPrimitives.ReadUInt16BigEndian(pdu[8..]);
        d.VarPartLength = BinaryPrimitives.ReadUInt16BigEndian(pdu[10..]);
        if (d.PduType is < ProfinetRtConstants.RtaData or > ProfinetRtConstants.RtaError || d.Version != 1)
            d.Anomalies |= ProfinetAlarmAnomalies.BadPduType;
        var rest = pdu[ProfinetRtConstants.RtaHeaderLength..];
        if ((uint)d.VarPartLength > (uint)rest.Length) d.Anomalies |= ProfinetAlarmAnomalies.VarPartBeyondFrame;
        var varPart = rest[..Math.Min(d.VarPartLength, rest.Length)];
        switch (d.PduType)
        {
            case ProfinetRtConstants.RtaData:
                ParseBlock(varPart, ref d);
                break;
            case ProfinetRtConstants.RtaError:
                if (varPart.Length >= 4) d.PnioStatus = BinaryPrimitives.ReadUInt32BigEndian(varPart);
                else d.Anomalies |= ProfinetAlarmAnomalies.BlockMalformed;
                break;
        }
    }

    private static void ParseBlock(ReadOnlySpan<byte> block, ref ProfinetAlarmDecoded d)
    {
        if (block.Length < ProfinetRtConstants.BlockHeaderLength)
        {
            d.Anomalies |= ProfinetAlarmAnomalies.BlockMalformed;
            return;
        }
        d.BlockType = BinaryPrimitives.ReadUInt16BigEndian(block);
        int length = BinaryPrimitives.ReadUInt16BigEndian(block[2..]);
        // BlockLength counts from the version octets on: 4 octets of type and length precede it.
        if ((uint)length > (uint)(block.Length - 4)) d.Anomalies |= ProfinetAlarmAnomalies.BlockMalformed;
        bool notification = d.BlockType is 0x0001 or 0x0002;
        bool ack = d.BlockType is 0x8001 or 0x8002;
        if (!notification && !ack)
        {
            d.Anomalies |= ProfinetAlarmAnomalies.UnexpectedBlock;
            return;
        }
        int fixedLength = notification ? ProfinetRtConstants.AlarmNotificationFixedLength : ProfinetRtConstants.AlarmAckFixedLength;
        if (block.Length < fixedLength || length + 4 < fixedLength)
        {
            d.Anomalies |= ProfinetAlarmAnomalies.BlockMalformed;
            return;
        }
        var b = block[ProfinetRtConstants.BlockHeaderLength..];
        d.AlarmType = BinaryPrimitives.ReadUInt16BigEndian(b);
        d.Api = BinaryPrimitives.ReadUInt32BigEndian(b[2..]);
        d.Slot = BinaryPrimitives.ReadUInt16BigEndian(b[6..]);
        d.Subslot = BinaryPrimitives.ReadUInt16BigEndian(b[8..]);
        if (notification)
        {
            d.ModuleIdent = BinaryPrimitives.ReadUInt32BigEndian(b[10..]);
            d.SubmoduleIdent = BinaryPrimitives.ReadUInt32BigEndian(b[14..]);
            d.AlarmSpecifier = BinaryPrimitives.ReadUInt16BigEndian(b[18..]);
        }
        else
        {
            d.AlarmSpecifier = BinaryPrimitives.ReadUInt16BigEndian(b[10..]);
            d.PnioStatus = BinaryPrimitives.ReadUInt32BigEndian(b[12..]);
        }
    }
}
