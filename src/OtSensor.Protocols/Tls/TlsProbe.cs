using System.Buffers.Binary;
using OtSensor.Core.Parsing;

namespace OtSensor.Protocols.Tls;

/// <summary>Recognises TLS by its first record: a handshake record (type 22, version 3.x) carrying a ClientHello or ServerHello.</summary>
/// <remarks>
/// RFC 8446 §5.1, §4.1.2: the record length fits the limit, the handshake type is 1 or 2, its 24-bit length fits in
/// the record (or the hello spans records: then at least 38 bytes, a hello's minimum, are announced), and the hello's
/// legacy_version is 3.x. The probe needs the first 11 bytes.
/// </remarks>
public static class TlsProbe
{
    public static ProbeResult Recognize(ReadOnlySpan<byte> data)
    {
        if (data.Length >= 1 && data[0] != TlsConstants.ContentHandshake) return ProbeResult.Unrecognized;
        if (data.Length >= 2 && data[1] != 3) return ProbeResult.Unrecognized;
        if (data.Length < 11) return ProbeResult.Incomplete;
        int record = BinaryPrimitives.ReadUInt16BigEndian(data[3..]);
        if (data[2] > 4 || record is < 42 or > TlsConstants.MaxRecordLength) return ProbeResult.Unrecognized;
        if (data[5] is not (TlsConstants.ClientHello or TlsConstants.ServerHello)) return ProbeResult.Unrecognized;
        int hello = (data[6] << 16) | (data[7] << 8) | data[8];
        if (hello < 38 || hello > TlsConstants.MaxHandshakeMessage) return ProbeResult.Unrecognized;
        return data[9] == 3 && data[10] <= 4 ? ProbeResult.Recognized : ProbeResult.Unrecognized;
    }
}
