using System.Buffers.Binary;
using System.Net;

namespace OtSensor.Core.Net;

/// <summary>
/// An IPv4 or IPv6 address held inline in 16 bytes (two <see cref="ulong"/>s), so packets and flow keys
/// carry addresses without allocating <see cref="IPAddress"/> objects. IPv4 is stored IPv4-mapped
/// (<c>::ffff:a.b.c.d</c>, RFC 4291 §2.5.5.2).
/// </summary>
public readonly record struct IPAddressBytes(ulong High, ulong Low)
{
    private const ulong V4MappedLowPrefix = 0x0000_FFFF_0000_0000UL;

    public static IPAddressBytes FromIPv4(uint address) => new(0, V4MappedLowPrefix | address);

    public static IPAddressBytes FromIPv4(ReadOnlySpan<byte> four) => FromIPv4(BinaryPrimitives.ReadUInt32BigEndian(four));

    public static IPAddressBytes FromIPv6(ReadOnlySpan<byte> sixteen)
        => new(BinaryPrimitives.ReadUInt64BigEndian(sixteen), BinaryPrimitives.ReadUInt64BigEndian(sixteen[8..]));

    public static IPAddressBytes FromIPAddress(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[16];
        if (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
        {
            address.TryWriteBytes(bytes, out _);
            return FromIPv4(bytes);
        }
        address.TryWriteBytes(bytes, out _);
        return FromIPv6(bytes);
    }

    public static bool TryParse(string text, out IPAddressBytes address)
    {
        if (IPAddress.TryParse(text, out var ip)) { address = FromIPAddress(ip); return true; }
        address = default;
        return false;
    }

    public bool IsEmpty => High == 0 && Low == 0;
    /// <summary>0.0.0.0: a host without an address yet (RFC 1122 §3.2.1.3, e.g. a DHCP client, RFC 2131 §4.1).</summary>
    public bool IsUnspecifiedIPv4 => IsIPv4 && IPv4Value == 0;
    public bool IsIPv4 => High == 0 && (Low & 0xFFFF_FFFF_0000_0000UL) == V4MappedLowPrefix;
    /// <summary>The IPv4 address as a host-order integer (valid when <see cref="IsIPv4"/>).</summary>
    public uint IPv4Value => (uint)Low;

    /// <summary>Multicast (224/4, ff00::/8) or IPv4 limited broadcast.</summary>
    public bool IsMulticastOrBroadcast => IsIPv4 ? IsIPv4MulticastOrBroadcast(IPv4Value) : (High >> 56) == 0xFF;

    /// <summary>An IPv4 address (host order) in 224/4 or the limited broadcast 255.255.255.255.</summary>
    public static bool IsIPv4MulticastOrBroadcast(uint address) => (address >> 28) == 0xE || address == uint.MaxValue;

    /// <summary>
    /// Private or local-use ranges: RFC 1918, loopback, link-local, CGNAT (RFC 6598), unspecified;
    /// IPv6 unique-local (fc00::/7), link-local (fe80::/10), loopback.
    /// </summary>
    public bool IsPrivate
    {
        get
        {
            if (IsIPv4)
            {
                uint a = IPv4Value;
                return (a >> 24) == 10 || (a >> 20) == 0xAC1 || (a >> 16) == 0xC0A8 || (a >> 24) == 127
                    || (a >> 16) == 0xA9FE || (a >> 22) == (100u << 2 | 1) || a == 0;
            }
            return (High >> 57) == (0xFCUL >> 1) || (High >> 54) == (0xFE80UL >> 6) || (High == 0 && Low == 1) || IsEmpty;
        }
    }

    public void WriteTo(Span<byte> sixteen)
    {
        BinaryPrimitives.WriteUInt64BigEndian(sixteen, High);
        BinaryPrimitives.WriteUInt64BigEndian(sixteen[8..], Low);
    }

    public IPAddress ToIPAddress()
    {
        if (IsIPv4) return new IPAddress(BinaryPrimitives.ReverseEndianness(IPv4Value) & 0xFFFF_FFFFL);
        Span<byte> bytes = stackalloc byte[16];
        WriteTo(bytes);
        return new IPAddress(bytes);
    }

    /// <summary>Formats the address as UTF-8 text (dotted quad for IPv4, RFC 5952 for IPv6). Needs 45 bytes at most.</summary>
    public int FormatUtf8(Span<byte> destination)
    {
        if (IsIPv4)
        {
            int written = 0;
            uint a = IPv4Value;
            for (int i = 3; i >= 0; i--)
            {
                ((byte)(a >> (8 * i))).TryFormat(destination[written..], out int n);
                written += n;
                if (i > 0) destination[written++] = (byte)'.';
            }
            return written;
        }
        ToIPAddress().TryFormat(destination, out int w);
        return w;
    }

    public override string ToString()
    {
        Span<byte> buffer = stackalloc byte[48];
        int n = FormatUtf8(buffer);
        return System.Text.Encoding.ASCII.GetString(buffer[..n]);
    }
}
