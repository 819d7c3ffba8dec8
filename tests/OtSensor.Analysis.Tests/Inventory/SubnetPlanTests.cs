using OtSensor.Analysis.Inventory;
using OtSensor.Core.Net;
using OtSensor.Core.Time;

namespace OtSensor.Analysis.Tests.Inventory;

public sealed class SubnetPlanTests
{
    private static IPAddressBytes Ip(string text) => IPAddressBytes.TryParse(text, out var address) ? address : throw new ArgumentException(text);

    [Theory]
    [InlineData("10.10.0.0/16", "10.10.0.0/16", "10.10.0.0/16")]
    [InlineData("control=10.10.10.0/24", "10.10.10.0/24", "control")]
    [InlineData(" dmz = 172.16.0.0/12 ", "172.16.0.0/12", "dmz")]
    [InlineData("fd00:1::/64", "fd00:1::/64", "fd00:1::/64")]
    [InlineData("host=10.0.0.7/32", "10.0.0.7/32", "host")]
    public void TryParse_ValidEntry_GivesConfiguredSubnet(string specification, string cidr, string name)
    {
        Assert.True(SubnetPlan.TryParse(specification, out var plan, out var error), error);
        var subnet = Assert.Single(plan.Configured);
        Assert.Equal((cidr, name, SubnetOrigin.Configured), (subnet.Cidr, subnet.Name, subnet.Origin));
    }

    [Theory]
    [InlineData("10.10.0.0", "not a CIDR")]
    [InlineData("10.10.0.0/x", "not a CIDR")]
    [InlineData("plant=10.10.0.300/16", "not a CIDR")]
    [InlineData("10.10.0.0/33", "prefix length 33 is longer than 32")]
    [InlineData("10.10.5.0/16", "host bits are set (did you mean 10.10.0.0/16?)")]
    [InlineData("=10.10.0.0/16", "empty name")]
    [InlineData("a=10.10.0.0/16,b=10.10.0.0/16", "given twice")]
    public void TryParse_BadEntry_OneLineReasonNamingIt(string specification, string reason)
    {
        Assert.False(SubnetPlan.TryParse(specification, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
        Assert.StartsWith("subnet '", error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error!);
    }

    [Fact]
    public void TryParse_NothingGiven_LearnsEverything()
    {
        Assert.True(SubnetPlan.TryParse("  ", out var plan, out _));
        Assert.Empty(plan.Configured);
    }

    [Fact]
    public void Of_OverlappingConfiguredSubnets_LongestPrefixWins()
    {
        Assert.True(SubnetPlan.TryParse("plant=10.10.0.0/16,cell=10.10.10.0/24", out var plan, out _));

        Assert.Equal("cell", plan.Of(Ip("10.10.10.11")).Name);
        Assert.Equal("plant", plan.Of(Ip("10.10.20.10")).Name);
    }

    [Fact]
    public void Of_NoConfiguredMatch_LearnsOneSubnetPerIPv4Slash24AndIPv6Slash64()
    {
        var plan = SubnetPlan.LearnedOnly();

        var first = plan.Of(Ip("192.168.1.10"));
        Assert.Same(first, plan.Of(Ip("192.168.1.200")));
        Assert.NotSame(first, plan.Of(Ip("192.168.2.10")));
        Assert.Equal(("192.168.1.0/24", SubnetOrigin.Learned), (first.Cidr, first.Origin));
        Assert.Equal("fd00:0:0:1::/64", plan.Of(Ip("fd00:0:0:1::5")).Cidr);
    }

    [Fact]
    public void Of_PublicAddress_PublicUnlessConfigured()
    {
        Assert.True(SubnetPlan.TryParse("plant=193.0.0.0/24", out var plan, out _));

        Assert.Equal(SubnetOrigin.Public, plan.Of(Ip("8.8.8.8")).Origin);
        Assert.Equal("plant", plan.Of(Ip("193.0.0.12")).Name);
    }

    [Fact]
    public void Of_DeviceKnownOnlyByMac_HasNoSubnet()
    {
        var inventory = new DeviceInventory();
        var device = inventory.GetOrAddByMac(new MacAddress(0x00_0E_8C_11_22_33), new Timestamp(1))!;

        Assert.Null(SubnetPlan.LearnedOnly().Of(device));
    }
}
