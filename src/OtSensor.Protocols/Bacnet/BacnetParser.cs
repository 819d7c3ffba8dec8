using System.Buffers.Binary;
using OtSensor.Core.Protocols;

namespace OtSensor.Protocols.Bacnet;

/// <summary>Decodes one BACnet/IP datagram: BVLL, NPDU and APDU headers, then the service parameters.</summary>
/// <remarks>
/// <code>
///  BVLL (Annex J.2)  | 0x81 | function | length (2, BE, whole message) | function data ...
///     Forwarded-NPDU: original source B/IP address (4) + port (2), then the NPDU
///  NPDU (§6.2)       | version 0x01 | control | [DNET(2) DLEN(1) DADR(DLEN)] | [SNET(2) SLEN(1) SADR(SLEN)]
///                    | [hop count (1), when DNET] | [message type (1) [vendor id (2) when ≥ 0x80]] | APDU
///     control: 7 network message, 6 reserved, 5 DNET, 4 reserved, 3 SNET, 2 expecting reply, 1..0 priority
///  APDU (§20.1)      | type(4 bits) flags(4 bits) | ... per type:
///     0 Confirmed-REQ  | SEG MOR SA | max segs(3) max APDU(4) | invoke | [seq | window] | service | params
///     1 Unconfirmed    | service | params
///     2 Simple-ACK     | invoke | service
///     3 Complex-ACK    | SEG MOR | invoke | [seq | window] | service | params
///     4 Segment-ACK    | NAK SRV | invoke | seq | window
///     5 Error          | invoke | service | error class, error code (application enumerated)
///     6 Reject         | invoke | reason          7 Abort | SRV | invoke | reason
/// </code>
/// Every length is checked against the octets left; nothing is allocated. Service parameters are decoded from
/// unsegmented APDUs and from the first segment of a segmented one (later segments continue a value that
/// only reassembly could decode, so they are recorded with their header only).
/// </remarks>
internal static partial class BacnetParser
{
    /// <summary>True when <paramref name="datagram"/> starts like a BACnet/IP BVLL message (type 0x81, length ≥ 4).</summary>
    public static bool IsBvll(ReadOnlySpan<byte> datagram) => datagram.Length >= BacnetConstants.BvlcHeaderLength && datagram[0] == BacnetConstants.BvlcTypeIp;

