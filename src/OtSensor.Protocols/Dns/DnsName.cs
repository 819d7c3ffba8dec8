namespace OtSensor.Protocols.Dns;

/// <summary>Reads a possibly compressed domain name in place, into dotted text on the caller's stack buffer.</summary>
/// <remarks>
/// <code>
/// name  = *label ( 0x00 / pointer )
/// label = length (1 octet, 1..63, top bits 00) + octets
/// pointer = 11 + 14-bit offset from the start of the message      (RFC 1035 §4.1.4)
/// </code>
/// Safety against hostile messages: every pointer must point strictly before the start of the label run it ends, so
/// the walk always moves backwards and cannot loop; hops are also capped at <see cref="DnsConstants.MaxPointerHops"/>;
/// the wire length of the expanded name is capped at 255 octets (RFC 1035 §3.1). Nothing is allocated: text goes to
/// a span the caller provides (at least <see cref="DnsConstants.MaxNameText"/> bytes), or nowhere when it is empty.
/// </remarks>
public static class DnsName
{
    /// <summary>
    /// Reads the name at <paramref name="offset"/>. <paramref name="next"/> is the offset just after the name where
    /// it appears (after the first pointer, if any). Returns <see cref="DnsAnomalies.None"/> on success.
    /// </summary>
    public static DnsAnomalies Read(ReadOnlySpan<byte> message, int offset, Span<byte> text, out int written, out int next)
    {
        written = 0;
        next = -1;
        int pos = offset;
        int runStart = offset;
        int hops = 0;
        int wire = 0;
        bool copy = !text.IsEmpty;
        while (true)
        {
            if ((uint)pos >= (uint)message.Length) return DnsAnomalies.RecordTruncated;
            int length = message[pos];
            int kind = length & 0xC0;
            if (kind == 0xC0)
            {
                if (pos + 1 >= message.Length) return DnsAnomalies.RecordTruncated;
                int target = ((length & 0x3F) << 8) | message[pos + 1];
                if (next < 0) next = pos + 2;
                if (target >= runStart || ++hops > DnsConstants.MaxPointerHops) return DnsAnomalies.CompressionLoop;
                runStart = target;
                pos = target;
                continue;
            }
            if (kind != 0) return DnsAnomalies.BadLabelType;
            if (length == 0)
            {
                if (next < 0) next = pos + 1;
                return wire + 1 > DnsConstants.MaxNameLength ? DnsAnomalies.NameTooLong : DnsAnomalies.None;
            }
            if (length > message.Length - pos - 1) return DnsAnomalies.RecordTruncated;
            wire += length + 1;
            if (wire >= DnsConstants.MaxNameLength) return DnsAnomalies.NameTooLong;
            if (copy && written + length + 1 > text.Length) copy = false; // a short buffer keeps the name's start
            if (copy)
            {
                if (written > 0) text[written++] = (byte)'.';
                message.Slice(pos + 1, length).CopyTo(text[written..]);
                written += length;
            }
            pos += length + 1;
        }
    }
}
