using System.Text.Json;
using OtSensor.Core.Time;
using OtSensor.Decoding.Fragments;
using OtSensor.Decoding.Packets;
using OtSensor.TestKit;
using Xunit.Abstractions;

namespace OtSensor.Decoding.Tests.Captures;

/// <summary>
/// Decodes every frame of every public capture and compares the number of frames carrying TCP / UDP with
/// tshark's <c>protocol_frames</c> ground truth.
/// </summary>
public class PublicCapturesTests(ITestOutputHelper output)
{
    /// <summary>tshark encapsulation names of link types this decoder handles.</summary>
    private static readonly HashSet<string> DecodedEncapsulations = new(StringComparer.Ordinal) { "ether", "null", "linux-sll", "linux-sll2", "rawip", "rawip4", "rawip6", "loop" };

    /// <summary>
    /// Frames tshark counts as TCP/UDP that this decoder deliberately does not, per capture: (tcp, udp) missing and why.
    /// </summary>
    private static readonly Dictionary<string, (int Tcp, int Udp, string Reason)> KnownDifferences = new(StringComparer.Ordinal)
    {
        ["ICS-Security-Tools__Sample_File_MMS_and_GOOSE.pcap"] = (0, 3,
            "frames 48, 93, 205 are ICMP errors quoting a UDP datagram; the quote is not decoded (eth:ip:icmp:ip:udp in tshark)"),
        ["icsnpp-hart-ip__hart-ip.pcap"] = (0, 1,
            "frame 27 is an ICMP error quoting a HART-IP UDP datagram; the quote is not decoded"),
        ["ethercrab__twincat-scan-devices.pcapng"] = (0, 1,
            "frame 10 is 40 bytes with IP total length 51: only 6 bytes of UDP header; tshark shows malformed udp, we flag udp_header_truncated"),
    };

    [Fact]
    public void Decode_EveryPublicCapture_MatchesTsharkTcpAndUdpFrameCounts()
    {
        Assert.NotNull(SharedCaptures.PublicRoot);
        var mismatches = new List<string>();
        int files = 0;
        long frames = 0, reassembled = 0;
        foreach (var family in Directory.EnumerateDirectories(SharedCaptures.PublicRoot!).Order(StringComparer.Ordinal))
        {
            foreach (var capture in SharedCaptures.Captures(Path.GetFileName(family)))
            {
                using var truth = JsonDocument.Parse(File.ReadAllBytes(capture + ".tshark.json"));
                string encapsulation = truth.RootElement.GetProperty("capinfos").GetProperty("encapsulation").GetString()!;
                if (!DecodedEncapsulations.Contains(encapsulation)) continue;
                var protocolFrames = truth.RootElement.GetProperty("protocol_frames");
                int expectedTcp = protocolFrames.TryGetProperty("tcp", out var t) ? t.GetInt32() : 0;
                int expectedUdp = protocolFrames.TryGetProperty("udp", out var u) ? u.GetInt32() : 0;

                var (tcp, udp, count, completed) = Count(capture);
                reassembled += completed;
                files++;
                frames += count;
                string name = Path.GetFileName(capture);
                if (KnownDifferences.TryGetValue(name, out var known))
                {
                    expectedTcp -= known.Tcp;
                    expectedUdp -= known.Udp;
                }
                if (tcp != expectedTcp || udp != expectedUdp)
                {
                    mismatches.Add($"{name}: tcp {tcp} (expected {expectedTcp}), udp {udp} (expected {expectedUdp})");
                }
            }
        }
        output.WriteLine($"{files} captures, {frames} frames decoded, {reassembled} datagrams reassembled from fragments");
        foreach (var m in mismatches) output.WriteLine(m);
        Assert.True(files > 200);
        Assert.Empty(mismatches);
    }

    private static (int Tcp, int Udp, int Frames, long Reassembled) Count(string path)
    {
        using var reassembler = new IPFragmentReassembler();
        int tcp = 0, udp = 0, n = 0;
        var packet = default(DecodedPacket);
        foreach (var frame in TestCaptureReader.ReadAll(path))
        {
            n++;
            packet.FrameNumber = n;
            packet.Timestamp = new Timestamp(n * 1_000_000L);
            var data = frame.Data.Span;
            PacketDecoder.Decode(data, frame.LinkType, ref packet);
            if (packet.IsFragment
                && reassembler.TryAdd(ref packet, data.Slice(packet.IPPayloadOffset, packet.IPPayloadLength), out var payload))
            {
                PacketDecoder.DecodeTransport(payload, ref packet);
            }
            if (packet.Transport == TransportLayer.Tcp) tcp++;
            else if (packet.Transport == TransportLayer.Udp) udp++;
        }
        return (tcp, udp, n, reassembler.Completed);
    }
}
