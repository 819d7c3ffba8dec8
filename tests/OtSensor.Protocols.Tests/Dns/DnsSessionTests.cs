using System.Text.Json;
using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Dns;
using OtSensor.Protocols.Tests.Naming;

namespace OtSensor.Protocols.Tests.Dns;

public sealed class DnsSessionTests
{
    internal static RecordedMessage Decode(byte[] datagram, ProtocolId protocol = ProtocolId.Dns)
    {
        var sink = new RecordingSink();
        new DnsSession(protocol).OnDatagram(datagram, Direction.ToServer, sink);
        return Assert.Single(sink.Messages);
    }

    private static List<(IdentityField Field, string Value, string Source)> Identities(byte[] datagram, ProtocolId protocol)
    {
        var sink = new NamingIdentitySink();
        new DnsSession(protocol).OnDatagram(datagram, Direction.ToClient, sink);
        return sink.Identities;
    }

    [Fact]
    public void OnDatagram_Query_FunctionIsFirstQuestionType()
    {
        var m = Decode(DnsVectors.Query);
        Assert.Equal((ProtocolId.Dns, 1, "A", false, OtOperation.Other, 0UL), (m.Protocol, m.Function, m.FunctionName, m.IsResponse, m.Operation, m.Anomalies));
        var q = m.Details.GetProperty("questions")[0];
        Assert.Equal(("plc1.example.com", 1, 1), (q.GetProperty("name").GetString(), q.GetProperty("type").GetInt32(), q.GetProperty("class").GetInt32()));
        Assert.True(m.Details.GetProperty("rd").GetBoolean());
    }

    [Fact]
    public void OnDatagram_Response_DecompressesAnswers()
    {
        var m = Decode(DnsVectors.Response);
        Assert.Equal((1, true, 0UL), (m.Function, m.IsResponse, m.Anomalies));
        Assert.Equal(("NoError", 2), (m.Details.GetProperty("rcodeName").GetString(), m.Details.GetProperty("ancount").GetInt32()));
        var records = m.Details.GetProperty("records");
        Assert.Equal(("answer", "plc1.example.com", "CNAME", "www.example.com"),
            (records[0].GetProperty("section").GetString(), records[0].GetProperty("name").GetString(), records[0].GetProperty("typeName").GetString(), records[0].GetProperty("target").GetString()));
        Assert.Equal(("www.example.com", "10.1.2.3", 60), (records[1].GetProperty("name").GetString(), records[1].GetProperty("address").GetString(), records[1].GetProperty("ttl").GetInt32()));
    }

    [Fact]
    public void ReportIdentity_PlainDnsAnswer_IsAboutAnotherHost()
        => Assert.Empty(Identities(DnsVectors.Response, ProtocolId.Dns));

    [Fact]
    public void OnDatagram_MdnsAnnouncement_DecodesServiceRecords()
    {
        var m = Decode(DnsVectors.MdnsAnnouncement, ProtocolId.Mdns);
        Assert.Equal((ProtocolId.Mdns, -1, (string?)null, true, OtOperation.Discovery, 0UL), (m.Protocol, m.Function, m.FunctionName, m.IsResponse, m.Operation, m.Anomalies));
        var r = m.Details.GetProperty("records");
        Assert.Equal(("_http._tcp.local", "Dev._http._tcp.local", false), (r[0].GetProperty("name").GetString(), r[0].GetProperty("target").GetString(), r[0].GetProperty("cacheFlush").GetBoolean()));
        Assert.Equal(("Compube.local", 80, 1), (r[1].GetProperty("target").GetString(), r[1].GetProperty("port").GetInt32(), r[1].GetProperty("class").GetInt32()));
        Assert.Equal(["ty=EK1100", "path=/"], r[2].GetProperty("txt").EnumerateArray().Select(e => e.GetString()!));
        Assert.Equal(("Compube.local", "192.168.0.17", true), (r[3].GetProperty("name").GetString(), r[3].GetProperty("address").GetString(), r[3].GetProperty("cacheFlush").GetBoolean()));
    }

    [Fact]
    public void ReportIdentity_MdnsAnnouncement_ModelAndHostWithoutLocal()
    {
        var ids = Identities(DnsVectors.MdnsAnnouncement, ProtocolId.Mdns);
        Assert.Equal([(IdentityField.Model, "EK1100"), (IdentityField.Hostname, "Compube")], ids.Select(i => (i.Field, i.Value)));
    }

    [Fact]
    public void ReportIdentity_LlmnrAnswer_NamesResponder()
    {
        var ids = Identities(DnsVectors.LlmnrResponse, ProtocolId.Llmnr);
        Assert.Equal([(IdentityField.Hostname, "WIN10", "llmnr A/AAAA answer")], ids);
        Assert.Equal(ProtocolId.Llmnr, Decode(DnsVectors.LlmnrResponse, ProtocolId.Llmnr).Protocol);
    }

    [Fact]
    public void ReportIdentity_Queries_StateNothing()
    {
        Assert.Empty(Identities(DnsVectors.Query, ProtocolId.Mdns));
        Assert.Empty(Identities(DnsVectors.Query, ProtocolId.Llmnr));
    }

    [Fact]
    public void ModelValue_MdOnlyWhenAllowed()
    {
        byte[] txt = [8, (byte)'m', (byte)'d', (byte)'=', (byte)'0', (byte)',', (byte)'1', (byte)',', (byte)'2'];
        Assert.True(DnsIdentity.ModelValue(txt, mdIsModel: false).IsEmpty);
        Assert.Equal("0,1,2", System.Text.Encoding.ASCII.GetString(DnsIdentity.ModelValue(txt, mdIsModel: true)));
    }

    [Fact]
    public void ModelValue_KeysAreCaseInsensitive_FirstWins()
    {
        byte[] txt = [4, (byte)'a', (byte)'=', (byte)'b', (byte)'c', 8, (byte)'M', (byte)'o', (byte)'d', (byte)'e', (byte)'l', (byte)'=', (byte)'X', (byte)'1', 4, (byte)'t', (byte)'y', (byte)'=', (byte)'Y'];
        Assert.Equal("X1", System.Text.Encoding.ASCII.GetString(DnsIdentity.ModelValue(txt, mdIsModel: true)));
    }

    [Fact]
    public void OnDatagram_SteadyState_AllocatesNothing()
    {
        byte[][] vectors = [DnsVectors.Query, DnsVectors.Response, DnsVectors.MdnsAnnouncement, DnsVectors.LlmnrResponse, DnsVectors.SelfPointer, DnsVectors.PointerPair];
        var sessions = new[] { new DnsSession(ProtocolId.Dns), new DnsSession(ProtocolId.Mdns), new DnsSession(ProtocolId.Llmnr) };
        var sink = new NoOpSink();
        var identities = new NamingIdentitySink(keep: false);
        for (int i = 0; i < 100; i++) Pump();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++) Pump();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(1100L * vectors.Length * sessions.Length, sink.Count);

        void Pump()
        {
            foreach (var s in sessions)
                foreach (var v in vectors)
                {
                    s.OnDatagram(v, Direction.ToServer, sink);
                    s.OnDatagram(v, Direction.ToClient, identities);
                }
        }
    }

    [Fact]
    public void WriteDetails_EveryVector_IsValidJson()
    {
        foreach (var v in new[] { DnsVectors.Query, DnsVectors.Response, DnsVectors.MdnsAnnouncement, DnsVectors.LlmnrResponse, DnsVectors.SelfPointer, DnsVectors.PointerPair })
            Assert.Equal(JsonValueKind.Object, Decode(v, ProtocolId.Mdns).Details.ValueKind);
    }
}
