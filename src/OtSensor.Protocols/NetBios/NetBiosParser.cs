using System.Buffers.Binary;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Dns;

namespace OtSensor.Protocols.NetBios;

/// <summary>Decodes NetBIOS name service (UDP 137) and datagram service (UDP 138) messages in place.</summary>
/// <remarks>
/// Name service (RFC 1002 §4.2): the DNS message format (decoded by <see cref="DnsParser"/>) with opcodes 0 query,
/// 5 registration, 6 release, 7 WACK, 8/9 refresh, 15 multi-homed registration; NB records carry NB_FLAGS (G bit,
/// owner type) and an address; NBSTAT answers list the node's names (§4.2.18):
/// <code>
/// NUM_NAMES (1) | NODE_NAME (15 + suffix 1) NAME_FLAGS (2) … | UNIT_ID (6, the MAC) | statistics …
/// </code>
/// Datagram service (RFC 1002 §4.4):
/// <code>
/// MSG_TYPE (1) FLAGS (1) DGM_ID (2) SOURCE_IP (4) SOURCE_PORT (2) DGM_LENGTH (2) PACKET_OFFSET (2)
/// SOURCE_NAME (34) DESTINATION_NAME (34) USER_DATA (SMB)
/// </code>
/// A direct or broadcast datagram to \MAILSLOT\BROWSE carries an SMB Transaction ([MS-CIFS] §2.2.4.33) whose data is
/// a browser frame ([MS-BRWS] §2.2): host and local master announcements name the server, its OS version and comment.
/// </remarks>
public static class NetBiosParser
{
    /// <summary>[MS-CIFS] §2.2.3.1: the SMB1 protocol identifier.</summary>
    private static ReadOnlySpan<byte> SmbMagic => [0xFF, (byte)'S', (byte)'M', (byte)'B'];

    internal static void ParseNameService(ReadOnlySpan<byte> message, out NetBiosDecoded d)
    {
        d = default;
        d.NameOffset = -1;
        d.BrowserOffset = -1;
        d.SourceNameOffset = -1;
        d.DestinationNameOffset = -1;
        DnsParser.Parse(message, ProtocolId.NetBios, out d.Ns);
        if (!d.Ns.HasHeader)
        {
            d.Anomalies |= NetBiosAnomalies.Truncated;
            return;
        }
        d.HasHeader = true;
        const DnsAnomalies tolerated = DnsAnomalies.UnknownOpcode | DnsAnomalies.QueryWithAnswers | DnsAnomalies.ReservedBitSet;
        if ((d.Ns.Anomalies & ~tolerated) != 0) d.Anomalies |= NetBiosAnomalies.MalformedNameService;
        if (d.Ns.Opcode is not (0 or (>= 5 and <= 9) or 15)) d.Anomalies |= NetBiosAnomalies.UnknownOpcode;

        if (d.Ns.KeptQuestions > 0) d.NameOffset = d.Ns.Questions[0].NameOffset;
        else if (d.Ns.KeptRecords > 0) d.NameOffset = d.Ns.Records[0].NameOffset;
        Span<byte> name = stackalloc byte[NetBiosConstants.NameLength];
        if (d.NameOffset >= 0 && !NetBiosName.TryDecode(message, d.NameOffset, name, out _)) d.Anomalies |= NetBiosAnomalies.BadNameEncoding;

        for (int i = 0; i < d.Ns.KeptRecords; i++)
        {
            var r = d.Ns.Records[i];
            if (r.Type == NetBiosConstants.TypeNb && r.DataLength >= 6 && !d.HasNbFlags)
            {
                d.HasNbFlags = true;
                d.NbFlags = BinaryPrimitives.ReadUInt16BigEndian(message[r.DataOffset..]);
                d.NbAddressOffset = r.DataOffset + 2;
            }
            else if (r.Type == NetBiosConstants.TypeNbstat && r.DataLength >= 1 && d.NodeStatusOffset == 0)
            {
                int count = message[r.DataOffset];
                int fits = (r.DataLength - 1) / 18;
                if (count > fits)
                {
                    d.Anomalies |= NetBiosAnomalies.NodeStatusTruncated;
                    count = fits;
                }
                d.NodeStatusOffset = r.DataOffset + 1;
                d.NodeStatusCount = count;
                int unit = d.NodeStatusOffset + (18 * count);
                if (unit + 6 <= r.DataOffset + r.DataLength) d.UnitIdOffset = unit;
            }
        }
    }

