using OtSensor.Core.Parsing;
using OtSensor.Protocols.NetBios;

namespace OtSensor.Protocols.Tests.NetBios;

public sealed class NetBiosMalformedTests
{
    [Fact]
    public void OnDatagram_NameNotFirstLevelEncoded_Flagged()
    {
        var bad = (byte[])NetBiosVectors.Registration.Clone();
        bad[13] = (byte)'Z';
        Assert.Equal(["bad_name_encoding"], NetBiosSessionTests.Decode(bad).AnomalyNames);
    }

    [Fact]
    public void OnDatagram_NodeStatusCountPastData_Flagged()
    {
        var bad = (byte[])NetBiosVectors.NodeStatusResponse.Clone();
        bad[56] = 9; // NUM_NAMES 9, two present
        var m = NetBiosSessionTests.Decode(bad);
        Assert.Equal(["node_status_truncated"], m.AnomalyNames);
        Assert.Equal(2, m.Details.GetProperty("nodeNames").GetArrayLength());
    }

    [Fact]
    public void OnDatagram_DatagramLengthLiesAndSmbOffsetOutside_Flagged()
    {
        var bad = (byte[])NetBiosVectors.HostAnnouncement.Clone();
        bad[11] = 0xFF;                 // DGM_LENGTH
        bad[82 + 33 + 24] = 0xF0;       // SMB data offset far outside
        var m = NetBiosSessionTests.Decode(bad, datagramService: true);
        Assert.Equal(["length_mismatch", "bad_smb_transaction"], m.AnomalyNames);
        Assert.False(m.Details.TryGetProperty("serverName", out _));
    }

    [Fact]
    public void OnDatagram_UnknownTypeAndOpcode_Flagged()
    {
        var dgm = (byte[])NetBiosVectors.HostAnnouncement.Clone();
        dgm[0] = 0x20;
        Assert.Equal(["unknown_message_type"], NetBiosSessionTests.Decode(dgm, datagramService: true).AnomalyNames);
        var ns = (byte[])NetBiosVectors.Registration.Clone();
        ns[2] = 0x19; // opcode 3
        Assert.Contains("unknown_opcode", NetBiosSessionTests.Decode(ns).AnomalyNames);
    }

    [Fact]
    public void OnDatagram_TruncatedAndRandom_NeverThrow()
    {
        var sink = new RecordingSink();
        var sessions = new[] { new NetBiosSession(false), new NetBiosSession(true) };
        foreach (var s in sessions)
            foreach (var v in new[] { NetBiosVectors.Registration, NetBiosVectors.NodeStatusResponse, NetBiosVectors.HostAnnouncement })
                for (int n = 0; n <= v.Length; n++) s.OnDatagram(v.AsSpan(0, n), Direction.ToServer, sink);
        var random = new Random(137);
        var identities = new Naming.NamingIdentitySink();
        for (int i = 0; i < 4000; i++)
        {
            var v = i % 2 == 0 ? (byte[])NetBiosVectors.HostAnnouncement.Clone() : (byte[])NetBiosVectors.NodeStatusResponse.Clone();
            for (int k = 0; k < 4; k++) v[random.Next(v.Length)] = (byte)random.Next(256);
            sessions[i % 2 == 0 ? 1 : 0].OnDatagram(v, Direction.ToServer, sink);
            sessions[i % 2 == 0 ? 1 : 0].OnDatagram(v, Direction.ToServer, identities);
        }
        Assert.NotEmpty(sink.Messages);
    }

    [Fact]
    public void Probes_VectorsRecognized_OthersNot()
    {
        Assert.Equal(ProbeResult.Recognized, NetBiosProbe.RecognizeNameService(NetBiosVectors.Registration));
        Assert.Equal(ProbeResult.Recognized, NetBiosProbe.RecognizeNameService(NetBiosVectors.NodeStatusResponse));
        Assert.Equal(ProbeResult.Recognized, NetBiosProbe.RecognizeDatagram(NetBiosVectors.HostAnnouncement));
        Assert.Equal(ProbeResult.Unrecognized, NetBiosProbe.RecognizeNameService(Dns.DnsVectors.Query));
        Assert.Equal(ProbeResult.Unrecognized, NetBiosProbe.RecognizeDatagram(NetBiosVectors.Registration));
        Assert.Equal(ProbeResult.Unrecognized, NetBiosProbe.RecognizeDatagram(NetBiosVectors.HostAnnouncement.AsSpan(0, 100)));
    }
}
