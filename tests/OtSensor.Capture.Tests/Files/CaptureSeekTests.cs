using OtSensor.Capture.Files;
using OtSensor.Core.Net;
using OtSensor.Core.Time;
using OtSensor.TestKit.Pcaps;

namespace OtSensor.Capture.Tests.Files;

/// <summary>
/// <see cref="CaptureSeekIndex"/> and <see cref="CaptureFileReader.TrySeek"/>: a second reader jumps to a point taken by
/// a first pass and reads on exactly as the first pass did from there.
/// </summary>
public sealed class CaptureSeekTests : IDisposable
{
    private static readonly Timestamp T0 = Timestamp.FromSeconds(1_700_000_000, 0);
    private readonly CaptureTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    /// <summary>First pass: a point before every <paramref name="every"/>th frame, as the analyser takes them between batches.</summary>
    private static CaptureSeekIndex Index(string path, int every)
    {
        var index = new CaptureSeekIndex();
        using var reader = CaptureFileReader.Open(path);
        index.Add(reader);
        int read = 0;
        while (reader.TryReadNext(out _))
            if (++read % every == 0) index.Add(reader);
        return index;
    }

    private static (long Number, Timestamp Time, byte[] Data) ReadAfterSeek(string path, CaptureSeekIndex index, long wanted, out bool jumped)
    {
        using var reader = CaptureFileReader.Open(path);
        // Read the first frame so a pcapng reader has seen the interface blocks that precede it.
        Assert.True(reader.TryReadNext(out _));
        jumped = index.TryFind(wanted, out var point) && reader.TrySeek(point);
        while (reader.TryReadNext(out var frame))
            if (frame.FrameNumber == wanted) return (frame.FrameNumber, frame.Timestamp, frame.Data.ToArray());
        throw new InvalidOperationException($"frame {wanted} not found");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TrySeek_ToAPointOfAnEarlierPass_ReadsTheSameFramesAsReadingOn(bool pcapng)
    {
        var frames = CaptureTestFiles.SampleFrames(100);
        var bytes = pcapng ? PcapNgWriter.ToArray(LinkType.Ethernet, frames) : PcapWriter.ToArray(LinkType.Ethernet, frames);
        var path = _files.Write(pcapng ? "seek.pcapng" : "seek.pcap", bytes);
        var index = Index(path, every: 10);

        foreach (long wanted in new long[] { 5, 11, 50, 99, 100 })
        {
            var (number, time, data) = ReadAfterSeek(path, index, wanted, out bool jumped);
            Assert.Equal(wanted, number);
            Assert.Equal(frames[(int)wanted - 1].ts, time);
            Assert.Equal(frames[(int)wanted - 1].data, data);
            Assert.Equal(wanted > 10, jumped);
        }
    }

    [Fact]
    public void TrySeek_PastAnInterfaceBlockNotYetRead_IsRefusedAndReadingOnStillFindsTheFrame()
    {
        var path = _files.Write("late-interface.pcapng", s =>
        {
            var w = new PcapNgWriter(s);
            w.WriteSectionHeader();
            w.WriteInterface(LinkType.Ethernet);
            for (int i = 0; i < 20; i++) w.WriteEnhancedPacket(0, new Timestamp(T0.UnixNanoseconds + i), [(byte)i]);
            w.WriteInterface(LinkType.Raw);                          // a second interface appears mid-file
            for (int i = 20; i < 40; i++) w.WriteEnhancedPacket(1, new Timestamp(T0.UnixNanoseconds + i), [(byte)i]);
        });
        var index = Index(path, every: 5);

        var (number, _, data) = ReadAfterSeek(path, index, 35, out bool jumped);

        // The point before frame 35 lies after the second interface block, which the new reader has not seen.
        Assert.False(jumped);
        Assert.Equal((35L, (byte)34), (number, data[0]));
    }

    [Fact]
    public void TrySeek_SimplePacketAfterTheJump_InheritsThePreviousFramesTime()
    {
        var path = _files.Write("spb-seek.pcapng", s =>
        {
            var w = new PcapNgWriter(s);
            w.WriteSectionHeader();
            w.WriteInterface(LinkType.Ethernet);
            for (int i = 0; i < 10; i++)
            {
                w.WriteEnhancedPacket(0, new Timestamp(T0.UnixNanoseconds + (i * 1000)), [(byte)i]);
                w.WriteSimplePacket(new byte[] { 0xEE });
            }
        });
        var index = Index(path, every: 3);

        var (number, time, _) = ReadAfterSeek(path, index, 14, out bool jumped);

        Assert.True(jumped);
        Assert.Equal(14, number);
        Assert.Equal(new Timestamp(T0.UnixNanoseconds + 6000), time);   // frame 14 is the SPB after the 7th EPB
    }

    [Fact]
    public void TrySeek_BackwardsOrToTheCurrentPosition_IsRefused()
    {
        var path = _files.Write("back.pcap", PcapWriter.ToArray(LinkType.Ethernet, CaptureTestFiles.SampleFrames(30)));
        var index = Index(path, every: 10);
        Assert.True(index.TryFind(11, out var point));

        using var reader = CaptureFileReader.Open(path);
        for (int i = 0; i < 20; i++) Assert.True(reader.TryReadNext(out _));
        Assert.False(reader.TrySeek(point));
        Assert.True(reader.TryReadNext(out var next));
        Assert.Equal(21, next.FrameNumber);
    }

    [Fact]
    public void Add_BeyondMaxPoints_ThinsToEveryOtherPointAndStaysBounded()
    {
        var path = _files.Write("many.pcap", PcapWriter.ToArray(LinkType.Ethernet, CaptureTestFiles.SampleFrames(3)));
        using var reader = CaptureFileReader.Open(path);
        var index = new CaptureSeekIndex();
        // The same position offered again is ignored: only forward points are kept.
        index.Add(reader);
        index.Add(reader);
        Assert.Equal(1, index.Count);

        var many = new CaptureSeekIndex();
        var sections = new List<(Timestamp, byte[])>();
        for (int i = 0; i < CaptureSeekIndex.MaxPoints + 10; i++) sections.Add((new Timestamp(T0.UnixNanoseconds + i), new byte[] { 1 }));
        var big = _files.Write("big.pcap", PcapWriter.ToArray(LinkType.Ethernet, sections));
        using var bigReader = CaptureFileReader.Open(big);
        many.Add(bigReader);
        while (bigReader.TryReadNext(out _)) many.Add(bigReader);

        Assert.InRange(many.Count, CaptureSeekIndex.MaxPoints / 2, CaptureSeekIndex.MaxPoints);
        Assert.True(many.TryFind(CaptureSeekIndex.MaxPoints, out var point));
        Assert.InRange(point.FrameNumber, CaptureSeekIndex.MaxPoints - 2, CaptureSeekIndex.MaxPoints);
    }
}
