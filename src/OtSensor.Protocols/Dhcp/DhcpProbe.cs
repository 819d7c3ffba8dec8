using OtSensor.Core.Parsing;

namespace OtSensor.Protocols.Dhcp;

/// <summary>Recognises DHCP by content: a BOOTP header with a defined op, a plausible hlen and the magic cookie.</summary>
/// <remarks>
/// RFC 2131 §2–§3: op 1 or 2, hlen ≤ 16 and 99.130.83.99 at offset 236. The 32-bit cookie at a fixed offset of a
/// datagram of at least 240 bytes makes chance matches negligible on any port. Plain BOOTP without the cookie is
/// decoded only on a flow that the cookie (or port 67/68 traffic with a cookie) recognised first.
/// </remarks>
public static class DhcpProbe
{
    public static ProbeResult Recognize(ReadOnlySpan<byte> data, Direction direction)
    {
        _ = direction;
        if (!DhcpParser.HasCookie(data)) return ProbeResult.Unrecognized;
        byte op = data[DhcpConstants.OpOffset];
        if (op is not (DhcpConstants.BootRequest or DhcpConstants.BootReply)) return ProbeResult.Unrecognized;
        return data[DhcpConstants.HlenOffset] <= DhcpConstants.ChaddrLength ? ProbeResult.Recognized : ProbeResult.Unrecognized;
    }
}
