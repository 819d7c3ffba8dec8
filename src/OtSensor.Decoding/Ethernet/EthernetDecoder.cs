using System.Buffers.Binary;
using OtSensor.Core.Net;
using OtSensor.Decoding.Arp;
using OtSensor.Decoding.IP;
using OtSensor.Decoding.Packets;

namespace OtSensor.Decoding.Ethernet;

/// <summary>Ethernet II / IEEE 802.3 header, VLAN tags and LLC/SNAP.</summary>
/// <remarks>
/// IEEE Std 802.3-2022 §3.2 (MAC frame), IEEE Std 802.1Q-2022 §9 (tag format), IEEE Std 802.2 (LLC),
/// RFC 1042 (SNAP encapsulation, OUI 00-00-00 carries an EtherType).
/// <code>
///  0                   6                  12      14
///  +-------------------+-------------------+-------+-----------
///  | destination MAC   | source MAC        | type  | payload         type ≥ 0x0600: EtherType
///  +-------------------+-------------------+-------+-----------      type ≤ 1500:   802.3 length, LLC follows
///  VLAN tag (type 0x8100 / 0x88A8 / 0x9100), repeated:  | TCI (PCP:3 DEI:1 VID:12) | inner type |
///  LLC: | DSAP | SSAP | control (1 byte if U-format, else 2) |   SNAP (AA AA 03): | OUI (3) | PID (2) |
/// </code>
/// </remarks>
internal static class EthernetDecoder
{
    private const int HeaderLength = 14;
    private const int TagLength = 4;
    private const byte SnapSap = 0xAA;
    private const byte LlcUnnumberedInformation = 0x03;
    private const int SnapHeaderLength = 8;
    // 00-00-00 is RFC 1042 encapsulation, 00-00-F8 is 802.1H bridge tunnel; both carry an EtherType.
    private const uint OuiRfc1042 = 0x000000;
    private const uint OuiBridgeTunnel = 0x0000F8;

    public static void Decode(ReadOnlySpan<byte> frame, ref DecodedPacket packet)
    {
        if (frame.Length < HeaderLength)
        {
            packet.Anomalies |= DecodeAnomalies.FrameTooShort;
            return;
        }
        packet.DestinationMac = MacAddress.Read(frame);
        packet.SourceMac = MacAddress.Read(frame[6..]);
        ushort type = BinaryPrimitives.ReadUInt16BigEndian(frame[12..]);
        if (type <= EtherTypes.MaxLength)
        {
            DecodeLlc(frame, HeaderLength, ref packet, type);
            return;
        }
        DecodeEtherType(frame, HeaderLength, type, ref packet);
    }

    /// <summary>Walks VLAN tags starting at <paramref name="offset"/>, then dispatches the network layer.</summary>
    public static void DecodeEtherType(ReadOnlySpan<byte> frame, int offset, ushort etherType, ref DecodedPacket packet)
    {
        while (etherType is EtherTypes.Vlan or EtherTypes.ProviderVlan or EtherTypes.LegacyQinQ)
        {
            if (packet.VlanCount >= DecodedPacket.MaxVlanTags)
            {
                packet.EtherType = etherType;
                packet.Anomalies |= DecodeAnomalies.TooManyVlanTags;
                return;
            }
            if (frame.Length - offset < TagLength)
            {
                packet.EtherType = etherType;
                packet.Anomalies |= DecodeAnomalies.LinkHeaderTruncated;
                return;
            }
            packet.VlanTags[packet.VlanCount++] = BinaryPrimitives.ReadUInt16BigEndian(frame[offset..]);
            etherType = BinaryPrimitives.ReadUInt16BigEndian(frame[(offset + 2)..]);
            offset += TagLength;
        }
        if (etherType <= EtherTypes.MaxLength)
        {
            // 802.3 length after a tag: LLC follows.
            DecodeLlc(frame, offset, ref packet, etherType);
            return;
        }
        packet.EtherType = etherType;
        switch (etherType)
        {
            case EtherTypes.IPv4:
                IPv4Decoder.Decode(frame, offset, ref packet);
                break;
            case EtherTypes.IPv6:
                IPv6Decoder.Decode(frame, offset, ref packet);
                break;
            case EtherTypes.Arp:
                ArpDecoder.Decode(frame, offset, ref packet);
                break;
            default:
                // 1501–1535 are undefined; everything else is a protocol this decoder leaves to others (PROFINET, GOOSE, LLDP...).
                packet.Network = NetworkLayer.Other;
                packet.NetworkOffset = offset;
                packet.NetworkLength = frame.Length - offset;
                break;
        }
    }

    /// <summary>802.2 LLC header at <paramref name="offset"/>; SNAP with an EtherType-carrying OUI is dispatched on its PID.</summary>
    /// <param name="ieeeLength">The 802.3 length field (LLC header and data, padding excluded), or -1 when the link has none.</param>
    public static void DecodeLlc(ReadOnlySpan<byte> frame, int offset, ref DecodedPacket packet, int ieeeLength = -1)
    {
        var llc = frame[offset..];
        if (llc.Length < 3)
        {
            packet.Anomalies |= DecodeAnomalies.LinkHeaderTruncated;
            return;
        }
        if (llc[0] == SnapSap && llc[1] == SnapSap && llc[2] == LlcUnnumberedInformation)
        {
            if (llc.Length < SnapHeaderLength)
            {
                packet.Anomalies |= DecodeAnomalies.LinkHeaderTruncated;
                return;
            }
            uint oui = ((uint)llc[3] << 16) | ((uint)llc[4] << 8) | llc[5];
            ushort pid = BinaryPrimitives.ReadUInt16BigEndian(llc[6..]);
            if ((oui == OuiRfc1042 || oui == OuiBridgeTunnel) && pid >= EtherTypes.MinType)
            {
                DecodeEtherType(frame, offset + SnapHeaderLength, pid, ref packet);
                return;
            }
        }
        // Plain LLC (STP, BACnet, CDP via SNAP with a vendor OUI, ISO CLNP...): not an IP network layer.
        // The control field is one byte for U-format PDUs (low bits 11), two for I- and S-format (802.2 §3.3.2).
        int llcLength = (llc[2] & 0x03) == 0x03 ? 3 : 4;
        packet.Network = NetworkLayer.Other;
        packet.IsLlc = true;
        packet.LlcDsap = llc[0];
        packet.NetworkOffset = offset + Math.Min(llcLength, llc.Length);
        int available = frame.Length - packet.NetworkOffset;
        packet.NetworkLength = ieeeLength >= llcLength ? Math.Min(ieeeLength - llcLength, available) : available;
    }
}
