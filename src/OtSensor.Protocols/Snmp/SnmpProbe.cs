using OtSensor.Core.Parsing;

namespace OtSensor.Protocols.Snmp;

/// <summary>Recognises SNMP by content: a BER SEQUENCE spanning the whole datagram with a known version and a PDU that parses.</summary>
/// <remarks>
/// The datagram must start with 0x30, its outer length must end exactly at the datagram's end, the version must be
/// 0, 1 or 3, and the community (v1/v2c) and PDU (or v3 header) must decode with no anomaly (RFC 3416, RFC 3412).
/// </remarks>
public static class SnmpProbe
{
    public static ProbeResult Recognize(ReadOnlySpan<byte> data)
    {
        if (data.Length < 8 || data[0] != SnmpConstants.TagSequence) return ProbeResult.Unrecognized;
        SnmpParser.Parse(data, out var d);
        return d.Anomalies == SnmpAnomalies.None && (d.PduType >= 0 || d.Encrypted) ? ProbeResult.Recognized : ProbeResult.Unrecognized;
    }
}
