using OtSensor.Capture.Files;
using OtSensor.Core.Net;
using OtSensor.Core.Time;
using OtSensor.TestKit.Pcaps;

namespace OtSensor.Capture.Tests.Files;

public sealed class PcapNgReaderTests : IDisposable
{
    private static readonly Timestamp T0 = Timestamp.FromSeconds(1_700_000_000, 123_456_789);

    private readonly CaptureTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData(false, false)]   // little-endian section, default µs
    [InlineData(false, true)]    // big-endian section, default µs
    [InlineData(true, false)]    // little-endian, if_tsresol = 9
    [InlineData(true, true)]     // big-endian, if_tsresol = 9
    public void TryReadNext_EachByteOrderAndResolution_ReturnsFramesAsWritten(bool nanosecond, bool bigEndian)
    {
        var frames = CaptureTestFiles.SampleFrames(8, nanosecond ? 1 : 1000);
        var result = _files.ReadAll(PcapNgWriter.ToArray(LinkType.Ethernet, frames, nanosecond, bigEndian));

        Assert.Null(result.Error);
        Assert.Equal(CaptureFormat.PcapNg, result.Format);
        CaptureTestFiles.AssertSameFrames(frames, result.Frames, LinkType.Ethernet);
        Assert.Equal(result.Length, result.BytesRead);
    }

    [Theory]
    [InlineData(LinkType.Ethernet)]
    [InlineData(LinkType.Null)]
    [InlineData(LinkType.Loop)]
    [InlineData(LinkType.Raw)]
    [InlineData(LinkType.IPv4)]
    [InlineData(LinkType.IPv6)]
    [InlineData(LinkType.LinuxSll)]
    [InlineData(LinkType.LinuxSll2)]
    public void TryReadNext_EachLinkType_ReportsLinkType(LinkType linkType)
    {
        var frames = CaptureTestFiles.SampleFrames(3);
        var result = _files.ReadAll(PcapNgWriter.ToArray(linkType, frames));

        Assert.Null(result.Error);
        CaptureTestFiles.AssertSameFrames(frames, result.Frames, linkType);
    }

    [Fact]
    public void TryReadNext_SeveralInterfaces_UseTheirOwnLinkTypeAndResolution()
    {
        var ts = new Timestamp(T0.UnixNanoseconds - (T0.UnixNanoseconds % 1_000_000));   // ms-aligned so every resolution is exact
        var path = _files.Write("multi.pcapng", s =>
        {
            var w = new PcapNgWriter(s);
            w.WriteSectionHeader();
            w.WriteInterface(LinkType.Ethernet, name: "eth0");                 // 0: µs by default
            w.WriteInterface(LinkType.Raw, tsresol: 9, name: "tun0");           // 1: ns
            w.WriteInterface(LinkType.IPv4, tsresol: 0x80 | 30);               // 2: 2^-30 s
            w.WriteInterface(LinkType.LinuxSll, tsresol: 3);                   // 3: ms
            w.WriteInterface(LinkType.Null, tsoffsetSeconds: 1_000_000_000);    // 4: µs + offset
            w.WriteInterface(4242);                                            // 5: unknown link type
            for (int i = 5; i >= 0; i--) w.WriteEnhancedPacket(i, new Timestamp(ts.UnixNanoseconds + (i * 1_000_000)), [(byte)i]);
            w.WriteEnhancedPacket(1, new Timestamp(T0.UnixNanoseconds + 1), [0x11]);   // ns precision survives
        });

        var result = CaptureTestFiles.ReadAll(path);

        Assert.Null(result.Error);
        Assert.Equal([5, 4, 3, 2, 1, 0, 1], result.Frames.Select(f => f.InterfaceIndex));
        Assert.Equal(
            [LinkType.Unknown, LinkType.Null, LinkType.LinuxSll, LinkType.IPv4, LinkType.Raw, LinkType.Ethernet, LinkType.Raw],
            result.Frames.Select(f => f.LinkType));
        Assert.Equal(4242, result.Frames[0].RawLinkType);
        for (int i = 0; i < 6; i++)
        {
            var frame = result.Frames[5 - i];
            Assert.Equal(new Timestamp(ts.UnixNanoseconds + (i * 1_000_000)), frame.Timestamp);
            Assert.Equal([(byte)i], frame.Data);
        }

        Assert.Equal(new Timestamp(T0.UnixNanoseconds + 1), result.Frames[6].Timestamp);
    }

    [Fact]
    public void TryReadNext_CoarsePowerOfTwoResolution_FloorsToNanoseconds()
    {
        ulong units = 0;
        var path = _files.Write("pow2.pcapng", s =>
        {
            var w = new PcapNgWriter(s, bigEndian: true);
            w.WriteSectionHeader();
            w.WriteInterface(LinkType.Ethernet, tsresol: 0x80 | 10);   // 1/1024 s
            units = w.ToUnits(0, T0);
            w.WriteEnhancedPacket(0, T0, [1]);
        });

        var frame = Assert.Single(CaptureTestFiles.ReadAll(path).Frames);

        Assert.Equal((long)((UInt128)units * 1_000_000_000UL / 1024), frame.Timestamp.UnixNanoseconds);
        Assert.InRange(frame.Timestamp.UnixNanoseconds - T0.UnixNanoseconds, 0, 1_000_000_000 / 1024);
    }

    [Fact]
    public void TryReadNext_TimestampOffsetOption_IsAdded()
    {
        var path = _files.Write("offset.pcapng", s =>
        {
            var w = new PcapNgWriter(s);
            w.WriteSectionHeader();
            w.WriteInterface(LinkType.Ethernet, tsresol: 9, tsoffsetSeconds: 1_600_000_000);
            w.WriteEnhancedPacket(0, T0, [1]);
            var units = w.ToUnits(0, T0);
            Assert.Equal((ulong)(T0.UnixNanoseconds - 1_600_000_000_000_000_000), units);   // the block holds the time relative to the offset
        });

        Assert.Equal(T0, Assert.Single(CaptureTestFiles.ReadAll(path).Frames).Timestamp);
    }

    [Fact]
    public void TryReadNext_SeveralSectionsInBothByteOrders_RestartsInterfaceIds()
    {
        var path = _files.Write("sections.pcapng", s =>
        {
            var w = new PcapNgWriter(s);
            w.WriteSectionHeader(bigEndian: false);
            w.WriteInterface(LinkType.Ethernet);
            w.WriteInterface(LinkType.Raw, tsresol: 9);
            w.WriteEnhancedPacket(1, T0, [1]);
            w.WriteSectionHeader(bigEndian: true, sectionLength: 0x1000);
            w.WriteInterface(LinkType.LinuxSll2, tsresol: 9);
            w.WriteEnhancedPacket(0, T0, [2, 2]);
            w.WriteSectionHeader(bigEndian: false);
            w.WriteInterface(LinkType.IPv6);
            w.WriteEnhancedPacket(0, Timestamp.FromSeconds(1_700_000_001, 0), [3, 3, 3]);
        });

        var result = CaptureTestFiles.ReadAll(path);

        Assert.Null(result.Error);
        Assert.Equal([LinkType.Raw, LinkType.LinuxSll2, LinkType.IPv6], result.Frames.Select(f => f.LinkType));
        Assert.Equal([1, 0, 0], result.Frames.Select(f => f.InterfaceIndex));
        Assert.Equal([T0, T0, Timestamp.FromSeconds(1_700_000_001, 0)], result.Frames.Select(f => f.Timestamp));
        Assert.Equal([1L, 2, 3], result.Frames.Select(f => f.FrameNumber));
        Assert.Equal(3, result.Frames[2].Data.Length);
    }

    [Fact]
    public void TryReadNext_InterfaceIdFromPreviousSection_IsUndefined()
    {
        var path = _files.Write("stale.pcapng", s =>
        {
            var w = new PcapNgWriter(s);
            w.WriteSectionHeader();
            w.WriteInterface(LinkType.Ethernet);
            w.WriteInterface(LinkType.Ethernet);
            w.WriteSectionHeader();
            w.WriteInterface(LinkType.Ethernet);
            w.WriteEnhancedPacket(1, T0, [1]);
        });

        var result = CaptureTestFiles.ReadAll(path);

        Assert.Empty(result.Frames);
        Assert.Contains("undefined interface 1", result.Error?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryReadNext_SimplePacketBlocks_UseInterfaceZeroSnapLengthAndPreviousTime()
    {
        var path = _files.Write("spb.pcapng", s =>
        {
            var w = new PcapNgWriter(s);
            w.WriteSectionHeader();
            w.WriteInterface(LinkType.Ethernet, snapLength: 64);
            w.WriteInterface(LinkType.Raw);
            w.WriteSimplePacket(new byte[10]);                              // before any time: epoch
            w.WriteEnhancedPacket(1, Timestamp.FromSeconds(1_700_000_000, 5_000), [9]);
            w.WriteSimplePacket(new byte[64], originalLength: 1514);        // cut to snaplen by the writer
            w.WriteSimplePacket(new byte[100], originalLength: 100);        // more data than snaplen: reader cuts to 64
        });

        var result = CaptureTestFiles.ReadAll(path);

        Assert.Null(result.Error);
        var spb = result.Frames.Where(f => f.InterfaceIndex == 0).ToList();
        Assert.Equal(3, spb.Count);
        Assert.Equal(new Timestamp(0), spb[0].Timestamp);
        Assert.Equal(10, spb[0].Data.Length);
        Assert.Equal(Timestamp.FromSeconds(1_700_000_000, 5_000), spb[1].Timestamp);
        Assert.Equal((64, 1514), (spb[1].Data.Length, spb[1].OriginalLength));
        Assert.Equal((64, 100), (spb[2].Data.Length, spb[2].OriginalLength));
        Assert.All(spb, f => Assert.Equal(LinkType.Ethernet, f.LinkType));
    }

    [Fact]
    public void TryReadNext_SimplePacketShorterThanOriginal_UsesBlockRoom()
    {
        var path = _files.Write("spbcut.pcapng", s =>
        {
            var w = new PcapNgWriter(s);
            w.WriteSectionHeader();
            w.WriteInterface(LinkType.Ethernet);                  // snaplen 0 = no limit
            w.WriteSimplePacket(new byte[6], originalLength: 60); // data padded to 8 bytes in the block
        });

        var frame = Assert.Single(CaptureTestFiles.ReadAll(path).Frames);

        Assert.Equal(8, frame.Data.Length);
        Assert.Equal(60, frame.OriginalLength);
    }

    [Fact]
    public void TryReadNext_ObsoletePacketBlock_IsRead()
    {
        var path = _files.Write("opb.pcapng", s =>
        {
            var w = new PcapNgWriter(s, bigEndian: true);
            w.WriteSectionHeader();
            w.WriteInterface(LinkType.Null);
            w.WriteInterface(LinkType.Loop, tsresol: 9);
            w.WriteObsoletePacket(1, T0, [1, 2, 3, 4, 5], originalLength: 50, dropsCount: 7);
        });

        var frame = Assert.Single(CaptureTestFiles.ReadAll(path).Frames);

        Assert.Equal((LinkType.Loop, 1, 50), (frame.LinkType, frame.InterfaceIndex, frame.OriginalLength));
        Assert.Equal(T0, frame.Timestamp);
        Assert.Equal([1, 2, 3, 4, 5], frame.Data);
    }

    [Fact]
    public void TryReadNext_OtherBlocks_AreSkippedByLength()
    {
        var path = _files.Write("other.pcapng", s =>
        {
            var w = new PcapNgWriter(s);
            w.WriteSectionHeader();
            w.WriteBlock(PcapNgWriter.NameResolutionBlockType, [1, 0, 4, 0, 10, 0, 0, 1, 0, 0, 0, 0]);   // nrb_record_ipv4, end
            w.WriteInterface(LinkType.Ethernet);
            w.WriteBlock(PcapNgWriter.CustomBlockType, [0x00, 0x00, 0x7F, 0x3E, 0xDE, 0xAD]);           // PEN + payload
            w.WriteEnhancedPacket(0, Timestamp.FromSeconds(5, 0), [0xEE]);
            w.WriteBlock(PcapNgWriter.InterfaceStatisticsBlockType, new byte[12]);
            w.WriteBlock(0x0BADF00D, new byte[40]);                                                     // unknown type
            w.WriteEnhancedPacket(0, Timestamp.FromSeconds(6, 0), [0xEF]);
        });

        var result = CaptureTestFiles.ReadAll(path);

        Assert.Null(result.Error);
        Assert.Equal([[0xEE], [0xEF]], result.Frames.Select(f => f.Data));
        Assert.Equal(result.Length, result.BytesRead);
    }

    [Fact]
    public void TryReadNext_EnhancedPacketWithOptions_ReturnsOnlyCapturedData()
    {
        var path = _files.Write("epbopt.pcapng", s =>
        {
            var w = new PcapNgWriter(s);
            w.WriteSectionHeader();
            w.WriteInterface(LinkType.Ethernet);
            // EPB body by hand: interface 0, time 0/1, captured 3, original 3, data + pad, epb_flags option, end.
            w.WriteBlock(PcapNgWriter.EnhancedPacketBlockType,
            [
                0, 0, 0, 0,            // interface id
                0, 0, 0, 0,            // timestamp high
                1, 0, 0, 0,            // timestamp low: 1 µs
                3, 0, 0, 0,            // captured length
                3, 0, 0, 0,            // original length
                0xA1, 0xA2, 0xA3, 0,   // data + 1 pad byte
                2, 0, 4, 0,            // option epb_flags, length 4
                1, 0, 0, 0,            // inbound
                0, 0, 0, 0,            // opt_endofopt
            ]);
        });

        var frame = Assert.Single(CaptureTestFiles.ReadAll(path).Frames);

        Assert.Equal([0xA1, 0xA2, 0xA3], frame.Data);
        Assert.Equal(new Timestamp(1_000), frame.Timestamp);
    }

    [Fact]
    public void TryReadNext_Blocks_ReportFileOffsets()
    {
        long expected = 0;
        var path = _files.Write("offsets.pcapng", s =>
        {
            var w = new PcapNgWriter(s);
            w.WriteSectionHeader();
            w.WriteInterface(LinkType.Ethernet);
            expected = w.Position;
            w.WriteEnhancedPacket(0, T0, [1]);
        });

        var frame = Assert.Single(CaptureTestFiles.ReadAll(path).Frames);

        Assert.Equal(expected, frame.FileOffset);
        Assert.Equal(28 + 20, expected);   // SHB without options, IDB without options
    }
}
