using OtSensor.Capture.Files;
using OtSensor.Core.Net;
using OtSensor.Core.Time;
using OtSensor.TestKit.Pcaps;

namespace OtSensor.Capture.Tests.Files;

/// <summary>Records straddling the buffer end, blocks larger than the buffer, and the no-allocation promise.</summary>
public sealed class CaptureReaderBufferTests : IDisposable
{
    private static readonly CaptureReaderOptions SmallBuffer = new() { BufferSize = 4096 };

    private readonly CaptureTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TryReadNext_RecordsStraddlingBufferEnd_AreReturnedWhole(bool pcapNg)
    {
        var frames = RandomFrames(2000, maxLength: 3000, seed: 7);
        var bytes = pcapNg ? PcapNgWriter.ToArray(LinkType.Ethernet, frames) : PcapWriter.ToArray(LinkType.Ethernet, frames);

        var result = _files.ReadAll(bytes, SmallBuffer);

        Assert.Null(result.Error);
        CaptureTestFiles.AssertSameFrames(frames, result.Frames, LinkType.Ethernet);
        Assert.Equal(bytes.Length, result.BytesRead);
    }

    [Fact]
    public void TryReadNext_RecordLargerThanBuffer_GrowsBuffer()
    {
        // 200 KiB packets (below the 256 KiB packet limit) with a 4 KiB buffer.
        var frames = RandomFrames(5, maxLength: 200 * 1024, seed: 3);
        frames.Add((Timestamp.FromSeconds(9, 0), new byte[200 * 1024]));

        var pcap = _files.ReadAll(PcapWriter.ToArray(LinkType.Ethernet, frames), SmallBuffer);
        var pcapNg = _files.ReadAll(PcapNgWriter.ToArray(LinkType.Ethernet, frames, bigEndian: true), SmallBuffer);

        CaptureTestFiles.AssertSameFrames(frames, pcap.Frames, LinkType.Ethernet);
        CaptureTestFiles.AssertSameFrames(frames, pcapNg.Frames, LinkType.Ethernet);
    }

    [Fact]
    public void TryReadNext_LargeSkippedBlock_IsReadPastWithSmallBuffer()
    {
        var path = _files.Write("bigblock.pcapng", s =>
        {
            var w = new PcapNgWriter(s);
            w.WriteSectionHeader();
            w.WriteBlock(PcapNgWriter.CustomBlockType, new byte[1 << 20]);
            w.WriteInterface(LinkType.Ethernet);
            w.WriteEnhancedPacket(0, Timestamp.FromSeconds(1, 0), [7]);
        });

        var result = CaptureTestFiles.ReadAll(path, SmallBuffer);

        Assert.Null(result.Error);
        Assert.Equal([7], Assert.Single(result.Frames).Data);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TryReadNext_SteadyState_AllocatesNothingPerRecord(bool pcapNg)
    {
        var frames = RandomFrames(20_000, maxLength: 1514, seed: 11);
        var path = _files.Write("alloc.cap", pcapNg ? PcapNgWriter.ToArray(LinkType.Ethernet, frames) : PcapWriter.ToArray(LinkType.Ethernet, frames));

        using var reader = CaptureFileReader.Open(path, SmallBuffer);
        Assert.True(reader.TryReadNext(out _));   // header, interfaces and buffer set up
        long before = GC.GetAllocatedBytesForCurrentThread();
        long sum = 0;
        while (reader.TryReadNext(out var frame)) sum += frame.Data.Length;
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Null(reader.Error);
        Assert.Equal(frames.Count, reader.FramesRead);
        Assert.True(sum > 0);
        Assert.Equal(0, allocated);
    }

    private static List<(Timestamp ts, byte[] data)> RandomFrames(int count, int maxLength, int seed)
    {
        var random = new Random(seed);
        var frames = new List<(Timestamp, byte[])>(count);
        long ns = 1_500_000_000_000_000_000;
        for (int i = 0; i < count; i++)
        {
            var data = new byte[random.Next(maxLength + 1)];
            random.NextBytes(data);
            ns += random.Next(1, 1_000_000) * 1_000L;
            frames.Add((new Timestamp(ns), data));
        }

        return frames;
    }
}
