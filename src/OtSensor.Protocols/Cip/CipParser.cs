using System.Buffers.Binary;
using OtSensor.Protocols.Registry;

namespace OtSensor.Protocols.Cip;

/// <summary>
/// Parses CIP explicit messages (Message Router requests and replies) and emits one <see cref="CipMessage"/>
/// per service, including each service embedded in a Multiple Service Packet or an Unconnected Send.
/// </summary>
/// <remarks>
/// <para>ODVA CIP Vol. 1 §2-4.1 (Message Router request), §2-4.2 (reply), appendix C-1 (paths),
/// §3-5.5 (Connection Manager: Forward Open/Close, Unconnected Send), appendix A-4.10 (Multiple Service Packet).</para>
/// <code>
/// Request                                   Reply
/// +---------+-----------+---------+------+  +---------+------+--------+-------+-----------+------+
/// | service | path size | path    | data |  | service | 0x00 | general| ext.  | ext.      | data |
/// | (1)     | words (1) | (2*n)   | ...  |  | |0x80   | (1)  | status | words | status    | ...  |
/// +---------+-----------+---------+------+  +---------+------+--------+-------+-----------+------+
///
/// Multiple Service Packet data           Unconnected Send data (class 6, service 0x52)
/// +-------+----------+-----+---------+   +------+---------+------+---------+-----+-------+------+-------+
/// | count | offset 1 | ... | service |   | prio | timeout | size | message | pad | route | 0x00 | route |
/// | (2)   | (2)      |     | 1 ...   |   | tick | ticks   | (2)  | (size)  | 0/1 | words |      | path  |
/// +-------+----------+-----+---------+   +------+---------+------+---------+-----+-------+------+-------+
/// </code>
/// <para>Offsets of a Multiple Service Packet count from the start of its data (the count field). Every length
/// is checked against the bytes that remain; nesting stops at <see cref="CipConstants.MaxDepth"/>.</para>
/// </remarks>
public static class CipParser
{
    /// <summary>Parses <paramref name="message"/> and hands it, then every service it embeds, to <paramref name="sink"/>.</summary>
    /// <param name="connected">True when the message came in a connected data item (class 3 over SendUnitData).</param>
    /// <param name="replyClass">For a reply, the class of the request it answers when the session paired them; else -1.</param>
    /// <returns>For a request, what names its reply (see <see cref="CipRequestSummary"/>); default for a reply.</returns>
    public static CipRequestSummary Emit(ReadOnlySpan<byte> message, bool connected, uint connectionId, ushort sequenceCount, IProtocolEventSink sink, int replyClass = -1)
    {
        ArgumentNullException.ThrowIfNull(sink);
        return EmitAt(message, 0, 0, connected, connectionId, sequenceCount, sink, replyClass);
    }

    /// <summary>Parses one message without emitting it or what it embeds.</summary>
    public static CipMessage Parse(ReadOnlySpan<byte> message)
    {
        var parsed = new CipMessage(message);
        Decode(message, out parsed.Fields);
        return parsed;
    }