    public static void Parse(ReadOnlySpan<byte> datagram, out BacnetDecoded d)
    {
        d = BacnetDecoded.Empty();
        if (!IsBvll(datagram))
        {
            d.Anomalies |= BacnetAnomalies.BvlcLengthMismatch;
            return;
        }

        int function = datagram[1];
        int length = BinaryPrimitives.ReadUInt16BigEndian(datagram[2..]);
        d.BvlcFunction = function;
        d.BvlcLength = length;
        if (length != datagram.Length) d.Anomalies |= BacnetAnomalies.BvlcLengthMismatch;

        // The datagram bounds the message, never the length field: a length past the end is ignored, and one
        // short of the end is ignored as well, because receivers (and tshark) decode the whole UDP payload, so
        // octets hidden behind a short length still reach the device.
        var message = datagram;
        var payload = message[BacnetConstants.BvlcHeaderLength..];
        int npduOffset = -1;
        switch (function)
        {
            case 0x00: // BVLC-Result (J.2.1): result code
                d.IsResponse = true;
                if (payload.Length == 2) d.BvlcResult = BinaryPrimitives.ReadUInt16BigEndian(payload);
                else d.Anomalies |= BacnetAnomalies.BvlcBadPayloadLength;
                break;
            case 0x01: // Write-BDT (J.2.2): BDT entries of 10 octets
                d.Operation = OtOperation.Write;
                d.TableEntries = TableRows(payload, ref d);
                break;
            case 0x02: // Read-BDT (J.2.3)
            case 0x06: // Read-FDT (J.2.7)
                d.Operation = OtOperation.Read;
                if (!payload.IsEmpty) d.Anomalies |= BacnetAnomalies.BvlcBadPayloadLength;
                break;
            case 0x03: // Read-BDT-Ack (J.2.4)
            case 0x07: // Read-FDT-Ack (J.2.8): FDT entries of 10 octets (address 6, TTL 2, remaining 2)
                d.Operation = OtOperation.Read;
                d.IsResponse = true;
                d.TableEntries = TableRows(payload, ref d);
                break;
            case 0x04: // Forwarded-NPDU (J.2.5): original source B/IP address, then the NPDU
                if (payload.Length < 6)
                {
                    d.Anomalies |= BacnetAnomalies.BvlcBadPayloadLength;
                    break;
                }
                d.HasOriginalSource = true;
                npduOffset = BacnetConstants.BvlcHeaderLength + 6;
                break;
            case 0x05: // Register-Foreign-Device (J.2.6): time-to-live in seconds
                d.Operation = OtOperation.Other;
                if (payload.Length == 2) d.ForeignDeviceTtl = BinaryPrimitives.ReadUInt16BigEndian(payload);
                else d.Anomalies |= BacnetAnomalies.BvlcBadPayloadLength;
                break;
            case 0x08: // Delete-Foreign-Device-Table-Entry (J.2.9): the entry's B/IP address
                d.Operation = OtOperation.Write;
                if (payload.Length != 6) d.Anomalies |= BacnetAnomalies.BvlcBadPayloadLength;
                break;
            case 0x09: // Distribute-Broadcast-To-Network (J.2.10)
            case 0x0A: // Original-Unicast-NPDU (J.2.11)
            case 0x0B: // Original-Broadcast-NPDU (J.2.12)
                npduOffset = BacnetConstants.BvlcHeaderLength;
                break;
            case 0x0C: // Secure-BVLL (J.2.13): opaque security wrapper
                d.Operation = OtOperation.Other;
                break;
            default:
                d.Anomalies |= BacnetAnomalies.BvlcUnknownFunction;
                break;
        }

        if (npduOffset >= 0) ParseNpdu(message, npduOffset, ref d);
    }

    /// <summary>
    /// BACnet over Ethernet (clause 7: ISO 8802-2 LLC, DSAP and SSAP 0x82, UI): the NPDU follows the LLC header directly,
    /// with no BVLL, so <see cref="BacnetDecoded.BvlcFunction"/> stays -1.
    /// </summary>
    public static void ParseEthernet(ReadOnlySpan<byte> npdu, out BacnetDecoded d)
    {
        d = BacnetDecoded.Empty();
        ParseNpdu(npdu, 0, ref d);
    }

    private static int TableRows(ReadOnlySpan<byte> payload, ref BacnetDecoded d)
    {
        if (payload.Length % 10 != 0) d.Anomalies |= BacnetAnomalies.BvlcBadPayloadLength;
        return payload.Length / 10;
    }

