using OtSensor.Capture.Files;
using OtSensor.Core.Net;
using OtSensor.Core.Time;
using OtSensor.TestKit.Pcaps;

namespace OtSensor.Capture.Tests.Files;

public sealed class PcapReaderTests : IDisposable
{
    private readonly CaptureTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData(false, false)]   // a1b2c3d4 little-endian, µs
    [InlineData(false, true)]    // a1b2c3d4 big-endian, µs
    [InlineData(true, false)]    // a1b23c4d little-endian, ns
    [InlineData(true, true)]     // a1b23c4d big-endian, ns
    public void TryReadNext_EachMagicAndByteOrder_ReturnsFramesAsWritten(bool nanosecond, bool bigEndian)
    {
        // ns files get a step that is not a whole microsecond, so a µs-only reader would fail.
        var frames = CaptureTestFiles.SampleFrames(8, nanosecond ? 1 : 1000);
        var result = _files.ReadAll(PcapWriter.ToArray(LinkType.Ethernet, frames, nanosecond, bigEndian));

        Assert.Null(result.Error);
        Assert.Equal(CaptureFormat.Pcap, result.Format);
        CaptureTestFiles.AssertSameFrames(frames, result.Frames, LinkType.Ethernet);
        Assert.Equal(result.Length, result.BytesRead);
        Assert.Equal(8, result.FramesRead);
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
        var result = _files.ReadAll(PcapWriter.ToArray(linkType, frames));

        Assert.Null(result.Error);
        CaptureTestFiles.AssertSameFrames(frames, result.Frames, linkType);
        Assert.All(result.Frames, f => Assert.Equal((ushort)linkType, f.RawLinkType));
        Assert.All(result.Frames, f => Assert.Equal(0, f.InterfaceIndex));
    }

    [Fact]
    public void TryReadNext_UnlistedLinkType_ReportsUnknownWithRawValue()
    {
        var path = _files.Write("wpan.pcap", s =>
        {
            PcapWriter.WriteHeader(s, 195);   // LINKTYPE_IEEE802_15_4_WITHFCS
            PcapWriter.WriteRecord(s, Timestamp.FromSeconds(1, 0), [1, 2, 3]);
        });

        var frame = Assert.Single(CaptureTestFiles.ReadAll(path).Frames);

        Assert.Equal(LinkType.Unknown, frame.LinkType);
        Assert.Equal(195, frame.RawLinkType);
    }

    [Fact]
    public void TryReadNext_FcsBitsAboveLinkType_MasksToLow16Bits()
    {
        // FCS length 4 (in 16-bit words: bits 28-31 = 2) and F bit 26 set, link type Ethernet.
        const uint field = (2u << 28) | (1u << 26) | 1u;
        var path = _files.Write("fcs.pcap", s =>
        {
            PcapWriter.WriteHeader(s, field, bigEndian: true);
            PcapWriter.WriteRecord(s, Timestamp.FromSeconds(1, 0), [0xAA], bigEndian: true);
        });

        var frame = Assert.Single(CaptureTestFiles.ReadAll(path).Frames);

        Assert.Equal(LinkType.Ethernet, frame.LinkType);
        Assert.Equal(1, frame.RawLinkType);
    }

    [Fact]
    public void TryReadNext_SnapLengthCut_ReportsOriginalLength()
    {
        var path = _files.Write("cut.pcap", s =>
        {
            PcapWriter.WriteHeader(s, 1, snapLength: 64);
            PcapWriter.WriteRecord(s, Timestamp.FromSeconds(2, 0), new byte[64], originalLength: 1514);
        });

        var frame = Assert.Single(CaptureTestFiles.ReadAll(path).Frames);

        Assert.Equal(64, frame.Data.Length);
        Assert.Equal(1514, frame.OriginalLength);
    }

    [Fact]
    public void TryReadNext_ZeroLengthRecords_ReturnsEmptyFrames()
    {
        var frames = new List<(Timestamp, byte[])> { (Timestamp.FromSeconds(10, 0), []), (Timestamp.FromSeconds(11, 0), []) };
        var result = _files.ReadAll(PcapWriter.ToArray(LinkType.Raw, frames));

        Assert.Null(result.Error);
        Assert.Equal(2, result.Frames.Count);
        Assert.All(result.Frames, f => Assert.Empty(f.Data));
    }

    [Fact]
    public void TryReadNext_HeaderOnly_EndsCleanWithoutFrames()
    {
        var result = _files.ReadAll(PcapWriter.ToArray(LinkType.Ethernet, []));

        Assert.Null(result.Error);
        Assert.Empty(result.Frames);
        Assert.Equal(24, result.BytesRead);
    }

    [Fact]
    public void TryReadNext_Records_ReportFileOffsets()
    {
        var frames = CaptureTestFiles.SampleFrames(3);   // data lengths 60, 0, 1
        var result = _files.ReadAll(PcapWriter.ToArray(LinkType.Ethernet, frames));

        // 24-byte file header, then 16-byte record headers.
        Assert.Equal([24L, 24 + 16 + 60, 24 + 16 + 60 + 16], result.Frames.Select(f => f.FileOffset));
    }

    [Fact]
    public void TryReadNext_MaximumCapturedLength_IsAccepted()
    {
        var data = new byte[CaptureReaderOptions.Default.MaxPacketLength];
        data[^1] = 0x5A;
        var result = _files.ReadAll(PcapWriter.ToArray(LinkType.Ethernet, [(Timestamp.FromSeconds(3, 0), data)]));

        Assert.Null(result.Error);
        Assert.Equal(0x5A, Assert.Single(result.Frames).Data[^1]);
    }
}
