using System.Buffers.Binary;
using OtSensor.Core.Buffers;

namespace OtSensor.Protocols.Ads;

/// <summary>Decodes AMS/TCP packets, AMS/UDP packets and TwinCAT discovery datagrams.</summary>
/// <remarks>
/// <para>Beckhoff Information System, ADS specification (TE1000 "ADS-Specification"): every field little-endian.</para>
/// <code>
///  AMS/TCP  0        2              6
///           +--------+--------------+---------------------------------------+
///           |Reserved| Length (LE)  | AMS header (32) + ADS data (Length-32) |
///           +--------+--------------+---------------------------------------+
///  AMS hdr  TargetNetId(6) TargetPort(2) SourceNetId(6) SourcePort(2) CommandId(2) StateFlags(2)
///           DataLength(4) ErrorCode(4) InvokeId(4)
///  StateFlags 0x0001 response, 0x0004 ADS command, 0x0040 sent over UDP.
///  ADS data  1 ReadDeviceInfo  req -            rsp Result Major Minor Build(2) Name(16)
///            2 Read            req Group Offset Length       rsp Result Length Data
///            3 Write           req Group Offset Length Data  rsp Result
///            4 ReadState       req -            rsp Result AdsState(2) DeviceState(2)
///            5 WriteControl    req AdsState(2) DeviceState(2) Length Data   rsp Result
///            6 AddNotification req Group Offset Length Mode MaxDelay CycleTime Reserved(16)  rsp Result Handle
///            7 DeleteNotification req Handle rsp Result
///            8 Notification    req Length Stamps ...
///            9 ReadWrite       req Group Offset ReadLength WriteLength Data  rsp Result Length Data
///  Discovery (UDP 48899): Magic 03 66 14 71, InvokeId(4), Service(4; bit 31 response), AmsNetId(6), AmsPort(2),
///           TagCount(4), then tags: Id(2) Length(2) Value.
/// </code>
/// <para>Never throws, never allocates: fields that do not fit are anomalies.</para>
/// </remarks>
public static class AdsParser
{
    /// <summary>Parses one AMS/TCP packet (AMS/TCP header included).</summary>
    /// <returns>False when fewer than 6 + 32 bytes were given.</returns>
    public static bool TryParseTcp(ReadOnlySpan<byte> packet, out AdsMessage message)
    {
        if (packet.Length < AdsConstants.TcpHeaderLength + AdsConstants.AmsHeaderLength)
        {
            message = default;
            return false;
        }
        message = new AdsMessage(packet);
        ref AdsDecoded d = ref message.Fields;
        d.HasTcpHeader = true;
        d.Reserved = BinaryPrimitives.ReadUInt16LittleEndian(packet);
        d.TcpLength = BinaryPrimitives.ReadUInt32LittleEndian(packet[2..]);
        if (d.Reserved != 0) d.Anomalies |= AdsAnomalies.ReservedNotZero;
        if (d.TcpLength != packet.Length - AdsConstants.TcpHeaderLength) d.Anomalies |= AdsAnomalies.LengthMismatch;
        ParseAms(ref d, packet, AdsConstants.TcpHeaderLength);
        return true;
    }

    /// <summary>Parses one AMS/UDP packet (AMS header first, state flag 0x0040).</summary>
    public static bool TryParseUdp(ReadOnlySpan<byte> datagram, out AdsMessage message)
    {
        if (datagram.Length < AdsConstants.AmsHeaderLength)
        {
            message = default;
            return false;
        }
        message = new AdsMessage(datagram);
        ref AdsDecoded d = ref message.Fields;
        ParseAms(ref d, datagram, 0);
        return true;
    }

