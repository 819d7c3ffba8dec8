using OtSensor.Core.Parsing;
using OtSensor.Protocols.Dhcp;

namespace OtSensor.Protocols.Tests.Dhcp;

public sealed class DhcpMalformedTests
{
    private static RecordedMessage Decode(byte[] datagram)
    {
        var sink = new RecordingSink();
        new DhcpSession().OnDatagram(datagram, Direction.ToServer, sink);
        return Assert.Single(sink.Messages);
    }

    /// <summary>The Discover's fixed part and cookie, followed by <paramref name="options"/>.</summary>
    private static byte[] WithOptions(params byte[] options) => [.. DhcpVectors.Discover.AsSpan(0, 240), .. options];

    [Fact]
    public void OnDatagram_OptionLengthPastEnd_FlagsTruncatedOption()
    {
        var m = Decode(WithOptions(53, 1, 1, 12, 200, (byte)'x')); // host name claims 200 bytes, 1 present
        Assert.Contains("option_truncated", m.AnomalyNames);
        Assert.False(m.Details.TryGetProperty("hostname", out _));
        Assert.Equal(1, m.Function);
    }

    [Fact]
    public void OnDatagram_NoEndOption_FlagsMissingEnd()
        => Assert.Equal(["missing_end"], Decode(WithOptions(53, 1, 3)).AnomalyNames);

    [Fact]
    public void OnDatagram_CodeWithoutLength_FlagsTruncatedOption()
        => Assert.Contains("option_truncated", Decode(WithOptions(53, 1, 3, 12)).AnomalyNames);

    [Fact]
    public void OnDatagram_TwoMessageTypes_KeepsFirstAndFlags()
    {
        var m = Decode(WithOptions(53, 1, 1, 53, 1, 5, 255));
        Assert.Equal(1, m.Function);
        Assert.Equal(["duplicate_message_type"], m.AnomalyNames);
    }

    [Fact]
    public void OnDatagram_MessageTypeZeroLengthAndUnknown_Flagged()
    {
        Assert.Equal(["invalid_message_type_length"], Decode(WithOptions(53, 0, 255)).AnomalyNames);
        var m = Decode(WithOptions(53, 1, 99, 255));
        Assert.Equal((99, (string?)null), (m.Function, m.FunctionName));
        Assert.Equal(["unknown_message_type"], m.AnomalyNames);
    }

    [Fact]
    public void OnDatagram_OfferFromClientSide_FlagsOpTypeMismatch()
        => Assert.Equal(["op_type_mismatch"], Decode(WithOptions(53, 1, 2, 255)).AnomalyNames); // op BOOTREQUEST, type OFFER

    [Fact]
    public void OnDatagram_BadAddressAndEmptyName_Flagged()
    {
        var m = Decode(WithOptions(50, 3, 1, 2, 3, 12, 0, 81, 3, 0, 0, 0, 255));
        Assert.Equal(["invalid_address_length", "empty_name"], m.AnomalyNames);
        Assert.False(m.Details.TryGetProperty("requestedIp", out _));
    }

    [Fact]
    public void OnDatagram_HardwareLengthTooLongAndBadOp_Flagged()
    {
        var bytes = (byte[])DhcpVectors.Discover.Clone();
        bytes[0] = 7;  // op
        bytes[2] = 40; // hlen beyond chaddr
        var m = Decode(bytes);
        Assert.Equal(["invalid_op", "invalid_hardware_length"], m.AnomalyNames);
        Assert.Equal(32, m.Details.GetProperty("chaddr").GetString()!.Length); // 16 bytes in hex, never more
    }

    [Fact]
    public void OnDatagram_WireFqdnWithPointerOrLyingLabel_StopsAtLastGoodLabel()
    {
        var m = Decode(WithOptions(81, 10, 0x04, 0, 0, 3, (byte)'a', (byte)'b', (byte)'c', 0xC0, 0x0C, 0, 255));
        Assert.Equal("abc", m.Details.GetProperty("fqdn").GetString());
        m = Decode(WithOptions(81, 6, 0x04, 0, 0, 9, (byte)'a', (byte)'b', 255));
        Assert.Equal("", m.Details.GetProperty("fqdn").GetString());
    }

    [Fact]
    public void OnDatagram_ShortDatagram_StreamAnomalyOnly()
    {
        var sink = new RecordingSink();
        new DhcpSession().OnDatagram(DhcpVectors.Discover.AsSpan(0, 100), Direction.ToServer, sink);
        Assert.Empty(sink.Messages);
        Assert.Equal(["not_dhcp"], sink.StreamAnomalies);
    }

    [Fact]
    public void OnDatagram_TruncatedEverywhere_NeverThrows()
    {
        var session = new DhcpSession();
        var sink = new RecordingSink();
        byte[][] vectors = [DhcpVectors.Discover, DhcpVectors.AckWithClientName, DhcpVectors.RelayedRequestWithFqdn, DhcpVectors.PlainBootp];
        foreach (var v in vectors)
            for (int n = 0; n <= v.Length; n++)
                session.OnDatagram(v.AsSpan(0, n), Direction.ToServer, sink);
        Assert.NotEmpty(sink.Messages);
    }

    [Fact]
    public void OnDatagram_RandomBytes_NeverThrows()
    {
        var random = new Random(20261128);
        var session = new DhcpSession();
        var sink = new RecordingSink();
        var buffer = new byte[600];
        for (int i = 0; i < 3000; i++)
        {
            random.NextBytes(buffer);
            int length = random.Next(buffer.Length);
            // Half the time, a valid header and cookie so the option walk sees random options.
            if (i % 2 == 0 && length >= 240) DhcpVectors.Discover.AsSpan(0, 240).CopyTo(buffer);
            session.OnDatagram(buffer.AsSpan(0, length), Direction.ToServer, sink);
        }
        Assert.NotEmpty(sink.Messages);
    }
}
