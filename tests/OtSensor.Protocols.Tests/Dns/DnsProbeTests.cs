using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Dns;

namespace OtSensor.Protocols.Tests.Dns;

public sealed class DnsProbeTests
{
    [Fact]
    public void RecognizeDatagram_WellFormedMessages_Recognized()
    {
        Assert.Equal(ProbeResult.Recognized, DnsProbe.RecognizeDatagram(DnsVectors.Query, ProtocolId.Dns));
        Assert.Equal(ProbeResult.Recognized, DnsProbe.RecognizeDatagram(DnsVectors.Response, ProtocolId.Dns));
        Assert.Equal(ProbeResult.Recognized, DnsProbe.RecognizeDatagram(DnsVectors.MdnsAnnouncement, ProtocolId.Mdns));
        Assert.Equal(ProbeResult.Recognized, DnsProbe.RecognizeDatagram(DnsVectors.LlmnrResponse, ProtocolId.Llmnr));
    }

    [Fact]
    public void RecognizeDatagram_MalformedOrTrailing_Unrecognized()
    {
        Assert.Equal(ProbeResult.Unrecognized, DnsProbe.RecognizeDatagram(DnsVectors.SelfPointer, ProtocolId.Dns));
        Assert.Equal(ProbeResult.Unrecognized, DnsProbe.RecognizeDatagram([.. DnsVectors.Query, 0], ProtocolId.Dns));
        Assert.Equal(ProbeResult.Unrecognized, DnsProbe.RecognizeDatagram(DnsVectors.Query.AsSpan(0, 20), ProtocolId.Dns));
        Assert.Equal(ProbeResult.Unrecognized, DnsProbe.RecognizeDatagram(new byte[12], ProtocolId.Dns)); // no question, no record
    }

    [Fact]
    public void RecognizeDatagram_NetBiosNameQuery_LeftToNetBios()
    {
        byte[] nbns =
        [
            0x80, 0x01, 0x01, 0x10, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, // id, flags (query, B), qdcount 1
            32, .. "EOEFEEEFEBEEEFEMEFEBEEFFEMEFEBAA"u8.ToArray(), 0,                       // encoded "NODENAMEDOMAIN.." style name
            0x00, 0x20, 0x00, 0x01,                                                      // NB, IN
        ];
        Assert.True(DnsProbe.IsNetBiosName(nbns));
        Assert.Equal(ProbeResult.Unrecognized, DnsProbe.RecognizeDatagram(nbns, ProtocolId.Dns));
    }

    [Fact]
    public void RecognizeStream_LengthPrefixedQuery_WaitsThenRecognizes()
    {
        byte[] tcp = [0x00, (byte)DnsVectors.Query.Length, .. DnsVectors.Query];
        Assert.Equal(ProbeResult.Incomplete, DnsProbe.RecognizeStream(tcp.AsSpan(0, 1)));
        Assert.Equal(ProbeResult.Incomplete, DnsProbe.RecognizeStream(tcp.AsSpan(0, 20)));
        Assert.Equal(ProbeResult.Recognized, DnsProbe.RecognizeStream(tcp));
        Assert.Equal(ProbeResult.Unrecognized, DnsProbe.RecognizeStream("GET / HTTP/1.1\r\nHost: x\r\n\r\n"u8));
    }
}