    /// <summary>Parses one discovery/route datagram (magic 03 66 14 71).</summary>
    public static bool TryParseDiscovery(ReadOnlySpan<byte> datagram, out AdsMessage message)
    {
        if (datagram.Length < AdsConstants.DiscoveryHeaderLength || BinaryPrimitives.ReadUInt32LittleEndian(datagram) != AdsConstants.DiscoveryMagic)
        {
            message = default;
            return false;
        }
        message = new AdsMessage(datagram);
        ref AdsDecoded d = ref message.Fields;
        d.IsDiscovery = true;
        d.InvokeId = BinaryPrimitives.ReadUInt32LittleEndian(datagram[4..]);
        d.Service = BinaryPrimitives.ReadUInt32LittleEndian(datagram[8..]);
        d.NetIdOffset = 12;
        d.DiscoveryPort = BinaryPrimitives.ReadUInt16LittleEndian(datagram[18..]);
        d.TagCount = BinaryPrimitives.ReadUInt32LittleEndian(datagram[20..]);
        int position = AdsConstants.DiscoveryHeaderLength;
        for (uint i = 0; i < d.TagCount; i++)
        {
            if (datagram.Length - position < 4)
            {
                d.Anomalies |= AdsAnomalies.MalformedTags;
                break;
            }
            ushort id = BinaryPrimitives.ReadUInt16LittleEndian(datagram[position..]);
            int length = BinaryPrimitives.ReadUInt16LittleEndian(datagram[(position + 2)..]);
            position += 4;
            if (length > datagram.Length - position)
            {
                d.Anomalies |= AdsAnomalies.MalformedTags;
                break;
            }
            if (id == AdsConstants.TagHostName)
            {
                var value = datagram.Slice(position, length);
                int end = value.IndexOf((byte)0);
                d.HostNameOffset = position;
                d.HostNameLength = end < 0 ? length : end;
            }
            position += length;
        }
        return true;
    }

    private static void ParseAms(ref AdsDecoded d, ReadOnlySpan<byte> packet, int amsOffset)
    {
        var ams = packet[amsOffset..];
        d.AmsOffset = amsOffset;
        d.TargetPort = BinaryPrimitives.ReadUInt16LittleEndian(ams[6..]);
        d.SourcePort = BinaryPrimitives.ReadUInt16LittleEndian(ams[14..]);
        d.CommandId = BinaryPrimitives.ReadUInt16LittleEndian(ams[16..]);
        d.StateFlags = BinaryPrimitives.ReadUInt16LittleEndian(ams[18..]);
        d.DataLength = BinaryPrimitives.ReadUInt32LittleEndian(ams[20..]);
        d.ErrorCode = BinaryPrimitives.ReadUInt32LittleEndian(ams[24..]);
        d.InvokeId = BinaryPrimitives.ReadUInt32LittleEndian(ams[28..]);
        if (d.CommandId is 0 or > AdsConstants.ReadWrite) d.Anomalies |= AdsAnomalies.UnknownCommand;
        if ((d.StateFlags & AdsConstants.StateAdsCommand) == 0) d.Anomalies |= AdsAnomalies.NotAdsCommand;

        var data = ams[AdsConstants.AmsHeaderLength..];
        if (d.DataLength != data.Length)
        {
            d.Anomalies |= AdsAnomalies.LengthMismatch;
            if (d.DataLength < data.Length) data = data[..(int)d.DataLength];
        }

        // An error response (error code ≠ 0) may carry no data at all: nothing more to read.
        if ((d.StateFlags & AdsConstants.StateResponse) != 0 && d.ErrorCode != 0 && data.IsEmpty) return;
        var reader = new SpanReader(data);
        bool response = (d.StateFlags & AdsConstants.StateResponse) != 0;
        bool ok = response ? ParseResponse(ref d, ref reader, amsOffset + AdsConstants.AmsHeaderLength) : ParseRequest(ref d, ref reader);
        if (!ok) d.Anomalies |= AdsAnomalies.DataTooShort;
    }