    private static CipRequestSummary EmitAt(ReadOnlySpan<byte> message, int depth, byte parent, bool connected, uint connectionId, ushort sequenceCount, IProtocolEventSink sink, int replyClass = -1)
    {
        var self = new CipMessage(message);
        ref CipDecoded d = ref self.Fields;
        Decode(message, out d);
        if (d.IsResponse && replyClass >= 0)
        {
            d.ClassId = replyClass;
            d.Operation = CipOperations.Of((byte)(d.ServiceRaw & ~CipConstants.ResponseBit), replyClass);
        }

        d.Depth = (byte)depth;
        d.ParentService = parent;
        d.Connected = connected;
        d.ConnectionId = connectionId;
        d.SequenceCount = sequenceCount;
        bool nest = depth + 1 < CipConstants.MaxDepth;
        byte service = (byte)(d.ServiceRaw & ~CipConstants.ResponseBit);
        bool embeds = service == CipConstants.MultipleServicePacket
            || (!d.IsResponse && service == CipConstants.UnconnectedSend && d.ClassId == CipConstants.ConnectionManagerClass);
        if (embeds && !nest) d.Anomalies |= CipAnomalies.NestingTooDeep;
        sink.OnCip(in self);
        var summary = d.IsResponse || message.IsEmpty ? default : new CipRequestSummary(d.ServiceRaw, d.ClassId, 0, -1);
        if (!embeds || !nest) return summary;

        var data = message.Slice(d.DataOffset, d.DataLength);
        if (service == CipConstants.MultipleServicePacket)
        {
            // A failed packet (other than "embedded service error", 0x1E) carries no replies.
            if (!d.IsResponse || d.GeneralStatus == 0 || d.GeneralStatus == 0x1E)
                EmitMultiple(data, depth + 1, connected, connectionId, sequenceCount, sink);
        }
        else if (data.Length >= 4)
        {
            int size = BinaryPrimitives.ReadUInt16LittleEndian(data[2..]);
            if ((uint)size <= (uint)(data.Length - 4) && size > 0)
            {
                var inner = EmitAt(data.Slice(4, size), depth + 1, CipConstants.UnconnectedSend, connected, connectionId, sequenceCount, sink);
                summary = summary with { EmbeddedService = inner.Service, EmbeddedClassId = inner.ClassId };
            }
        }
        return summary;
    }

    private static void EmitMultiple(ReadOnlySpan<byte> data, int depth, bool connected, uint connectionId, ushort sequenceCount, IProtocolEventSink sink)
    {
        if (data.Length < 2) return;
        int count = BinaryPrimitives.ReadUInt16LittleEndian(data);
        int table = 2 + (2 * Math.Min(count, CipConstants.MaxEmbeddedServices));
        if (count > CipConstants.MaxEmbeddedServices || table > data.Length) return;
        for (int i = 0; i < count; i++)
        {
            int start = BinaryPrimitives.ReadUInt16LittleEndian(data[(2 + (2 * i))..]);
            int end = i + 1 < count ? BinaryPrimitives.ReadUInt16LittleEndian(data[(4 + (2 * i))..]) : data.Length;
            if (end > data.Length || end <= start) end = data.Length; // a bad next offset: this service runs to the end
            if (start < table || start >= end) continue;
            _ = EmitAt(data[start..end], depth, CipConstants.MultipleServicePacket, connected, connectionId, sequenceCount, sink);
        }
    }

    internal static void Decode(ReadOnlySpan<byte> m, out CipDecoded d)
    {
        d = default;
        d.ClassId = -1;
        d.InstanceId = -1;
        d.AttributeId = -1;
        d.MemberId = -1;
        if (m.IsEmpty)
        {
            d.Anomalies = CipAnomalies.Truncated;
            return;
        }

        d.ServiceRaw = m[0];
        d.IsResponse = (m[0] & CipConstants.ResponseBit) != 0;
        if (d.IsResponse) DecodeReply(m, ref d);
        else DecodeRequest(m, ref d);
        byte service = (byte)(d.ServiceRaw & ~CipConstants.ResponseBit);
        if (service == CipConstants.MultipleServicePacket) CheckMultiple(m.Slice(d.DataOffset, d.DataLength), ref d);
        d.Operation = CipOperations.Of(service, d.ClassId);
    }

    /// <summary>Validates the count and offsets of a Multiple Service Packet: each inside the data, increasing.</summary>
    private static void CheckMultiple(ReadOnlySpan<byte> data, ref CipDecoded d)
    {
        if (data.IsEmpty && d.IsResponse && d.GeneralStatus != 0) return;
        if (data.Length < 2)
        {
            d.Anomalies |= CipAnomalies.BadServiceOffset;
            return;
        }

        int count = BinaryPrimitives.ReadUInt16LittleEndian(data);
        d.ServiceCount = (ushort)count;
        int table = 2 + (2 * count);
        if (count > CipConstants.MaxEmbeddedServices || table > data.Length)
        {
            d.Anomalies |= CipAnomalies.BadServiceOffset;
            return;
        }

        int previous = table - 1;
        for (int i = 0; i < count; i++)
        {
            int start = BinaryPrimitives.ReadUInt16LittleEndian(data[(2 + (2 * i))..]);
            if (start <= previous || start >= data.Length)
            {
                d.Anomalies |= CipAnomalies.BadServiceOffset;
                return;
            }
            previous = start;
        }
    }

