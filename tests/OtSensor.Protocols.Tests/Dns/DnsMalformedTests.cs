using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Dns;

namespace OtSensor.Protocols.Tests.Dns;

public sealed class DnsMalformedTests
{
    private static RecordedMessage Decode(byte[] datagram) => DnsSessionTests.Decode(datagram);

    [Fact]
    public void OnDatagram_SelfPointer_FlagsLoop()
    {
        var m = Decode(DnsVectors.SelfPointer);
        Assert.Equal(["compression_loop"], m.AnomalyNames);
        Assert.Equal(-1, m.Function);
    }

    [Fact]
    public void OnDatagram_ForwardPointerPair_FlagsLoop()
        => Assert.Equal(["compression_loop"], Decode(DnsVectors.PointerPair).AnomalyNames);

    [Fact]
    public void OnDatagram_NameOver255_FlagsTooLong()
    {
        var label = new byte[64];
        label[0] = 63;
        label.AsSpan(1).Fill((byte)'a');
        byte[] message = [0, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, .. label, .. label, .. label, .. label, .. label, 0, 0, 1, 0, 1];
        Assert.Equal(["name_too_long"], Decode(message).AnomalyNames);
    }

    [Fact]
    public void OnDatagram_ExtendedLabelType_Flagged()
        => Assert.Equal(["bad_label_type"], Decode([0, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0x41, 0, 0, 1, 0, 1]).AnomalyNames);

    [Fact]
    public void OnDatagram_CountsPromiseMoreThanSent_FlagsRecordTruncated()
    {
        var lying = (byte[])DnsVectors.Response.Clone();
        lying[7] = 5; // ancount 5, two present
        var m = Decode(lying);
        Assert.Equal(["record_truncated"], m.AnomalyNames);
        Assert.Equal(2, m.Details.GetProperty("records").GetArrayLength());
    }

    [Fact]
    public void OnDatagram_RdLengthPastEnd_FlagsRecordTruncated()
    {
        var lying = (byte[])DnsVectors.Response.Clone();
        lying[^5] = 0x40; // last rdlength 4 → 64
        Assert.Equal(["record_truncated"], Decode(lying).AnomalyNames);
    }

    [Fact]
    public void OnDatagram_TrailingBytesAndZBit_Flagged()
    {
        byte[] message = [.. DnsVectors.Query, 0xAA];
        message[3] |= 0x40;
        Assert.Equal(["trailing_bytes", "reserved_bit_set"], Decode(message).AnomalyNames);
    }

    [Fact]
    public void OnDatagram_BadAddressLengthAndQueryWithAnswers_Flagged()
    {
        var m = (byte[])DnsVectors.Response.Clone();
        m[2] = 0x01; // QR 0: a query carrying answers
        Assert.Contains("query_with_answers", Decode(m).AnomalyNames);
        byte[] shortA = [.. DnsVectors.Response.AsSpan(0, DnsVectors.Response.Length - 6), 0x00, 0x03, 10, 1, 2];
        Assert.Contains("bad_address_length", Decode(shortA).AnomalyNames);
    }

    [Fact]
    public void OnDatagram_ShortDatagram_StreamAnomalyOnly()
    {
        var sink = new RecordingSink();
        new DnsSession(ProtocolId.Dns).OnDatagram(DnsVectors.Query.AsSpan(0, 11), Direction.ToServer, sink);
        Assert.Empty(sink.Messages);
        Assert.Equal(["not_dns"], sink.StreamAnomalies);
    }

    [Fact]
    public void Read_ShortTextBuffer_KeepsStartWithoutThrowing()
    {
        Span<byte> text = stackalloc byte[6];
        Assert.Equal(DnsAnomalies.None, DnsName.Read(DnsVectors.Query, 12, text, out int n, out int next));
        Assert.Equal(("plc1", 30), (System.Text.Encoding.ASCII.GetString(text[..n]), next));
    }

    [Fact]
    public void OnDatagram_TruncatedAtEveryLength_NeverThrows()
    {
        var sink = new RecordingSink();
        foreach (var protocol in new[] { ProtocolId.Dns, ProtocolId.Mdns, ProtocolId.Llmnr })
        {
            var session = new DnsSession(protocol);
            foreach (var v in new[] { DnsVectors.Response, DnsVectors.MdnsAnnouncement, DnsVectors.LlmnrResponse })
                for (int n = 0; n < v.Length; n++)
                    session.OnDatagram(v.AsSpan(0, n), Direction.ToClient, sink);
        }
        Assert.All(sink.Messages, m => Assert.NotEqual(0UL, m.Anomalies));
    }

    [Fact]
    public void OnDatagram_RandomBytes_NeverThrows()
    {
        var random = new Random(5353);
        var session = new DnsSession(ProtocolId.Mdns);
        var sink = new RecordingSink();
        var identities = new Naming.NamingIdentitySink();
        var buffer = new byte[300];
        for (int i = 0; i < 5000; i++)
        {
            random.NextBytes(buffer);
            int length = random.Next(buffer.Length);
            if (i % 2 == 0 && length > 12)
            {
                // Small counts and a valid header, so names and records are walked over random bytes.
                buffer[2] = 0x84; buffer[3] = 0; buffer[4] = 0; buffer[5] = (byte)(i % 3); buffer[6] = 0; buffer[7] = (byte)(i % 5);
            }
            session.OnDatagram(buffer.AsSpan(0, length), Direction.ToClient, sink);
            session.OnDatagram(buffer.AsSpan(0, length), Direction.ToClient, identities);
        }
        Assert.NotEmpty(sink.Messages);
    }

    [Fact]
    public void RecognizeDatagram_RandomBytes_AlmostNeverRecognized()
    {
        var random = new Random(53);
        var buffer = new byte[200];
        int recognized = 0;
        for (int i = 0; i < 20000; i++)
        {
            random.NextBytes(buffer);
            if (DnsProbe.RecognizeDatagram(buffer.AsSpan(0, random.Next(buffer.Length)), ProtocolId.Dns) == ProbeResult.Recognized) recognized++;
        }
        Assert.Equal(0, recognized);
    }
}
