using System.Buffers.Binary;

namespace OtSensor.Protocols.Lldp;

/// <summary>Walks the TLVs of one LLDPDU in place.</summary>
/// <remarks>
/// <code>
/// TLV: type (7 bits) | length (9 bits) | value (length bytes)                  (IEEE 802.1AB-2016 §8.4)
/// LLDPDU: Chassis ID (1) | Port ID (2) | TTL (3) | optional TLVs … | End (0)  (§8.2)
/// Chassis/Port ID value: subtype (1) | id (1..255)
/// Management address (8): length (1) | subtype (1) | address | if subtype (1) | if number (4) | OID length (1) | OID
/// Organisationally specific (127): OUI (3) | subtype (1) | information
/// </code>
/// The frame may carry Ethernet padding after the End TLV; the walk stops there.
/// </remarks>
public static class LldpParser
{
    internal static void Parse(ReadOnlySpan<byte> payload, out LldpDecoded d)
    {
        d = default;
        d.Ttl = -1;
        int pos = 0;
        while (true)
        {
            if (pos + LldpConstants.TlvHeaderLength > payload.Length)
            {
                d.Anomalies |= LldpAnomalies.MissingEnd;
                break;
            }
            if (d.TlvCount >= LldpConstants.MaxTlvs)
            {
                d.Anomalies |= LldpAnomalies.TooManyTlvs;
                break;
            }
            ushort header = BinaryPrimitives.ReadUInt16BigEndian(payload[pos..]);
            int type = header >> 9;
            int length = header & 0x1FF;
            int value = pos + LldpConstants.TlvHeaderLength;
            if (length > payload.Length - value)
            {
                d.Anomalies |= LldpAnomalies.TlvTruncated;
                break;
            }
            if (type == LldpConstants.TypeEnd) break;
            // §8.2: the first three TLVs are Chassis ID, Port ID and TTL, in that order.
            if (d.TlvCount < 3 && type != d.TlvCount + 1) d.Anomalies |= LldpAnomalies.MissingMandatory;
            d.TlvCount++;
            Tlv(payload.Slice(value, length), type, value, ref d);
            pos = value + length;
        }
        if (d.ChassisLength == 0 || d.PortLength == 0 || d.Ttl < 0) d.Anomalies |= LldpAnomalies.MissingMandatory;
    }

    private static void Tlv(ReadOnlySpan<byte> v, int type, int offset, ref LldpDecoded d)
    {
        switch (type)
        {
            case LldpConstants.TypeChassisId:
                if (d.ChassisLength > 0) { d.Anomalies |= LldpAnomalies.DuplicateTlv; return; }
                if (v.Length < 2) { d.Anomalies |= LldpAnomalies.BadTlvLength; return; }
                (d.ChassisSubtype, d.ChassisOffset, d.ChassisLength) = (v[0], offset + 1, v.Length - 1);
                return;
            case LldpConstants.TypePortId:
                if (d.PortLength > 0) { d.Anomalies |= LldpAnomalies.DuplicateTlv; return; }
                if (v.Length < 2) { d.Anomalies |= LldpAnomalies.BadTlvLength; return; }
                (d.PortSubtype, d.PortOffset, d.PortLength) = (v[0], offset + 1, v.Length - 1);
                return;
            case LldpConstants.TypeTtl:
                if (d.Ttl >= 0) { d.Anomalies |= LldpAnomalies.DuplicateTlv; return; }
                if (v.Length < 2) { d.Anomalies |= LldpAnomalies.BadTlvLength; return; }
                if (v.Length != 2) d.Anomalies |= LldpAnomalies.BadTlvLength;
                d.Ttl = BinaryPrimitives.ReadUInt16BigEndian(v);
                return;
            case LldpConstants.TypePortDescription:
                if (d.PortDescriptionLength == 0) (d.PortDescriptionOffset, d.PortDescriptionLength) = (offset, v.Length);
                return;
            case LldpConstants.TypeSystemName:
                if (d.SystemNameLength > 0) d.Anomalies |= LldpAnomalies.DuplicateTlv;
                else (d.SystemNameOffset, d.SystemNameLength) = (offset, v.Length);
                return;
            case LldpConstants.TypeSystemDescription:
                if (d.SystemDescriptionLength > 0) d.Anomalies |= LldpAnomalies.DuplicateTlv;
                else (d.SystemDescriptionOffset, d.SystemDescriptionLength) = (offset, v.Length);
                return;
            case LldpConstants.TypeSystemCapabilities:
                if (v.Length != 4) { d.Anomalies |= LldpAnomalies.BadTlvLength; return; }
                d.HasCapabilities = true;
                d.Capabilities = BinaryPrimitives.ReadUInt16BigEndian(v);
                d.EnabledCapabilities = BinaryPrimitives.ReadUInt16BigEndian(v[2..]);
                return;
            case LldpConstants.TypeManagementAddress:
                // Address string length counts the subtype byte (§8.5.9.2): 2..32.
                if (v.Length < 9 || v[0] < 2 || v[0] > 32 || v[0] + 1 > v.Length) { d.Anomalies |= LldpAnomalies.BadTlvLength; return; }
                if (d.ManagementLength == 0) (d.ManagementSubtype, d.ManagementOffset, d.ManagementLength) = (v[1], offset + 2, v[0] - 1);
                return;
            case LldpConstants.TypeOrganizationSpecific:
                if (v.Length < 4) { d.Anomalies |= LldpAnomalies.BadTlvLength; return; }
                uint oui = ((uint)v[0] << 16) | ((uint)v[1] << 8) | v[2];
                if (oui != LldpConstants.OuiProfinet) return;
                d.Profinet = true;
                if (v[3] == LldpConstants.ProfinetChassisMac && v.Length >= 10) d.ProfinetChassisMacOffset = offset + 4;
                return;
        }
    }
}
