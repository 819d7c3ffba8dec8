using OtSensor.Core.Parsing;
using OtSensor.Protocols.Dhcp;

namespace OtSensor.Protocols.Tests.Dhcp;

public sealed class DhcpProbeTests
{
    [Fact]
    public void Recognize_DiscoverAndAck_Recognized()
    {
        Assert.Equal(ProbeResult.Recognized, DhcpProbe.Recognize(DhcpVectors.Discover, Direction.ToServer));
        Assert.Equal(ProbeResult.Recognized, DhcpProbe.Recognize(DhcpVectors.AckWithClientName, Direction.ToServer));
    }

    [Fact]
    public void Recognize_NoCookieBadOpOrLongHlen_Unrecognized()
    {
        Assert.Equal(ProbeResult.Unrecognized, DhcpProbe.Recognize(DhcpVectors.PlainBootp, Direction.ToServer));
        var bad = (byte[])DhcpVectors.Discover.Clone();
        bad[0] = 3;
        Assert.Equal(ProbeResult.Unrecognized, DhcpProbe.Recognize(bad, Direction.ToServer));
        bad[0] = 1;
        bad[2] = 17;
        Assert.Equal(ProbeResult.Unrecognized, DhcpProbe.Recognize(bad, Direction.ToServer));
        Assert.Equal(ProbeResult.Unrecognized, DhcpProbe.Recognize(DhcpVectors.Discover.AsSpan(0, 239), Direction.ToServer));
    }
}