    private static bool ParseRequest(ref AdsDecoded d, ref SpanReader r)
    {
        switch (d.CommandId)
        {
            case AdsConstants.Read:
                if (!ReadIndex(ref d, ref r) || !r.TryReadUInt32LittleEndian(out d.Length)) return false;
                d.HasLength = true;
                return true;
            case AdsConstants.Write:
                if (!ReadIndex(ref d, ref r) || !r.TryReadUInt32LittleEndian(out d.Length)) return false;
                d.HasLength = true;
                if (d.Length != r.Remaining) d.Anomalies |= AdsAnomalies.InnerLengthMismatch;
                return true;
            case AdsConstants.WriteControl:
                if (!r.TryReadUInt16LittleEndian(out d.AdsState) || !r.TryReadUInt16LittleEndian(out d.DeviceState) || !r.TryReadUInt32LittleEndian(out d.Length)) return false;
                d.HasState = true;
                d.HasLength = true;
                if (d.AdsState > 16) d.Anomalies |= AdsAnomalies.UnknownAdsState;
                if (d.Length != r.Remaining) d.Anomalies |= AdsAnomalies.InnerLengthMismatch;
                return true;
            case AdsConstants.AddNotification:
                if (!ReadIndex(ref d, ref r) || !r.TryReadUInt32LittleEndian(out d.Length)) return false;
                d.HasLength = true;
                return r.Remaining >= 12 + 16; // mode, max delay, cycle time, reserved
            case AdsConstants.DeleteNotification:
                if (!r.TryReadUInt32LittleEndian(out d.Handle)) return false;
                d.HasHandle = true;
                return true;
            case AdsConstants.Notification:
                if (!r.TryReadUInt32LittleEndian(out d.Length)) return false;
                d.HasLength = true;
                if (d.Length != r.Remaining) d.Anomalies |= AdsAnomalies.InnerLengthMismatch;
                return true;
            case AdsConstants.ReadWrite:
                if (!ReadIndex(ref d, ref r) || !r.TryReadUInt32LittleEndian(out d.Length) || !r.TryReadUInt32LittleEndian(out d.WriteLength)) return false;
                d.HasLength = true;
                d.HasWriteLength = true;
                if (d.WriteLength != r.Remaining) d.Anomalies |= AdsAnomalies.InnerLengthMismatch;
                return true;
            default: // 1 Read Device Info and 4 Read State carry no data
                return true;
        }
    }

    private static bool ParseResponse(ref AdsDecoded d, ref SpanReader r, int dataOffset)
    {
        if (d.CommandId is 0 or > AdsConstants.ReadWrite || d.CommandId == AdsConstants.Notification) return true;
        if (!r.TryReadUInt32LittleEndian(out d.Result)) return false;
        d.HasResult = true;
        switch (d.CommandId)
        {
            case AdsConstants.ReadDeviceInfo:
                if (r.Remaining < AdsConstants.DeviceInfoLength - 4) return d.Result != 0;
                r.TryReadByte(out d.Major);
                r.TryReadByte(out d.Minor);
                r.TryReadUInt16LittleEndian(out d.Build);
                d.DeviceNameOffset = dataOffset + r.Consumed;
                d.HasDeviceInfo = true;
                return true;
            case AdsConstants.Read or AdsConstants.ReadWrite:
                if (!r.TryReadUInt32LittleEndian(out d.Length)) return d.Result != 0;
                d.HasLength = true;
                if (d.Length != r.Remaining) d.Anomalies |= AdsAnomalies.InnerLengthMismatch;
                return true;
            case AdsConstants.ReadState:
                if (!r.TryReadUInt16LittleEndian(out d.AdsState) || !r.TryReadUInt16LittleEndian(out d.DeviceState)) return d.Result != 0;
                d.HasState = true;
                return true;
            case AdsConstants.AddNotification:
                if (!r.TryReadUInt32LittleEndian(out d.Handle)) return d.Result != 0;
                d.HasHandle = true;
                return true;
            default:
                return true;
        }
    }

    private static bool ReadIndex(ref AdsDecoded d, ref SpanReader r)
    {
        if (!r.TryReadUInt32LittleEndian(out d.IndexGroup) || !r.TryReadUInt32LittleEndian(out d.IndexOffset)) return false;
        d.HasIndex = true;
        return true;
    }
}
