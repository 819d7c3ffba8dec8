using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using OtSensor.Protocols.Ber;

namespace OtSensor.Protocols.Snmp;

/// <summary>Decodes one SNMP message in place with the bounded BER reader shared with MMS (<see cref="BerReader"/>).</summary>
/// <remarks>
/// <code>
/// v1/v2c (RFC 1157 §4, RFC 1901 §3):  SEQUENCE { version INTEGER, community OCTET STRING, PDU }
/// v3 (RFC 3412 §6):  SEQUENCE { 3, SEQUENCE { msgID, msgMaxSize, msgFlags OCTET STRING, msgSecurityModel },
///                              msgSecurityParameters OCTET STRING, ScopedPDU SEQUENCE { engineID, contextName, PDU }
///                              | encryptedPDU OCTET STRING }
/// PDU [0..8] (RFC 3416 §3): request-id, error-status (non-repeaters), error-index (max-repetitions),
///                           variable-bindings SEQUENCE OF SEQUENCE { name OID, value }
/// Trap-PDU [4] (RFC 1157 §4.1.6): enterprise OID, agent-addr, generic-trap, specific-trap, time-stamp, variable-bindings
/// </code>
/// The community is a password: only its length is kept.
/// </remarks>
public static class SnmpParser
{
    /// <summary>sysDescr, sysObjectID and sysName instances (RFC 3418 §2): 1.3.6.1.2.1.1.{1,2,5}.0 in BER.</summary>
    private static ReadOnlySpan<byte> SysDescrOid => [0x2B, 0x06, 0x01, 0x02, 0x01, 0x01, 0x01, 0x00];
    private static ReadOnlySpan<byte> SysObjectIdOid => [0x2B, 0x06, 0x01, 0x02, 0x01, 0x01, 0x02, 0x00];
    private static ReadOnlySpan<byte> SysNameOid => [0x2B, 0x06, 0x01, 0x02, 0x01, 0x01, 0x05, 0x00];

    internal static void Parse(ReadOnlySpan<byte> message, out SnmpDecoded d)
    {
        d = default;
        d.Version = -1;
        d.PduType = -1;
        d.RequestId = -1;
        var outer = new BerReader(message);
        if (!outer.TryRead(out var root) || !root.IsUniversal(16) || !root.Constructed)
        {
            d.Anomalies |= SnmpAnomalies.Malformed;
            return;
        }
        if (!outer.IsEmpty) d.Anomalies |= SnmpAnomalies.TrailingBytes;
        outer.TryEnter(root.Content, out var fields);
        if (!fields.TryRead(out var version) || !version.IsUniversal(2) || !BerReader.TryReadUnsigned(version.Content, out uint v))
        {
            d.Anomalies |= SnmpAnomalies.Malformed;
            return;
        }
        d.Version = (int)Math.Min(v, int.MaxValue);
        if (d.Version is not (SnmpConstants.Version1 or SnmpConstants.Version2c or SnmpConstants.Version3))
        {
            d.Anomalies |= SnmpAnomalies.UnknownVersion;
            return;
        }
        if (d.Version == SnmpConstants.Version3)
        {
            ParseV3Header(message, ref fields, ref d);
            return;
        }
        if (!fields.TryRead(out var community) || !community.IsUniversal(4))
        {
            d.Anomalies |= SnmpAnomalies.Malformed;
            return;
        }
        d.CommunityLength = community.Content.Length;
        if (!fields.TryRead(out var pdu)) { d.Anomalies |= SnmpAnomalies.Malformed; return; }
        ParsePdu(message, pdu, ref fields, ref d);
    }

    private static void ParseV3Header(ReadOnlySpan<byte> message, ref BerReader fields, ref SnmpDecoded d)
    {
        if (!fields.TryRead(out var global) || !global.IsUniversal(16) || !fields.TryEnter(global.Content, out var g)
            || !g.TryRead(out var id) || !g.TryRead(out _) || !g.TryRead(out var flags) || !g.TryRead(out var model)
            || !fields.TryRead(out _) || !fields.TryRead(out var scoped))
        {
            d.Anomalies |= SnmpAnomalies.Malformed;
            return;
        }
        d.MessageId = ReadInteger(id.Content);
        d.SecurityModel = ReadInteger(model.Content);
        d.MessageFlags = flags.Content.Length > 0 ? flags.Content[0] : 0;
        if (scoped.IsUniversal(4))
        {
            d.Encrypted = true; // RFC 3414 §1.6: privacy encrypts the scoped PDU; nothing more is readable
            return;
        }
        if (!scoped.IsUniversal(16) || !fields.TryEnter(scoped.Content, out var s) || !s.TryRead(out _) || !s.TryRead(out _) || !s.TryRead(out var pdu))
        {
            d.Anomalies |= SnmpAnomalies.Malformed;
            return;
        }
        ParsePdu(message, pdu, ref s, ref d);
    }

