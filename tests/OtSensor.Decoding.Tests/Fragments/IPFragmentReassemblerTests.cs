using System.Buffers.Binary;
using OtSensor.Core.Net;
using OtSensor.Core.Time;
using OtSensor.Decoding.Fragments;
using OtSensor.Decoding.Packets;

namespace OtSensor.Decoding.Tests.Fragments;

public sealed class IPFragmentReassemblerTests : IDisposable
{
    private readonly IPFragmentReassembler _reassembler = new();

    public void Dispose() => _reassembler.Dispose();

    /// <summary>The UDP datagram every test splits: 8-byte header (1234 → 5678, length 32) and 24 data bytes 0..23.</summary>
    private static byte[] UdpDatagram()
    {
        var datagram = new byte[32];
        datagram[0] = 0x04; datagram[1] = 0xD2;   // source port 1234
        datagram[2] = 0x16; datagram[3] = 0x2E;   // destination port 5678
        datagram[4] = 0x00; datagram[5] = 0x20;   // UDP length 32
        for (int i = 0; i < 24; i++) datagram[8 + i] = (byte)i; // data
        return datagram;
    }

    /// <summary>A raw IPv4 fragment 10.0.0.1 → 10.0.0.2, protocol UDP, with a correct header checksum.</summary>
    private static byte[] IPv4Fragment(ushort id, int offsetBytes, bool moreFragments, ReadOnlySpan<byte> data)
    {
        var frame = new byte[20 + data.Length];
        frame[0] = 0x45;                                                        // version 4, IHL 5
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(2), (ushort)frame.Length); // total length
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(4), id);             // identification
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(6),                  // MF flag | offset in 8-byte units
            (ushort)((moreFragments ? 0x2000 : 0) | (offsetBytes >> 3)));
        frame[8] = 64;                                                          // TTL
        frame[9] = 17;                                                          // protocol UDP
        frame[12] = 10; frame[15] = 1;                                          // source 10.0.0.1
        frame[16] = 10; frame[19] = 2;                                          // destination 10.0.0.2
        uint sum = 0;
        for (int i = 0; i < 20; i += 2) sum += BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(i));
        while (sum > 0xFFFF) sum = (sum & 0xFFFF) + (sum >> 16);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(10), (ushort)~sum);  // header checksum
        data.CopyTo(frame.AsSpan(20));
        return frame;
    }

    /// <summary>A raw IPv6 packet 2001:db8::1 → 2001:db8::2 with a Fragment header (next header UDP).</summary>
    private static byte[] IPv6Fragment(uint id, int offsetBytes, bool moreFragments, ReadOnlySpan<byte> data)
    {
        var frame = new byte[48 + data.Length];
        frame[0] = 0x60;                                                        // version 6
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(4), (ushort)(8 + data.Length)); // payload length
        frame[6] = 44;                                                          // next header Fragment
        frame[7] = 64;                                                          // hop limit
        frame[8] = 0x20; frame[9] = 0x01; frame[10] = 0x0D; frame[11] = 0xB8; frame[23] = 1; // source 2001:db8::1
        frame[24] = 0x20; frame[25] = 0x01; frame[26] = 0x0D; frame[27] = 0xB8; frame[39] = 2; // destination 2001:db8::2
        frame[40] = 17;                                                         // fragment: next header UDP
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(42), (ushort)(offsetBytes | (moreFragments ? 1 : 0))); // offset | M
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(44), id);            // identification
        data.CopyTo(frame.AsSpan(48));
        return frame;
    }

    private bool Add(byte[] frame, out byte[] payload, out DecodedPacket packet, long seconds = 0)
    {
        packet = default;
        packet.Timestamp = Timestamp.FromSeconds(1_700_000_000 + seconds, 0);
        PacketDecoder.Decode(frame, LinkType.Raw, ref packet);
        Assert.True(packet.IsFragment);
        bool done = _reassembler.TryAdd(ref packet, frame.AsSpan(packet.IPPayloadOffset, packet.IPPayloadLength), out var span);
        payload = span.ToArray();
        if (done) PacketDecoder.DecodeTransport(span, ref packet);
        return done;
    }

    private static void AssertCompleteUdp(byte[] payload, in DecodedPacket packet)
    {
        Assert.Equal(UdpDatagram(), payload);
        Assert.False(packet.IsFragment);
        Assert.Equal(TransportLayer.Udp, packet.Transport);
        Assert.Equal(5678, packet.DestinationPort);
        Assert.Equal(8, packet.PayloadOffset);
        Assert.Equal(24, packet.PayloadLength);
    }

    [Fact]
    public void TryAdd_IPv4FragmentsInOrder_CompletesOnLast()
    {
        var d = UdpDatagram();
        Assert.False(Add(IPv4Fragment(1, 0, true, d.AsSpan(0, 16)), out _, out _));
        Assert.False(Add(IPv4Fragment(1, 16, true, d.AsSpan(16, 8)), out _, out _));
        Assert.True(Add(IPv4Fragment(1, 24, false, d.AsSpan(24, 8)), out var payload, out var packet));
        AssertCompleteUdp(payload, packet);
        Assert.Equal(DecodeAnomalies.None, packet.Anomalies);
        Assert.Equal(1, _reassembler.Completed);
        Assert.Equal(0, _reassembler.InProgress);
    }

    [Fact]
    public void TryAdd_IPv4FragmentsInReverseOrder_CompletesOnFirst()
    {
        var d = UdpDatagram();
        Assert.False(Add(IPv4Fragment(2, 24, false, d.AsSpan(24, 8)), out _, out _));
        Assert.False(Add(IPv4Fragment(2, 8, true, d.AsSpan(8, 16)), out _, out _));
        Assert.True(Add(IPv4Fragment(2, 0, true, d.AsSpan(0, 8)), out var payload, out var packet));
        AssertCompleteUdp(payload, packet);
    }

    [Fact]
    public void TryAdd_DuplicateFragment_CountsDuplicateWithoutAnomaly()
    {
        var d = UdpDatagram();
        Add(IPv4Fragment(3, 0, true, d.AsSpan(0, 16)), out _, out _);
        Assert.False(Add(IPv4Fragment(3, 0, true, d.AsSpan(0, 16)), out _, out var duplicate));
        Assert.Equal(DecodeAnomalies.None, duplicate.Anomalies);
        Assert.True(Add(IPv4Fragment(3, 16, false, d.AsSpan(16, 16)), out var payload, out var packet));
        AssertCompleteUdp(payload, packet);
        Assert.Equal(1, _reassembler.Duplicates);
        Assert.Equal(0, _reassembler.Overlaps);
    }

    [Fact]
    public void TryAdd_OverlapWithDifferentBytes_FlagsOverlapAndKeepsFirstArrival()
    {
        var d = UdpDatagram();
        Add(IPv4Fragment(4, 0, true, d.AsSpan(0, 16)), out _, out _);
        var forged = new byte[16];
        forged.AsSpan().Fill(0xEE);
        Assert.False(Add(IPv4Fragment(4, 8, true, forged), out _, out var overlap)); // covers 8..24, 8..16 already held
        Assert.True(overlap.Anomalies.HasFlag(DecodeAnomalies.FragmentOverlap));
        Assert.True(Add(IPv4Fragment(4, 24, false, d.AsSpan(24, 8)), out var payload, out _));
        Assert.Equal(d.AsSpan(0, 16).ToArray(), payload[..16]);          // first arrival kept
        Assert.All(payload[16..24], b => Assert.Equal(0xEE, b));          // the hole was filled by the later fragment
        Assert.Equal(1, _reassembler.Overlaps);
    }

    [Fact]
    public void TryAdd_LastFragmentNeverArrives_EvictedByAgeOnLaterCall()
    {
        var d = UdpDatagram();
        Add(IPv4Fragment(5, 0, true, d.AsSpan(0, 16)), out _, out _, seconds: 0);
        Assert.Equal(1, _reassembler.InProgress);
        Add(IPv4Fragment(6, 0, true, d.AsSpan(0, 16)), out _, out _, seconds: 31); // another datagram, 31 s later
        Assert.Equal(1, _reassembler.Evicted);
        Assert.Equal(1, _reassembler.InProgress);
        // The late last fragment of datagram 5 starts a new (incomplete) datagram instead of completing the old one.
        Assert.False(Add(IPv4Fragment(5, 16, false, d.AsSpan(16, 16)), out _, out _, seconds: 32));
    }

    [Fact]
    public void TryAdd_FragmentEndingPast65535_FlagsTooLargeAndDropsDatagram()
    {
        var d = UdpDatagram();
        Add(IPv4Fragment(7, 0, true, d.AsSpan(0, 16)), out _, out _);
        Assert.False(Add(IPv4Fragment(7, 65528, false, d.AsSpan(0, 16)), out _, out var packet)); // 65528 + 16 > 65535
        Assert.True(packet.Anomalies.HasFlag(DecodeAnomalies.FragmentTooLarge));
        Assert.Equal(1, _reassembler.TooLarge);
        Assert.Equal(0, _reassembler.InProgress);
    }

    [Fact]
    public void TryAdd_MoreDatagramsThanLimit_EvictsOldestAndFlags()
    {
        using var small = new IPFragmentReassembler(maxDatagrams: 2, TimeSpan.FromSeconds(30));
        var d = UdpDatagram();
        DecodedPacket packet = default;
        for (ushort id = 10; id < 13; id++)
        {
            var frame = IPv4Fragment(id, 0, true, d.AsSpan(0, 16));
            packet = default;
            PacketDecoder.Decode(frame, LinkType.Raw, ref packet);
            small.TryAdd(ref packet, frame.AsSpan(packet.IPPayloadOffset, packet.IPPayloadLength), out _);
        }
        Assert.True(packet.Anomalies.HasFlag(DecodeAnomalies.FragmentLimitReached));
        Assert.Equal(1, small.LimitReached);
        Assert.Equal(2, small.InProgress);
    }

    [Fact]
    public void TryAdd_DifferentIdentifications_AreKeptApart()
    {
        var d = UdpDatagram();
        Add(IPv4Fragment(20, 0, true, d.AsSpan(0, 16)), out _, out _);
        Assert.False(Add(IPv4Fragment(21, 16, false, d.AsSpan(16, 16)), out _, out _));
        Assert.Equal(2, _reassembler.InProgress);
    }

    [Fact]
    public void TryAdd_IPv6Fragments_Reassemble()
    {
        var d = UdpDatagram();
        Assert.False(Add(IPv6Fragment(0xCAFEBABE, 16, false, d.AsSpan(16, 16)), out _, out _));
        Assert.True(Add(IPv6Fragment(0xCAFEBABE, 0, true, d.AsSpan(0, 16)), out var payload, out var packet));
        AssertCompleteUdp(payload, packet);
        Assert.Equal(NetworkLayer.IPv6, packet.Network);
    }

    [Fact]
    public void TryAdd_NotAFragment_ReturnsFalse()
    {
        var packet = default(DecodedPacket);
        PacketDecoder.Decode(Packets.PacketVectors.IPv4Udp, LinkType.Raw, ref packet);
        Assert.False(_reassembler.TryAdd(ref packet, default, out _));
        Assert.Equal(0, _reassembler.InProgress);
    }

    [Fact]
    public void TryAdd_TooManyHoles_DropsDatagramWithLimitFlag()
    {
        var data = new byte[8];
        DecodedPacket last = default;
        // Every other 8-byte block: each fragment opens a new disjoint range.
        for (int i = 0; i <= IPFragmentReassembler.MaxRangesPerDatagram; i++)
            Add(IPv4Fragment(30, i * 16, true, data), out _, out last);
        Assert.True(last.Anomalies.HasFlag(DecodeAnomalies.FragmentLimitReached));
        Assert.Equal(0, _reassembler.InProgress);
    }

    [Fact]
    public void TryAdd_ManyCompletedDatagrams_DoesNotAllocateInSteadyState()
    {
        var d = UdpDatagram();
        var first = IPv4Fragment(40, 0, true, d.AsSpan(0, 16));
        var second = IPv4Fragment(40, 16, false, d.AsSpan(16, 16));
        var packet = default(DecodedPacket);
        void Round()
        {
            PacketDecoder.Decode(first, LinkType.Raw, ref packet);
            _reassembler.TryAdd(ref packet, first.AsSpan(20), out _);
            PacketDecoder.Decode(second, LinkType.Raw, ref packet);
            Assert.True(_reassembler.TryAdd(ref packet, second.AsSpan(20), out _));
        }
        for (int i = 0; i < 10; i++) Round();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++) Round();
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1024);
    }
}