    private static void DecodeRequest(ReadOnlySpan<byte> m, ref CipDecoded d)
    {
        if (m.Length < CipConstants.RequestHeaderLength)
        {
            d.Anomalies |= CipAnomalies.Truncated;
            d.DataOffset = m.Length;
            return;
        }

        d.PathWords = m[1];
        int pathLength = 2 * d.PathWords;
        int available = m.Length - CipConstants.RequestHeaderLength;
        if (pathLength > available)
        {
            d.Anomalies |= CipAnomalies.PathTooLong;
            pathLength = available;
        }

        ParsePath(m.Slice(CipConstants.RequestHeaderLength, pathLength), CipConstants.RequestHeaderLength, ref d);
        d.DataOffset = CipConstants.RequestHeaderLength + pathLength;
        d.DataLength = m.Length - d.DataOffset;
        var data = m.Slice(d.DataOffset, d.DataLength);
        if (d.ClassId != CipConstants.ConnectionManagerClass) return;
        switch (d.ServiceRaw)
        {
            case CipConstants.ForwardOpen:
            case CipConstants.LargeForwardOpen:
                DecodeForwardOpen(data, d.ServiceRaw == CipConstants.LargeForwardOpen, ref d);
                break;
            case CipConstants.ForwardClose:
                DecodeForwardClose(data, ref d);
                break;
            case CipConstants.UnconnectedSend:
                if (data.Length >= 4)
                {
                    d.HasTimeout = true;
                    d.PriorityTick = data[0];
                    d.TimeoutTicks = data[1];
                    if (BinaryPrimitives.ReadUInt16LittleEndian(data[2..]) > data.Length - 4) d.Anomalies |= CipAnomalies.BadEmbeddedLength;
                }
                else
                {
                    d.Anomalies |= CipAnomalies.BadEmbeddedLength;
                }
                break;
        }
    }

    private static void DecodeReply(ReadOnlySpan<byte> m, ref CipDecoded d)
    {
        if (m.Length < CipConstants.ResponseHeaderLength)
        {
            d.Anomalies |= CipAnomalies.Truncated;
            if (m.Length >= 3) d.GeneralStatus = m[2];
            d.DataOffset = m.Length;
            return;
        }

        if (m[1] != 0) d.Anomalies |= CipAnomalies.ReservedNotZero;
        d.GeneralStatus = m[2];
        d.ExtendedStatusWords = m[3];
        int extLength = 2 * m[3];
        int available = m.Length - CipConstants.ResponseHeaderLength;
        if (extLength > available)
        {
            d.Anomalies |= CipAnomalies.ExtendedStatusTooLong;
            extLength = available & ~1;
            d.ExtendedStatusWords = (byte)(extLength / 2);
        }

        if (extLength >= 2) d.ExtendedStatus = BinaryPrimitives.ReadUInt16LittleEndian(m[CipConstants.ResponseHeaderLength..]);
        d.DataOffset = CipConstants.ResponseHeaderLength + extLength;
        d.DataLength = m.Length - d.DataOffset;

        // A Forward Open reply is recognised by its exact shape: the class is not on the wire in a reply.
        byte service = (byte)(d.ServiceRaw & ~CipConstants.ResponseBit);
        var data = m.Slice(d.DataOffset, d.DataLength);
        if ((service == CipConstants.ForwardOpen || service == CipConstants.LargeForwardOpen) && d.GeneralStatus == 0
            && data.Length >= CipConstants.ForwardOpenReplyLength
            && data.Length == CipConstants.ForwardOpenReplyLength + (2 * data[24]))
        {
            d.HasConnection = true;
            d.OtConnectionId = BinaryPrimitives.ReadUInt32LittleEndian(data);
            d.ToConnectionId = BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
            d.ConnectionSerial = BinaryPrimitives.ReadUInt16LittleEndian(data[8..]);
            d.OriginatorVendor = BinaryPrimitives.ReadUInt16LittleEndian(data[10..]);
            d.OriginatorSerial = BinaryPrimitives.ReadUInt32LittleEndian(data[12..]);
            d.OtRpi = BinaryPrimitives.ReadUInt32LittleEndian(data[16..]); // actual packet intervals in a reply
            d.ToRpi = BinaryPrimitives.ReadUInt32LittleEndian(data[20..]);
        }
    }

