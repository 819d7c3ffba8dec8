using BenchmarkDotNet.Attributes;
using OtSensor.Benchmarks.Config;
using OtSensor.Core.Net;
using OtSensor.Decoding.Packets;

namespace OtSensor.Benchmarks.Decoding;

/// <summary>
/// <see cref="PacketDecoder.Decode"/> (L2–L4, stateless) on three frame shapes, per frame. Each invocation
/// decodes the frame <see cref="Inner"/> times into one reused <see cref="DecodedPacket"/>, as the pipeline does.
/// </summary>
[Config(typeof(BenchConfig))]
public class PacketDecoderBenchmarks
{
    private const int Inner = 1024;

    private byte[] _ipv4Tcp = [];
    private byte[] _vlanIPv4Tcp = [];
    private byte[] _ipv6Udp = [];
    private DecodedPacket _packet;

    [GlobalSetup]
    public void Setup()
    {
        _ipv4Tcp = BenchFrames.EthernetIPv4Tcp();
        _vlanIPv4Tcp = BenchFrames.VlanIPv4Tcp();
        _ipv6Udp = BenchFrames.EthernetIPv6Udp();

        // Check each input decodes all the way, cleanly: a benchmark of an early exit would flatter the decoder.
        Expect(_ipv4Tcp, TransportLayer.Tcp, vlans: 0);
        Expect(_vlanIPv4Tcp, TransportLayer.Tcp, vlans: 1);
        Expect(_ipv6Udp, TransportLayer.Udp, vlans: 0);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Inner, Description = "Ethernet/IPv4/TCP")]
    public int EthernetIPv4Tcp() => DecodeMany(_ipv4Tcp);

    [Benchmark(OperationsPerInvoke = Inner, Description = "Ethernet/802.1Q/IPv4/TCP")]
    public int VlanIPv4Tcp() => DecodeMany(_vlanIPv4Tcp);

    [Benchmark(OperationsPerInvoke = Inner, Description = "Ethernet/IPv6/UDP")]
    public int EthernetIPv6Udp() => DecodeMany(_ipv6Udp);

    private int DecodeMany(byte[] frame)
    {
        int sum = 0;
        for (int i = 0; i < Inner; i++)
        {
            PacketDecoder.Decode(frame, LinkType.Ethernet, ref _packet);
            sum += _packet.PayloadLength;
        }
        return sum;
    }

    private void Expect(byte[] frame, TransportLayer transport, int vlans)
    {
        PacketDecoder.Decode(frame, LinkType.Ethernet, ref _packet);
        if (_packet.Transport != transport || _packet.VlanCount != vlans || _packet.Anomalies != DecodeAnomalies.None || _packet.PayloadLength == 0)
            throw new InvalidOperationException($"Benchmark frame decoded as {_packet.Transport}, {_packet.VlanCount} VLAN tags, anomalies {_packet.Anomalies}.");
    }
}
