using System.Buffers.Binary;

namespace OtSensor.Protocols.Dhcp;

/// <summary>Decodes one DHCP/BOOTP datagram in place: the fixed header and a bounded walk over its options.</summary>
/// <remarks>
/// <code>
///  0                   1                   2                   3
///  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
/// +---------------+---------------+---------------+---------------+
/// |     op (1)    |   htype (1)   |   hlen (1)    |   hops (1)    |
/// +---------------+---------------+---------------+---------------+
/// |                            xid (4)                            |
/// +-------------------------------+-------------------------------+
/// |           secs (2)            |           flags (2)           |
/// +-------------------------------+-------------------------------+
/// |  ciaddr (4) | yiaddr (4) | siaddr (4) | giaddr (4)            |
/// +---------------------------------------------------------------+
/// |  chaddr (16) | sname (64) | file (128)                        |
/// +---------------------------------------------------------------+
/// |  magic cookie 63 82 53 63 | options: code (1) len (1) value … |
/// +---------------------------------------------------------------+
/// </code>
/// RFC 2131 §2 (header, figure 1), §3 (magic cookie), RFC 2132 §2–§9 (options: Pad 0 and End 255 have no length).
/// Options overloaded into <c>sname</c>/<c>file</c> (option 52) are noted, not walked. Only the first occurrence
/// of each naming option is kept; every length is checked against the remaining bytes before use.
/// </remarks>
public static class DhcpParser
{
    /// <summary>True when <paramref name="datagram"/> holds a whole fixed header and the DHCP magic cookie.</summary>
    public static bool HasCookie(ReadOnlySpan<byte> datagram)
        => datagram.Length >= DhcpConstants.OptionsOffset
           && BinaryPrimitives.ReadUInt32BigEndian(datagram[DhcpConstants.CookieOffset..]) == DhcpConstants.MagicCookie;

    internal static void Parse(ReadOnlySpan<byte> datagram, out DhcpDecoded d)
    {
        d = default;
        d.MessageType = -1;
        d.LeaseTime = -1;
        d.Overload = -1;
        if (datagram.Length < DhcpConstants.FixedHeaderLength)
        {
            d.Anomalies |= DhcpAnomalies.Truncated;
            return;
        }
        d.HasHeader = true;
        d.Op = datagram[DhcpConstants.OpOffset];
        d.Htype = datagram[DhcpConstants.HtypeOffset];
        d.Hlen = datagram[DhcpConstants.HlenOffset];
        d.Hops = datagram[DhcpConstants.HopsOffset];
        d.Xid = BinaryPrimitives.ReadUInt32BigEndian(datagram[DhcpConstants.XidOffset..]);
        d.Secs = BinaryPrimitives.ReadUInt16BigEndian(datagram[DhcpConstants.SecsOffset..]);
        d.Flags = BinaryPrimitives.ReadUInt16BigEndian(datagram[DhcpConstants.FlagsOffset..]);
        if (d.Op is not (DhcpConstants.BootRequest or DhcpConstants.BootReply)) d.Anomalies |= DhcpAnomalies.InvalidOp;
        if (d.Hlen > DhcpConstants.ChaddrLength) d.Anomalies |= DhcpAnomalies.InvalidHardwareLength;

        // Plain BOOTP (RFC 951) may end at the file field or carry a vendor area without the cookie.
        if (!HasCookie(datagram)) return;
        d.HasCookie = true;
        WalkOptions(datagram, ref d);
        CheckMessageTypeSide(ref d);
    }

    private static void WalkOptions(ReadOnlySpan<byte> datagram, ref DhcpDecoded d)
    {
        int pos = DhcpConstants.OptionsOffset;
        int count = 0;
        while (true)
        {
            if (pos >= datagram.Length)
            {
                d.Anomalies |= DhcpAnomalies.MissingEnd;
                break;
            }
            if (++count > DhcpConstants.MaxOptions)
            {
                d.Anomalies |= DhcpAnomalies.TooManyOptions;
                break;
            }
            byte code = datagram[pos];
            if (code == DhcpConstants.OptionPad) { pos++; continue; }
            if (code == DhcpConstants.OptionEnd) break;
            if (pos + 1 >= datagram.Length)
            {
                d.Anomalies |= DhcpAnomalies.OptionTruncated;
                break;
            }
            int length = datagram[pos + 1];
            int value = pos + 2;
            if ((uint)length > (uint)(datagram.Length - value))
            {
                d.Anomalies |= DhcpAnomalies.OptionTruncated;
                break;
            }
            d.OptionCount++;
            Option(datagram.Slice(value, length), code, value, ref d);
            pos = value + length;
        }
    }