    private static void ParseNpdu(ReadOnlySpan<byte> message, int offset, ref BacnetDecoded d)
    {
        d.HasNpdu = true;
        d.NpduOffset = offset;
        var npdu = message[offset..];
        if (npdu.Length < 2)
        {
            d.Anomalies |= BacnetAnomalies.NpduTruncated;
            return;
        }
        if (npdu[0] != BacnetConstants.NpduVersion)
        {
            d.Anomalies |= BacnetAnomalies.NpduBadVersion;
            return;
        }

        byte control = npdu[1];
        d.NpduControl = control;
        if ((control & BacnetConstants.NpduReservedBits) != 0) d.Anomalies |= BacnetAnomalies.NpduReservedBits;
        int pos = 2;
        if ((control & BacnetConstants.NpduDnetPresent) != 0)
        {
            if (npdu.Length - pos < 3) { d.Anomalies |= BacnetAnomalies.NpduTruncated; return; }
            d.Dnet = BinaryPrimitives.ReadUInt16BigEndian(npdu[pos..]);
            int dlen = npdu[pos + 2];
            pos += 3;
            if (dlen > npdu.Length - pos) { d.Anomalies |= BacnetAnomalies.NpduTruncated; return; }
            d.DadrOffset = offset + pos;
            d.DadrLength = dlen;
            pos += dlen;
        }
        if ((control & BacnetConstants.NpduSnetPresent) != 0)
        {
            if (npdu.Length - pos < 3) { d.Anomalies |= BacnetAnomalies.NpduTruncated; return; }
            d.Snet = BinaryPrimitives.ReadUInt16BigEndian(npdu[pos..]);
            int slen = npdu[pos + 2];
            pos += 3;
            // §6.2.2: SLEN 0 is invalid and SNET 0xFFFF (global broadcast) cannot be a source network.
            if (slen == 0 || d.Snet == 0xFFFF) d.Anomalies |= BacnetAnomalies.NpduBadAddress;
            if (slen > npdu.Length - pos) { d.Anomalies |= BacnetAnomalies.NpduTruncated; return; }
            d.SadrOffset = offset + pos;
            d.SadrLength = slen;
            pos += slen;
        }
        if (d.Dnet >= 0)
        {
            if (npdu.Length - pos < 1) { d.Anomalies |= BacnetAnomalies.NpduTruncated; return; }
            d.HopCount = npdu[pos++];
        }

        if ((control & BacnetConstants.NpduNetworkMessage) != 0)
        {
            if (npdu.Length - pos < 1) { d.Anomalies |= BacnetAnomalies.NpduTruncated; return; }
            int type = npdu[pos++];
            d.NetworkMessageType = type;
            if (type >= 0x80)
            {
                if (npdu.Length - pos < 2) { d.Anomalies |= BacnetAnomalies.NpduTruncated; return; }
                d.NetworkVendorId = BinaryPrimitives.ReadUInt16BigEndian(npdu[pos..]);
            }
            (d.Operation, d.IsResponse) = NetworkMessageMeaning(type);
            return;
        }

        if (pos >= npdu.Length)
        {
            d.Anomalies |= BacnetAnomalies.ApduTruncated;
            return;
        }
        ParseApdu(message, offset + pos, ref d);
    }

    /// <summary>Network layer messages (§6.4): router and network-number discovery, routing table writes, the rest.</summary>
    private static (OtOperation, bool) NetworkMessageMeaning(int type) => type switch
    {
        0x00 or 0x12 => (OtOperation.Discovery, false),     // Who-Is-Router-To-Network, What-Is-Network-Number
        0x01 or 0x02 or 0x13 => (OtOperation.Discovery, true), // I-Am-Router, I-Could-Be-Router, Network-Number-Is
        0x03 or 0x04 or 0x05 or 0x07 => (OtOperation.Other, true),
        0x06 => (OtOperation.Write, false),                 // Initialize-Routing-Table
        _ => (OtOperation.Other, false),
    };