    private static void ParsePdu(ReadOnlySpan<byte> message, BerElement pdu, ref BerReader parent, ref SnmpDecoded d)
    {
        if (pdu.TagClass != BerElement.ClassContext || !pdu.Constructed || pdu.Number > SnmpConstants.PduReport)
        {
            d.Anomalies |= SnmpAnomalies.UnknownPduType;
            return;
        }
        d.PduType = pdu.Number;
        if ((d.PduType == SnmpConstants.PduTrapV1) != (d.Version == SnmpConstants.Version1) && d.PduType is SnmpConstants.PduTrapV1 or SnmpConstants.PduGetBulk or SnmpConstants.PduInform or SnmpConstants.PduTrapV2 or SnmpConstants.PduReport)
            d.Anomalies |= SnmpAnomalies.UnknownPduType;
        if (!parent.TryEnter(pdu.Content, out var p)) { d.Anomalies |= SnmpAnomalies.Malformed; return; }
        if (d.PduType == SnmpConstants.PduTrapV1)
        {
            // enterprise, agent-addr, generic-trap, specific-trap, time-stamp
            for (int i = 0; i < 5; i++)
                if (!p.TryRead(out _)) { d.Anomalies |= SnmpAnomalies.Malformed; return; }
        }
        else
        {
            if (!p.TryRead(out var requestId) || !p.TryRead(out var status) || !p.TryRead(out var index))
            {
                d.Anomalies |= SnmpAnomalies.Malformed;
                return;
            }
            d.RequestId = ReadInteger(requestId.Content);
            d.ErrorStatus = ReadInteger(status.Content);
            d.ErrorIndex = ReadInteger(index.Content);
        }
        if (!p.TryRead(out var list) || !list.IsUniversal(16) || !p.TryEnter(list.Content, out var varbinds))
        {
            d.Anomalies |= SnmpAnomalies.Malformed;
            return;
        }
        while (varbinds.TryRead(out var vb))
        {
            if (d.VarbindCount >= SnmpConstants.MaxVarbinds) { d.Anomalies |= SnmpAnomalies.TooManyVarbinds; break; }
            if (!vb.IsUniversal(16) || !varbinds.TryEnter(vb.Content, out var pair) || !pair.TryRead(out var name) || !name.IsUniversal(6) || !pair.TryRead(out var value))
            {
                d.Anomalies |= SnmpAnomalies.Malformed;
                return;
            }
            if (!SnmpOid.IsValid(name.Content)) d.Anomalies |= SnmpAnomalies.BadOid;
            d.VarbindCount++;
            int valueOffset = Offset(message, value.Content);
            if (d.KeptVarbinds < SnmpConstants.KeptVarbinds)
            {
                d.Varbinds[d.KeptVarbinds++] = new SnmpVarbind
                {
                    OidOffset = Offset(message, name.Content),
                    OidLength = name.Content.Length,
                    ValueTag = (byte)((value.TagClass << 6) | (value.Constructed ? 0x20 : 0) | Math.Min(value.Number, 0x1F)),
                    ValueOffset = valueOffset,
                    ValueLength = value.Content.Length,
                };
            }
            if (d.PduType != SnmpConstants.PduResponse || value.TagClass != BerElement.ClassUniversal) continue;
            if (name.Content.SequenceEqual(SysDescrOid) && value.Number == 4) (d.SysDescrOffset, d.SysDescrLength) = (valueOffset, value.Content.Length);
            else if (name.Content.SequenceEqual(SysObjectIdOid) && value.Number == 6 && SnmpOid.IsValid(value.Content)) (d.SysObjectIdOffset, d.SysObjectIdLength) = (valueOffset, value.Content.Length);
            else if (name.Content.SequenceEqual(SysNameOid) && value.Number == 4) (d.SysNameOffset, d.SysNameLength) = (valueOffset, value.Content.Length);
        }
        if (varbinds.Failed) d.Anomalies |= SnmpAnomalies.Malformed;
    }

    /// <summary>A signed INTEGER of at most 8 octets (RFC 3416 request-id is Integer32); 0 when empty or longer.</summary>
    internal static long ReadInteger(ReadOnlySpan<byte> content)
    {
        if (content.IsEmpty || content.Length > 8) return 0;
        long value = (sbyte)content[0];
        for (int i = 1; i < content.Length; i++) value = (value << 8) | content[i];
        return value;
    }

    /// <summary>Offset of <paramref name="part"/> (a slice of <paramref name="whole"/>) from the start of <paramref name="whole"/>.</summary>
    private static int Offset(ReadOnlySpan<byte> whole, ReadOnlySpan<byte> part)
        => (int)Unsafe.ByteOffset(ref MemoryMarshal.GetReference(whole), ref MemoryMarshal.GetReference(part));
}