    private static void Option(ReadOnlySpan<byte> v, byte code, int offset, ref DhcpDecoded d)
    {
        switch (code)
        {
            case DhcpConstants.OptionMessageType:
                if (d.MessageType >= 0) { d.Anomalies |= DhcpAnomalies.DuplicateMessageType; return; }
                if (v.Length != 1) { d.Anomalies |= DhcpAnomalies.InvalidMessageTypeLength; if (v.IsEmpty) return; }
                d.MessageType = v[0];
                if (v[0] is 0 or > DhcpConstants.MaxMessageType) d.Anomalies |= DhcpAnomalies.UnknownMessageType;
                return;
            case DhcpConstants.OptionHostName:
                if (v.IsEmpty) d.Anomalies |= DhcpAnomalies.EmptyName;
                else if (d.HostNameLength == 0) (d.HostNameOffset, d.HostNameLength) = (offset, v.Length);
                return;
            case DhcpConstants.OptionDomainName:
                if (d.DomainNameLength == 0) (d.DomainNameOffset, d.DomainNameLength) = (offset, v.Length);
                return;
            case DhcpConstants.OptionVendorClass:
                if (d.VendorClassLength == 0) (d.VendorClassOffset, d.VendorClassLength) = (offset, v.Length);
                return;
            case DhcpConstants.OptionParameterList:
                if (d.ParameterListLength == 0) (d.ParameterListOffset, d.ParameterListLength) = (offset, v.Length);
                return;
            case DhcpConstants.OptionClientId:
                if (d.ClientIdLength == 0) (d.ClientIdOffset, d.ClientIdLength) = (offset, v.Length);
                return;
            case DhcpConstants.OptionClientFqdn:
                // RFC 4702 §2: flags, RCODE1, RCODE2, then the name.
                if (v.Length <= 3) d.Anomalies |= DhcpAnomalies.EmptyName;
                else if (d.FqdnLength == 0) (d.FqdnOffset, d.FqdnLength) = (offset, v.Length);
                return;
            case DhcpConstants.OptionRequestedIp:
                if (v.Length != 4) d.Anomalies |= DhcpAnomalies.InvalidAddressLength;
                else if (d.RequestedIpOffset == 0) d.RequestedIpOffset = offset;
                return;
            case DhcpConstants.OptionServerId:
                if (v.Length != 4) d.Anomalies |= DhcpAnomalies.InvalidAddressLength;
                else if (d.ServerIdOffset == 0) d.ServerIdOffset = offset;
                return;
            case DhcpConstants.OptionLeaseTime:
                if (v.Length == 4) d.LeaseTime = BinaryPrimitives.ReadUInt32BigEndian(v);
                return;
            case DhcpConstants.OptionOverload:
                if (v.Length == 1) d.Overload = v[0];
                return;
        }
    }

    /// <summary>RFC 2131 §4.1 table 2 and §4.3: which side sends which message type.</summary>
    private static void CheckMessageTypeSide(ref DhcpDecoded d)
    {
        if (d.MessageType < 0 || d.Op is not (DhcpConstants.BootRequest or DhcpConstants.BootReply)) return;
        bool fromServer = d.MessageType is 2 or 5 or 6 or 9 or (>= 11 and <= 13) or 15 or 17;
        bool fromClient = d.MessageType is 1 or 3 or 4 or 7 or 8 or 10 or 14 or 16;
        if ((fromServer && d.Op != DhcpConstants.BootReply) || (fromClient && d.Op != DhcpConstants.BootRequest))
            d.Anomalies |= DhcpAnomalies.OpTypeMismatch;
    }
}
