using System.Buffers.Binary;

namespace OtSensor.Protocols.Cdp;

/// <summary>Checks the SNAP header and walks the TLVs of one CDP frame in place.</summary>
/// <remarks>
/// <code>
/// (after LLC AA AA 03) OUI 00-00-0C | PID 0x2000 | version (1) | TTL (1) | checksum (2) | TLVs …
/// TLV: type (2) | length (2, header included) | value
/// Addresses (2): count (4) | { protocol type (1) | protocol length (1) | protocol | address length (2) | address } …
/// </code>
/// Ethernet padding may follow the last TLV; a zero-filled remainder ends the walk without an anomaly.
/// </remarks>
public static class CdpParser
{
    /// <summary>True when the bytes after the LLC header are Cisco's SNAP OUI and the CDP PID.</summary>
    public static bool IsCdp(ReadOnlySpan<byte> afterLlc)
        => afterLlc.Length >= CdpConstants.SnapLength
           && (((uint)afterLlc[0] << 16) | ((uint)afterLlc[1] << 8) | afterLlc[2]) == CdpConstants.OuiCisco
           && BinaryPrimitives.ReadUInt16BigEndian(afterLlc[3..]) == CdpConstants.PidCdp;

    /// <summary>Decodes <paramref name="cdp"/>: the bytes after the SNAP header.</summary>
    internal static void Parse(ReadOnlySpan<byte> cdp, out CdpDecoded d)
    {
        d = default;
        d.NativeVlan = -1;
        if (cdp.Length < CdpConstants.HeaderLength)
        {
            d.Anomalies |= CdpAnomalies.Truncated;
            return;
        }
        d.HasHeader = true;
        d.Version = cdp[0];
        d.Ttl = cdp[1];
        d.Checksum = BinaryPrimitives.ReadUInt16BigEndian(cdp[2..]);
        if (d.Version is not (1 or 2)) d.Anomalies |= CdpAnomalies.UnknownVersion;
        int pos = CdpConstants.HeaderLength;
        while (pos + CdpConstants.TlvHeaderLength <= cdp.Length)
        {
            ushort type = BinaryPrimitives.ReadUInt16BigEndian(cdp[pos..]);
            int length = BinaryPrimitives.ReadUInt16BigEndian(cdp[(pos + 2)..]);
            if (type == 0 && length == 0) break; // Ethernet padding
            if (length < CdpConstants.TlvHeaderLength || length > cdp.Length - pos)
            {
                d.Anomalies |= CdpAnomalies.BadTlvLength;
                break;
            }
            if (++d.TlvCount > CdpConstants.MaxTlvs)
            {
                d.Anomalies |= CdpAnomalies.TooManyTlvs;
                break;
            }
            int value = pos + CdpConstants.TlvHeaderLength;
            int valueLength = length - CdpConstants.TlvHeaderLength;
            var v = cdp.Slice(value, valueLength);
            switch (type)
            {
                case CdpConstants.TypeDeviceId when d.DeviceIdLength == 0: (d.DeviceIdOffset, d.DeviceIdLength) = (value, valueLength); break;
                case CdpConstants.TypePortId when d.PortIdLength == 0: (d.PortIdOffset, d.PortIdLength) = (value, valueLength); break;
                case CdpConstants.TypeSoftwareVersion when d.SoftwareLength == 0: (d.SoftwareOffset, d.SoftwareLength) = (value, valueLength); break;
                case CdpConstants.TypePlatform when d.PlatformLength == 0: (d.PlatformOffset, d.PlatformLength) = (value, valueLength); break;
                case CdpConstants.TypeAddresses when d.AddressesLength == 0:
                    (d.AddressesOffset, d.AddressesLength) = (value, valueLength);
                    if (!AddressesFit(v)) d.Anomalies |= CdpAnomalies.BadAddress;
                    break;
                case CdpConstants.TypeCapabilities when v.Length == 4:
                    d.HasCapabilities = true;
                    d.Capabilities = BinaryPrimitives.ReadUInt32BigEndian(v);
                    break;
                case CdpConstants.TypeNativeVlan when v.Length == 2:
                    d.NativeVlan = BinaryPrimitives.ReadUInt16BigEndian(v);
                    break;
            }
            pos += length;
        }
    }

    /// <summary>True when every announced address entry fits inside the Addresses TLV.</summary>
    private static bool AddressesFit(ReadOnlySpan<byte> v)
    {
        if (v.Length < 4) return false;
        uint count = BinaryPrimitives.ReadUInt32BigEndian(v);
        var reader = new CdpAddressReader(v);
        uint seen = 0;
        while (reader.MoveNext()) seen++;
        return !reader.Malformed && seen == count;
    }
}
