using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Snmp;
using OtSensor.Protocols.Tests.Naming;

namespace OtSensor.Protocols.Tests.Snmp;

public sealed class SnmpTests
{
    private static RecordedMessage Decode(byte[] datagram)
    {
        var sink = new RecordingSink();
        new SnmpSession().OnDatagram(datagram, Direction.ToClient, sink);
        return Assert.Single(sink.Messages);
    }

    [Fact]
    public void OnDatagram_SystemGroupResponse_DecodesVarbindsWithoutCommunity()
    {
        var m = Decode(SnmpVectors.SystemGroupResponse);
        Assert.Equal((ProtocolId.Snmp, 2, "get-response", true, OtOperation.Read, 0UL), (m.Protocol, m.Function, m.FunctionName, m.IsResponse, m.Operation, m.Anomalies));
        var d = m.Details;
        Assert.Equal(("v2c", 6, 12345, 3), (d.GetProperty("versionName").GetString(), d.GetProperty("communityLength").GetInt32(), d.GetProperty("requestId").GetInt32(), d.GetProperty("varbindCount").GetInt32()));
        Assert.DoesNotContain("public", m.DetailsJson, StringComparison.Ordinal);
        Assert.Equal(("SCALANCE X20", "1.3.6.1.4.1.20894.1.2.3", "sw-1"), (d.GetProperty("sysDescr").GetString(), d.GetProperty("sysObjectID").GetString(), d.GetProperty("sysName").GetString()));
        Assert.Equal("1.3.6.1.2.1.1.1.0", d.GetProperty("varbinds")[0].GetProperty("oid").GetString());
    }

    [Fact]
    public void ReportIdentity_Response_NameDescriptionProductCode()
    {
        var sink = new NamingIdentitySink();
        new SnmpSession().OnDatagram(SnmpVectors.SystemGroupResponse, Direction.ToClient, sink);
        Assert.Equal(
            [(IdentityField.Hostname, "sw-1"), (IdentityField.Description, "SCALANCE X20"), (IdentityField.ProductCode, "1.3.6.1.4.1.20894.1.2.3")],
            sink.Identities.Select(i => (i.Field, i.Value)));
    }

    [Fact]
    public void ReportIdentity_Request_StatesNothing()
    {
        var sink = new NamingIdentitySink();
        new SnmpSession().OnDatagram(SnmpVectors.SystemGroupRequest, Direction.ToServer, sink);
        Assert.Empty(sink.Identities);
        Assert.Equal((0, OtOperation.Read), (Decode(SnmpVectors.SystemGroupRequest).Function, Decode(SnmpVectors.SystemGroupRequest).Operation));
    }

    [Fact]
    public void OnDatagram_V3Encrypted_HeaderOnly()
    {
        var m = Decode(SnmpVectors.V3Encrypted);
        Assert.Equal((-1, 0UL), (m.Function, m.Anomalies));
        Assert.Equal((256, 3, 7, true), (m.Details.GetProperty("msgId").GetInt32(), m.Details.GetProperty("securityModel").GetInt32(), m.Details.GetProperty("msgFlags").GetInt32(), m.Details.GetProperty("encrypted").GetBoolean()));
        Assert.Equal(ProbeResult.Recognized, SnmpProbe.Recognize(SnmpVectors.V3Encrypted));
    }

    [Fact]
    public void OnDatagram_LyingLengthsBadVersionBadOid_Flagged()
    {
        var lying = (byte[])SnmpVectors.SystemGroupResponse.Clone();
        lying[1] = 0x7F; // outer length past the datagram
        Assert.Equal(["malformed"], Decode(lying).AnomalyNames);
        var version = (byte[])SnmpVectors.SystemGroupRequest.Clone();
        version[4] = 2;
        Assert.Equal(["unknown_version"], Decode(version).AnomalyNames);
        var oid = (byte[])SnmpVectors.SystemGroupRequest.Clone();
        oid[38] = 0x80; // last OID byte with the continuation bit
        Assert.Contains("bad_oid", Decode(oid).AnomalyNames);
        Assert.Equal(["trailing_bytes"], Decode([.. SnmpVectors.SystemGroupRequest, 0x00]).AnomalyNames);
    }

    [Fact]
    public void Recognize_OnlyWholeWellFormedMessages()
    {
        Assert.Equal(ProbeResult.Recognized, SnmpProbe.Recognize(SnmpVectors.SystemGroupRequest));
        Assert.Equal(ProbeResult.Unrecognized, SnmpProbe.Recognize(SnmpVectors.SystemGroupRequest.AsSpan(0, 40)));
        Assert.Equal(ProbeResult.Unrecognized, SnmpProbe.Recognize([.. SnmpVectors.SystemGroupRequest, 0x00]));
        var random = new Random(161);
        var buffer = new byte[120];
        int recognized = 0;
        for (int i = 0; i < 20000; i++)
        {
            random.NextBytes(buffer);
            buffer[0] = 0x30;
            if (SnmpProbe.Recognize(buffer.AsSpan(0, random.Next(8, buffer.Length))) == ProbeResult.Recognized) recognized++;
        }
        Assert.Equal(0, recognized);
    }

    [Fact]
    public void OnDatagram_TruncatedAndMutated_NeverThrow()
    {
        var session = new SnmpSession();
        var sink = new RecordingSink();
        var identities = new NamingIdentitySink();
        foreach (var v in new[] { SnmpVectors.SystemGroupResponse, SnmpVectors.SystemGroupRequest, SnmpVectors.V3Encrypted })
            for (int n = 0; n <= v.Length; n++) session.OnDatagram(v.AsSpan(0, n), Direction.ToClient, sink);
        var random = new Random(3416);
        for (int i = 0; i < 5000; i++)
        {
            var v = (byte[])SnmpVectors.SystemGroupResponse.Clone();
            for (int k = 0; k < 3; k++) v[random.Next(1, v.Length)] = (byte)random.Next(256);
            session.OnDatagram(v, Direction.ToClient, sink);
            session.OnDatagram(v, Direction.ToClient, identities);
        }
        Assert.NotEmpty(sink.Messages);
    }

    [Fact]
    public void OnDatagram_SteadyState_AllocatesNothing()
    {
        var session = new SnmpSession();
        var sink = new NoOpSink();
        var identities = new NamingIdentitySink(keep: false);
        for (int i = 0; i < 100; i++) Pump();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++) Pump();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);

        void Pump()
        {
            session.OnDatagram(SnmpVectors.SystemGroupRequest, Direction.ToServer, sink);
            session.OnDatagram(SnmpVectors.SystemGroupResponse, Direction.ToClient, sink);
            session.OnDatagram(SnmpVectors.SystemGroupResponse, Direction.ToClient, identities);
            session.OnDatagram(SnmpVectors.V3Encrypted, Direction.ToClient, sink);
        }
    }
}
