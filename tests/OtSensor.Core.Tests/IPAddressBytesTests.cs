using OtSensor.Core.Net;

namespace OtSensor.Core.Tests;

public sealed class IPAddressBytesTests
{
    [Theory]
    [InlineData("10.0.0.1", true, false)]
    [InlineData("172.16.5.4", true, false)]
    [InlineData("172.32.0.1", false, false)]
    [InlineData("192.168.1.1", true, false)]
    [InlineData("100.64.0.1", true, false)]
    [InlineData("169.254.10.1", true, false)]
    [InlineData("8.8.8.8", false, false)]
    [InlineData("224.0.0.251", false, true)]
    [InlineData("255.255.255.255", false, true)]
    [InlineData("fe80::1", true, false)]
    [InlineData("fd00::5", true, false)]
    [InlineData("2001:db8::1", false, false)]
    [InlineData("ff02::1", false, true)]
    public void Classification_MatchesTheRfcRanges(string text, bool isPrivate, bool isGroup)
    {
        Assert.True(IPAddressBytes.TryParse(text, out var address));
        Assert.Equal(isPrivate, address.IsPrivate);
        Assert.Equal(isGroup, address.IsMulticastOrBroadcast);
    }

    [Theory]
    [InlineData("10.10.20.50")]
    [InlineData("0.0.0.0")]
    [InlineData("255.255.255.255")]
    [InlineData("2001:db8::1")]
    [InlineData("::ffff:1.2.3.4")]
    public void ToString_RoundTrips(string text)
    {
        Assert.True(IPAddressBytes.TryParse(text, out var address));
        var expected = System.Net.IPAddress.Parse(text);
        Assert.Equal(expected.IsIPv4MappedToIPv6 ? expected.MapToIPv4().ToString() : expected.ToString(), address.ToString());
    }

    [Fact]
    public void MacAddress_FormatsAndClassifies()
    {
        var mac = MacAddress.Read([0x01, 0x00, 0x5E, 0x00, 0x00, 0xFB]);
        Assert.Equal("01:00:5e:00:00:fb", mac.ToString());
        Assert.True(mac.IsGroup);
        Assert.Equal(0x01005Eu, mac.Oui);
        Assert.True(MacAddress.Broadcast.IsBroadcast);
    }
}
