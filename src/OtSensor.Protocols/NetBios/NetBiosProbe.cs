using System.Buffers.Binary;
using OtSensor.Core.Parsing;
using OtSensor.Protocols.Dns;

namespace OtSensor.Protocols.NetBios;

/// <summary>Recognises NetBIOS name service and datagram service messages by content.</summary>
/// <remarks>
/// Name service: the DNS format parsing whole, a defined NetBIOS opcode, and a first name that is a 32-character
/// 'A'..'P' label (RFC 1001 §14.1). Datagram service: a direct or broadcast datagram whose DGM_LENGTH is the
/// datagram's and whose source and destination names are both such labels (RFC 1002 §4.4.2).
/// </remarks>
public static class NetBiosProbe
{
    public static ProbeResult RecognizeNameService(ReadOnlySpan<byte> data)
    {
        if (!DnsProbe.IsNetBiosName(data)) return ProbeResult.Unrecognized;
        NetBiosParser.ParseNameService(data, out var d);
        return d.Anomalies == NetBiosAnomalies.None ? ProbeResult.Recognized : ProbeResult.Unrecognized;
    }

    public static ProbeResult RecognizeDatagram(ReadOnlySpan<byte> data)
    {
        if (data.Length < NetBiosConstants.DatagramNamesOffset + (2 * NetBiosConstants.EncodedNameWire)
            || data[0] is < NetBiosConstants.DirectUnique or > NetBiosConstants.Broadcast
            || BinaryPrimitives.ReadUInt16BigEndian(data[10..]) != data.Length - NetBiosConstants.DatagramNamesOffset)
            return ProbeResult.Unrecognized;
        NetBiosParser.ParseDatagram(data, out var d);
        return (d.Anomalies & ~NetBiosAnomalies.BadSmbTransaction) == 0 && d.DestinationNameOffset > 0 ? ProbeResult.Recognized : ProbeResult.Unrecognized;
    }
}