    private static void ParseApdu(ReadOnlySpan<byte> message, int offset, ref BacnetDecoded d)
    {
        var apdu = message[offset..];
        d.HasApdu = true;
        d.ApduOffset = offset;
        byte first = apdu[0];
        int type = first >> 4;
        d.PduType = (byte)type;
        d.ApduFlags = (byte)(first & 0x0F);
        bool segmented = (first & BacnetConstants.ApduSegmented) != 0;
        int pos;
        switch ((BacnetPduType)type)
        {
            case BacnetPduType.ConfirmedRequest:
                if (apdu.Length < (segmented ? 6 : 4)) { d.Anomalies |= BacnetAnomalies.ApduTruncated; return; }
                d.MaxSegments = (apdu[1] >> 4) & 0x07;
                d.MaxApdu = apdu[1] & 0x0F;
                d.InvokeId = apdu[2];
                pos = 3;
                if (segmented) { d.SequenceNumber = apdu[3]; d.WindowSize = apdu[4]; pos = 5; }
                d.ServiceChoice = apdu[pos];
                d.ServiceOffset = offset + pos + 1;
                break;
            case BacnetPduType.UnconfirmedRequest:
                if (apdu.Length < 2) { d.Anomalies |= BacnetAnomalies.ApduTruncated; return; }
                if ((first & 0x0F) != 0) d.Anomalies |= BacnetAnomalies.BadSegmentation;
                d.ServiceChoice = apdu[1];
                d.ServiceOffset = offset + 2;
                break;
            case BacnetPduType.SimpleAck:
                if (apdu.Length < 3) { d.Anomalies |= BacnetAnomalies.ApduTruncated; return; }
                if ((first & 0x0F) != 0) d.Anomalies |= BacnetAnomalies.BadSegmentation;
                d.InvokeId = apdu[1];
                d.ServiceChoice = apdu[2];
                d.ServiceOffset = offset + 3;
                break;
            case BacnetPduType.ComplexAck:
                if (apdu.Length < (segmented ? 5 : 3)) { d.Anomalies |= BacnetAnomalies.ApduTruncated; return; }
                d.InvokeId = apdu[1];
                pos = 2;
                if (segmented) { d.SequenceNumber = apdu[2]; d.WindowSize = apdu[3]; pos = 4; }
                d.ServiceChoice = apdu[pos];
                d.ServiceOffset = offset + pos + 1;
                break;
            case BacnetPduType.SegmentAck:
                if (apdu.Length < 4) { d.Anomalies |= BacnetAnomalies.ApduTruncated; return; }
                d.InvokeId = apdu[1];
                d.SequenceNumber = apdu[2];
                d.WindowSize = apdu[3];
                d.IsResponse = (first & BacnetConstants.ApduServer) != 0;
                return;
            case BacnetPduType.Error:
                if (apdu.Length < 3) { d.Anomalies |= BacnetAnomalies.ApduTruncated; return; }
                d.InvokeId = apdu[1];
                d.ServiceChoice = apdu[2];
                d.ServiceOffset = offset + 3;
                break;
            case BacnetPduType.Reject:
            case BacnetPduType.Abort:
                if (apdu.Length < 3) { d.Anomalies |= BacnetAnomalies.ApduTruncated; return; }
                d.InvokeId = apdu[1];
                d.Reason = apdu[2];
                d.IsResponse = type == (int)BacnetPduType.Reject || (first & BacnetConstants.ApduServer) != 0;
                return;
            default:
                d.Anomalies |= BacnetAnomalies.ApduUnknownType;
                return;
        }

        var pduType = (BacnetPduType)type;
        if (!BacnetNames.IsKnownService(pduType, d.ServiceChoice)) d.Anomalies |= BacnetAnomalies.UnknownService;
        d.Operation = BacnetOperations.Of(pduType, d.ServiceChoice);
        d.IsResponse = pduType is BacnetPduType.SimpleAck or BacnetPduType.ComplexAck or BacnetPduType.Error
            || (pduType == BacnetPduType.UnconfirmedRequest && d.ServiceChoice is 0 or 1);
        if (pduType == BacnetPduType.SimpleAck) return;
        if (d.SequenceNumber > 0) return;

        var service = message[d.ServiceOffset..];
        var before = d.Anomalies;
        DecodeService(pduType, service, ref d);
        // A first segment ends mid-value by design: what is cut there is not an anomaly of the sender.
        if (segmented) d.Anomalies = before | (d.Anomalies & ~(BacnetAnomalies.TagMalformed | BacnetAnomalies.ServiceMalformed));
        if (pduType == BacnetPduType.ConfirmedRequest && d.ServiceChoice == 20) d.Operation = BacnetOperations.OfReinitialize(d.ReinitializeState);
    }
}