    internal static void ParseDatagram(ReadOnlySpan<byte> datagram, out NetBiosDecoded d)
    {
        d = default;
        d.IsDatagram = true;
        d.NameOffset = -1;
        d.BrowserOffset = -1;
        d.SourceNameOffset = -1;
        d.DestinationNameOffset = -1;
        if (datagram.Length < NetBiosConstants.DatagramHeaderLength)
        {
            d.Anomalies |= NetBiosAnomalies.Truncated;
            return;
        }
        d.HasHeader = true;
        d.MessageType = datagram[0];
        d.DatagramFlags = datagram[1];
        d.DatagramId = BinaryPrimitives.ReadUInt16BigEndian(datagram[2..]);
        Span<byte> name = stackalloc byte[NetBiosConstants.NameLength];
        switch (d.MessageType)
        {
            case NetBiosConstants.DirectUnique or NetBiosConstants.DirectGroup or NetBiosConstants.Broadcast:
                if (datagram.Length < NetBiosConstants.DatagramNamesOffset) { d.Anomalies |= NetBiosAnomalies.Truncated; return; }
                int length = BinaryPrimitives.ReadUInt16BigEndian(datagram[10..]);
                if (length != datagram.Length - NetBiosConstants.DatagramNamesOffset) d.Anomalies |= NetBiosAnomalies.LengthMismatch;
                if (!NetBiosName.TryDecode(datagram, NetBiosConstants.DatagramNamesOffset, name, out int afterSource))
                {
                    d.Anomalies |= NetBiosAnomalies.BadNameEncoding;
                    return;
                }
                d.SourceNameOffset = NetBiosConstants.DatagramNamesOffset;
                if (!NetBiosName.TryDecode(datagram, afterSource, name, out int afterDestination))
                {
                    d.Anomalies |= NetBiosAnomalies.BadNameEncoding;
                    return;
                }
                d.DestinationNameOffset = afterSource;
                FindBrowserFrame(datagram, afterDestination, ref d);
                return;
            case NetBiosConstants.QueryRequest or NetBiosConstants.PositiveQueryResponse or NetBiosConstants.NegativeQueryResponse:
                if (NetBiosName.TryDecode(datagram, NetBiosConstants.DatagramHeaderLength, name, out _)) d.DestinationNameOffset = NetBiosConstants.DatagramHeaderLength;
                else d.Anomalies |= NetBiosAnomalies.BadNameEncoding;
                return;
            case NetBiosConstants.DatagramError:
                if (datagram.Length < NetBiosConstants.DatagramHeaderLength + 1) d.Anomalies |= NetBiosAnomalies.Truncated;
                return;
            default:
                d.Anomalies |= NetBiosAnomalies.UnknownMessageType;
                return;
        }
    }

    /// <summary>
    /// Finds the browser frame in an SMB Transaction to \MAILSLOT\BROWSE ([MS-CIFS] §2.2.4.33.1: DataCount at word
    /// 11, DataOffset at word 12, both from the SMB header; the mailslot name after the setup words and byte count).
    /// </summary>
    private static void FindBrowserFrame(ReadOnlySpan<byte> datagram, int smbOffset, ref NetBiosDecoded d)
    {
        if (smbOffset < 0 || smbOffset > datagram.Length) return;
        var smb = datagram[smbOffset..];
        if (smb.Length < NetBiosConstants.SmbHeaderLength + 1 || !smb.StartsWith(SmbMagic)
            || smb[4] != NetBiosConstants.SmbCommandTransaction) return;
        int words = smb[NetBiosConstants.SmbHeaderLength];
        int wordsOffset = NetBiosConstants.SmbHeaderLength + 1;
        if (words < 14 || wordsOffset + (2 * words) + 2 > smb.Length)
        {
            d.Anomalies |= NetBiosAnomalies.BadSmbTransaction;
            return;
        }
        int dataCount = BinaryPrimitives.ReadUInt16LittleEndian(smb[(wordsOffset + 22)..]);
        int dataOffset = BinaryPrimitives.ReadUInt16LittleEndian(smb[(wordsOffset + 24)..]);
        int mailslot = wordsOffset + (2 * words) + 2;
        if (!smb[mailslot..].StartsWith("\\MAILSLOT\\BROWSE"u8)) return;
        if (dataOffset > smb.Length || dataCount > smb.Length - dataOffset || dataCount == 0)
        {
            d.Anomalies |= NetBiosAnomalies.BadSmbTransaction;
            return;
        }
        d.BrowserOffset = smbOffset + dataOffset;
        d.BrowserLength = dataCount;
    }
}