    /// <summary>Forward Open request (Vol. 1 §3-5.5.2.1, Table 3-5.16); Large Forward Open widens both parameter words to 32 bits.</summary>
    private static void DecodeForwardOpen(ReadOnlySpan<byte> data, bool large, ref CipDecoded d)
    {
        int fixedLength = large ? CipConstants.LargeForwardOpenFixedLength : CipConstants.ForwardOpenFixedLength;
        if (data.Length < fixedLength)
        {
            d.Anomalies |= CipAnomalies.ShortConnectionData;
            return;
        }

        d.HasConnection = true;
        d.HasTimeout = true;
        d.PriorityTick = data[0];
        d.TimeoutTicks = data[1];
        d.OtConnectionId = BinaryPrimitives.ReadUInt32LittleEndian(data[2..]);
        d.ToConnectionId = BinaryPrimitives.ReadUInt32LittleEndian(data[6..]);
        d.ConnectionSerial = BinaryPrimitives.ReadUInt16LittleEndian(data[10..]);
        d.OriginatorVendor = BinaryPrimitives.ReadUInt16LittleEndian(data[12..]);
        d.OriginatorSerial = BinaryPrimitives.ReadUInt32LittleEndian(data[14..]);
        d.TimeoutMultiplier = data[18];
        int p = 22;
        d.OtRpi = BinaryPrimitives.ReadUInt32LittleEndian(data[p..]);
        p += 4;
        d.OtParameters = large ? BinaryPrimitives.ReadUInt32LittleEndian(data[p..]) : BinaryPrimitives.ReadUInt16LittleEndian(data[p..]);
        p += large ? 4 : 2;
        d.ToRpi = BinaryPrimitives.ReadUInt32LittleEndian(data[p..]);
        p += 4;
        d.ToParameters = large ? BinaryPrimitives.ReadUInt32LittleEndian(data[p..]) : BinaryPrimitives.ReadUInt16LittleEndian(data[p..]);
        p += large ? 4 : 2;
        d.TransportTrigger = data[p];
        if (2 * data[p + 1] > data.Length - fixedLength) d.Anomalies |= CipAnomalies.ShortConnectionData;
    }

    /// <summary>Forward Close request (Vol. 1 §3-5.5.3): tick, timeout, serial, vendor, originator serial, path size, reserved, path.</summary>
    private static void DecodeForwardClose(ReadOnlySpan<byte> data, ref CipDecoded d)
    {
        if (data.Length < 12)
        {
            d.Anomalies |= CipAnomalies.ShortConnectionData;
            return;
        }

        d.HasConnection = true;
        d.HasTimeout = true;
        d.PriorityTick = data[0];
        d.TimeoutTicks = data[1];
        d.ConnectionSerial = BinaryPrimitives.ReadUInt16LittleEndian(data[2..]);
        d.OriginatorVendor = BinaryPrimitives.ReadUInt16LittleEndian(data[4..]);
        d.OriginatorSerial = BinaryPrimitives.ReadUInt32LittleEndian(data[6..]);
    }

