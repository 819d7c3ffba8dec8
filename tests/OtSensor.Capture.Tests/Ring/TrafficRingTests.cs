using System.Buffers.Binary;
using OtSensor.Capture.Files;
using OtSensor.Capture.Ring;
using OtSensor.Core.Net;
using OtSensor.Core.Time;

namespace OtSensor.Capture.Tests.Ring;

/// <summary>
/// <see cref="TrafficRing"/>: segments are valid pcapng, rotation keeps the disk use bounded and drops the oldest
/// frames, cuts hold exactly the wanted frames still in the ring, and a write error is counted, not thrown.
/// </summary>
public sealed class TrafficRingTests : IDisposable
{
    private const long Second = 1_000_000_000L;
    private static readonly Timestamp T0 = Timestamp.FromSeconds(1_700_000_000, 0);
    private readonly string _folder = Directory.CreateTempSubdirectory("otsensor-ring-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string RingFolder => Path.Combine(_folder, "ring");

    private TrafficRingOptions Options(long segmentBytes = 1 << 20, int segments = 4, TimeSpan? retry = null) => new()
    {
        Directory = RingFolder,
        SegmentBytes = segmentBytes,
        Segments = segments,
        BufferBytes = 600 << 10,
        RetryAfter = retry ?? TimeSpan.FromSeconds(30),
    };

    /// <summary>Frame <paramref name="sequence"/>: <paramref name="length"/> bytes, the sequence number in the first 8 (big-endian), then its low byte repeated.</summary>
    private static byte[] Frame(long sequence, int length)
    {
        var data = new byte[length];
        data.AsSpan(8).Fill((byte)sequence);
        BinaryPrimitives.WriteInt64BigEndian(data, sequence);
        return data;
    }

    private static Timestamp TimeOf(long sequence) => new(T0.UnixNanoseconds + sequence * 1_234_567);

    private static void AppendFrames(TrafficRing ring, long from, long to, int length, int interfaceIndex = 0)
    {
        for (long s = from; s <= to; s++)
            Assert.Equal(s, ring.Append(Frame(s, length), interfaceIndex, TimeOf(s), length + 4));
    }

    private static List<(long Sequence, ushort LinkType, long Nanoseconds, int Length, int Original)> ReadPcap(string path)
    {
        var frames = new List<(long, ushort, long, int, int)>();
        using var reader = CaptureFileReader.Open(path);
        Assert.Equal(CaptureFormat.Pcap, reader.Format);
        while (reader.TryReadNext(out var frame))
        {
            Assert.Equal(Frame(BinaryPrimitives.ReadInt64BigEndian(frame.Data), frame.Data.Length), frame.Data.ToArray());
            frames.Add((BinaryPrimitives.ReadInt64BigEndian(frame.Data), frame.RawLinkType, frame.Timestamp.UnixNanoseconds, frame.Data.Length, frame.OriginalLength));
        }
        Assert.Null(reader.Error);
        return frames;
    }

    [Fact]
    public void Append_TwoInterfaces_SegmentIsPcapNgWithBothInterfacesAndNanosecondTimes()
    {
        using (var ring = TrafficRing.Open(Options(), [(ushort)LinkType.Ethernet, (ushort)LinkType.Raw]))
        {
            AppendFrames(ring, 1, 3, 60, interfaceIndex: 0);
            AppendFrames(ring, 4, 5, 61, interfaceIndex: 1);
        }
        var segment = Assert.Single(Directory.GetFiles(RingFolder));
        Assert.EndsWith("ring-00000001.pcapng", segment, StringComparison.Ordinal);
        using var reader = CaptureFileReader.Open(segment);
        Assert.Equal(CaptureFormat.PcapNg, reader.Format);
        var read = new List<(long, int, ushort, long, int)>();
        while (reader.TryReadNext(out var frame))
            read.Add((frame.FrameNumber, frame.InterfaceIndex, frame.RawLinkType, frame.Timestamp.UnixNanoseconds, frame.OriginalLength));
        Assert.Null(reader.Error);
        Assert.Equal(
            [
                (1L, 0, (ushort)1, TimeOf(1).UnixNanoseconds, 64), (2L, 0, (ushort)1, TimeOf(2).UnixNanoseconds, 64), (3L, 0, (ushort)1, TimeOf(3).UnixNanoseconds, 64),
                (4L, 1, (ushort)101, TimeOf(4).UnixNanoseconds, 65), (5L, 1, (ushort)101, TimeOf(5).UnixNanoseconds, 65),
            ], read);
    }

    [Fact]
    public void WritePcaps_FramesAcrossSegmentsAndBuffers_EachPcapHoldsExactlyItsFramesInOrder()
    {
        using var ring = TrafficRing.Open(Options(segments: 8), [(ushort)LinkType.Ethernet]);
        // 3,000 frames of 1,000 bytes: three segments, each written in two or three buffers.
        AppendFrames(ring, 1, 3000, 1000);
        Assert.Equal(3, ring.SegmentCount);
        var first = Path.Combine(_folder, "first.pcap");
        var second = Path.Combine(_folder, "second.pcap");
        var none = Path.Combine(_folder, "none.pcap");

        var written = ring.WritePcaps([new TrafficRingCut(first, [1, 2, 700, 1030, 1031, 2999, 3000]), new TrafficRingCut(second, [700, 1500]), new TrafficRingCut(none, [3001])]);

        Assert.Equal([7, 2, 0], written);
        var frames = ReadPcap(first);
        Assert.Equal([1L, 2, 700, 1030, 1031, 2999, 3000], frames.Select(f => f.Sequence));
        Assert.All(frames, f => Assert.Equal(((ushort)1, TimeOf(f.Sequence).UnixNanoseconds / 1000 * 1000, 1000, 1004), (f.LinkType, f.Nanoseconds, f.Length, f.Original)));
        Assert.Equal([700L, 1500], ReadPcap(second).Select(f => f.Sequence));
        Assert.False(File.Exists(none));
        Assert.Empty(Directory.GetFiles(_folder, "*.tmp"));
    }

    [Fact]
    public void Append_FarBeyondTheBound_OldestSegmentsDeletedAndDiskUseBounded()
    {
        const long segmentBytes = 1 << 20;
        using var ring = TrafficRing.Open(Options(segmentBytes, segments: 3), [(ushort)LinkType.Ethernet]);
        long largest = 0;
        for (long s = 1; s <= 20_000; s++)
        {
            ring.Append(Frame(s, 500 + (int)(s % 1000)), 0, TimeOf(s), 0);
            if (s % 500 == 0)
            {
                var files = Directory.GetFiles(RingFolder);
                Assert.True(files.Length <= 3, $"{files.Length} segments");
                largest = Math.Max(largest, files.Sum(f => new FileInfo(f).Length));
                Assert.All(files, f => Assert.True(new FileInfo(f).Length <= segmentBytes));
            }
        }
        ring.Flush();
        Assert.True(largest <= 3 * segmentBytes, $"{largest} bytes on disk");
        Assert.Equal(3, ring.SegmentCount);
        Assert.Equal(20_000, ring.FramesWritten);
        Assert.Equal(0, ring.FramesLost);
        // About 20 MB went through a 3 MiB ring: the first frames are gone, the last ones are there.
        long oldest = ring.OldestSequence;
        Assert.InRange(oldest, 15_000, 19_000);
        var gone = Path.Combine(_folder, "gone.pcap");
        var kept = Path.Combine(_folder, "kept.pcap");
        Assert.Equal([0, 2], ring.WritePcaps([new TrafficRingCut(gone, [1, oldest - 1]), new TrafficRingCut(kept, [oldest, 20_000])]));
        Assert.False(File.Exists(gone));
        Assert.Equal([oldest, 20_000L], ReadPcap(kept).Select(f => f.Sequence));
    }

    [Fact]
    public void Append_FolderRemovedThenBack_FailureCountedFramesLostThenWritingResumes()
    {
        using var ring = TrafficRing.Open(Options(segments: 4, retry: TimeSpan.Zero), [(ushort)LinkType.Ethernet]);
        AppendFrames(ring, 1, 1500, 1000);
        Directory.Delete(RingFolder, recursive: true);
        // The open segment was unlinked with the folder; the next one cannot be created.
        AppendFrames(ring, 1501, 3000, 1000);
        Assert.True(ring.Failures > 0);
        Assert.NotNull(ring.LastError);
        Assert.True(ring.FramesLost > 0);

        Directory.CreateDirectory(RingFolder);
        long lostBefore = ring.FramesLost;
        AppendFrames(ring, 3001, 3100, 1000);
        ring.Flush();
        Assert.Equal(lostBefore, ring.FramesLost);
        Assert.Equal(3100, ring.FramesWritten + ring.FramesLost);
        var cut = Path.Combine(_folder, "after.pcap");
        Assert.Equal([2], ring.WritePcaps([new TrafficRingCut(cut, [3001, 3100])]));
        Assert.Equal([3001L, 3100], ReadPcap(cut).Select(f => f.Sequence));
    }

    [Fact]
    public void Append_SteadyState_AllocatesNothing()
    {
        using var ring = TrafficRing.Open(Options(segmentBytes: 64 << 20), [(ushort)LinkType.Ethernet]);
        var frame = Frame(1, 300);
        for (int i = 0; i < 1000; i++) ring.Append(frame, 0, TimeOf(i), 300);
        long before = GC.GetAllocatedBytesForCurrentThread();
        // About 3.4 MB: several buffer writes within one segment.
        for (int i = 0; i < 10_000; i++) ring.Append(frame, 0, TimeOf(i), 300);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Open_StaleSegmentsOfAnEarlierProcess_Deleted()
    {
        Directory.CreateDirectory(RingFolder);
        File.WriteAllBytes(Path.Combine(RingFolder, "ring-00000042.pcapng"), [1, 2, 3]);
        File.WriteAllBytes(Path.Combine(RingFolder, "keep.txt"), [1]);
        using var ring = TrafficRing.Open(Options(), [(ushort)LinkType.Ethernet]);
        Assert.Equal(["keep.txt"], Directory.GetFiles(RingFolder).Select(Path.GetFileName));
        Assert.Equal(1, ring.OldestSequence);
    }
}