    /// <summary>
    /// Walks the EPATH (Vol. 1 appendix C-1.4): port, logical, network, symbolic and data segments. The first class,
    /// instance, member, attribute and ANSI symbol are kept; an unknown or overrunning segment stops the walk.
    /// </summary>
    private static void ParsePath(ReadOnlySpan<byte> path, int baseOffset, ref CipDecoded d)
    {
        int i = 0;
        while (i < path.Length)
        {
            int next = SegmentEnd(path, i, baseOffset, ref d);
            if (next < 0 || next > path.Length)
            {
                d.Anomalies |= CipAnomalies.BadPathSegment;
                return;
            }

            if (d.SegmentCount < byte.MaxValue) d.SegmentCount++;
            i = next;
        }
    }

    /// <summary>End offset of the segment at <paramref name="i"/>, or -1 when it is unknown or overruns.</summary>
    private static int SegmentEnd(ReadOnlySpan<byte> path, int i, int baseOffset, ref CipDecoded d)
    {
        byte seg = path[i];
        int remaining = path.Length - i;
        switch (seg >> 5)
        {
            case 0: // port segment: port id in the low nibble, bit 4 = link address size follows
            {
                bool extendedLink = (seg & 0x10) != 0;
                int j = i + 1;
                int linkLength = 1;
                if (extendedLink)
                {
                    if (j >= path.Length) return -1;
                    linkLength = path[j];
                    j++;
                }
                if ((seg & 0x0F) == 0x0F) j += 2; // extended port identifier
                j += linkLength;
                if ((j - i) % 2 != 0) j++; // padded to an even length
                return j > path.Length ? -1 : j;
            }
            case 1: // logical segment: type in bits 4..2, format in bits 1..0
            {
                int type = (seg >> 2) & 0x07;
                int format = seg & 0x03;
                if (type == 5) // special: electronic key, format 4 is 8 bytes of key data
                    return remaining >= 10 && path[i + 1] == 4 ? i + 10 : -1;
                long value;
                int length;
                switch (format)
                {
                    case 0:
                        if (remaining < 2) return -1;
                        value = path[i + 1];
                        length = 2;
                        break;
                    case 1:
                        if (remaining < 4) return -1;
                        value = BinaryPrimitives.ReadUInt16LittleEndian(path[(i + 2)..]);
                        length = 4;
                        break;
                    case 2:
                        if (remaining < 6) return -1;
                        value = BinaryPrimitives.ReadUInt32LittleEndian(path[(i + 2)..]);
                        length = 6;
                        break;
                    default:
                        return -1;
                }

                switch (type)
                {
                    case 0 when d.ClassId < 0: d.ClassId = (int)value; break;
                    case 1 or 3 when d.InstanceId < 0: d.InstanceId = value; break;
                    case 2 when d.MemberId < 0: d.MemberId = (int)Math.Min(value, int.MaxValue); break;
                    case 4 when d.AttributeId < 0: d.AttributeId = (int)Math.Min(value, int.MaxValue); break;
                }
                return i + length;
            }
            case 2: // network segment: 0x50 extended (word count follows), others one data byte
                if (remaining < 2) return -1;
                return seg == 0x50 ? i + 2 + (2 * path[i + 1]) : i + 2;
            case 3: // symbolic segment: size in the low 5 bits (0: extended format byte follows)
            {
                int size = seg & 0x1F;
                if (size == 0)
                {
                    if (remaining < 2) return -1;
                    size = 1 + ((path[i + 1] & 0x1F) * (1 + ((path[i + 1] >> 6) & 0x01)));
                }
                int end = i + 1 + size;
                if ((end - i) % 2 != 0) end++;
                return end;
            }
            case 4: // data segment: 0x80 simple (word count), 0x91 ANSI extended symbol (byte count, padded)
                if (remaining < 2) return -1;
                if (seg == 0x80) return i + 2 + (2 * path[i + 1]);
                if (seg == 0x91)
                {
                    int n = path[i + 1];
                    if (n > remaining - 2) return -1;
                    if (d.SymbolLength == 0)
                    {
                        d.SymbolOffset = baseOffset + i + 2;
                        d.SymbolLength = n;
                    }
                    return i + 2 + n + (n & 1);
                }
                return -1;
            default:
                return -1;
        }
    }
}
