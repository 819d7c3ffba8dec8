using System.Buffers.Binary;
using System.Globalization;
using OtSensor.Capture.Files;
using OtSensor.Core.Time;

namespace OtSensor.Capture.Ring;

// One segment file (pcapng, draft-ietf-opsawg-pcapng, little-endian), always laid out the same way so that the
// writer knows every seek point a reader of the file will reach:
//
//  +--------------------------------+  SHB (§4.1), 28 bytes: 0A0D0D0A | 28 | 1A2B3C4D | 1 | 0 | -1 (i64) | 28
//  | Section Header Block           |
//  +--------------------------------+  IDB (§4.2), 32 bytes per capture interface, in interface order:
//  | Interface Description Block 0  |    00000001 | 32 | link type u16 | 0 u16 | snaplen u32 |
//  | ...                            |    if_tsresol (code 9, length 1, value 9 = nanoseconds, 3 bytes pad) |
//  | Interface Description Block n  |    opt_endofopt (0, 0) | 32
//  +--------------------------------+  EPB (§4.3), 32 + captured length padded to 4 bytes:
//  | Enhanced Packet Block ...      |    00000006 | total | interface id | ts high | ts low | captured | original |
//  +--------------------------------+    data, padded | total

/// <summary>
/// The rolling on-disk ring of recent traffic: every captured frame is appended to a bounded set of pcapng segment
/// files, and the PCAP of an alert is cut from it afterwards by the frames' sequence numbers.
/// </summary>
/// <remarks>
/// <para>Sequence numbers: the n-th frame given to <see cref="Append"/> is number n (1-based), whether it reached the
/// disk or not, so a caller that appends every frame it analyses maps its own frame numbers by adding a fixed offset.</para>
/// <para>Capture path: <see cref="Append"/> copies the frame into one large buffer (<see cref="TrafficRingOptions.BufferBytes"/>)
/// and writes the buffer with one call when full; it allocates nothing. Each segment remembers where every buffer
/// began (its frame and file offset), so a cut seeks to within one buffer of each wanted frame.</para>
/// <para>Bounds: a segment is closed before it would exceed <see cref="TrafficRingOptions.SegmentBytes"/>; when
/// <see cref="TrafficRingOptions.Segments"/> files exist, the oldest is deleted before the next is created.</para>
/// <para>Errors (disk full, folder gone, permissions): the buffered frames are lost and counted in
/// <see cref="FramesLost"/>, the segment is closed, <see cref="Failures"/> counts up and <see cref="LastError"/> says
/// why; for <see cref="TrafficRingOptions.RetryAfter"/> frames are only counted, then a new segment is tried. Nothing
/// is thrown to the capture.</para>
/// <para>One thread: <see cref="Append"/>, <see cref="Flush"/> and <see cref="WritePcaps"/> must be called from the same
/// thread (the sensor's analysis thread); the counters may be read from any thread.</para>
/// </remarks>
public sealed class TrafficRing : IDisposable
{
    /// <summary>Frame bytes a single <see cref="WritePcaps"/> call copies at most; frames beyond are left out.</summary>
    public const long MaxCutBytes = 64L << 20;

    private const int SectionHeaderLength = 28;
    private const int InterfaceBlockLength = 32;
    private const int PacketBlockOverhead = 32;
    private const int MaxCapturedLength = 262_144;
    private const string FilePrefix = "ring-";
    private const string FileExtension = ".pcapng";

    private readonly TrafficRingOptions _options;
    private readonly ushort[] _linkTypes;
    private readonly int _headerLength;
    private readonly byte[] _buffer;
    private readonly Segment[] _segments;
    private int _bufferLength;
    private int _bufferFrames;
    private int _oldest;
    private int _count;
    private Segment? _current;
    private FileStream? _stream;
    private long _fileNumber;
    private long _sequence;
    private long _retryAt = long.MinValue;
    private long _framesWritten;
    private long _framesLost;
    private long _failures;
    private string? _lastError;

    private TrafficRing(TrafficRingOptions options, ushort[] linkTypes)
    {
        _options = options;
        _linkTypes = linkTypes;
        _headerLength = SectionHeaderLength + InterfaceBlockLength * linkTypes.Length;
        _buffer = GC.AllocateUninitializedArray<byte>(options.BufferBytes);
        _segments = new Segment[options.Segments];
        for (int i = 0; i < _segments.Length; i++) _segments[i] = new Segment();
    }

    /// <summary>The folder of the segments.</summary>
    public string Directory => _options.Directory;

    /// <summary>The sequence number of the last frame appended (0 before the first).</summary>
    public long Sequence => _sequence;

    /// <summary>Frames written to a segment file.</summary>
    public long FramesWritten => Volatile.Read(ref _framesWritten);

    /// <summary>Frames that did not reach the disk because of an error (or while waiting to retry after one).</summary>
    public long FramesLost => Volatile.Read(ref _framesLost);

    /// <summary>Write or create errors so far.</summary>
    public long Failures => Volatile.Read(ref _failures);

    /// <summary>The message of the last error, one line; null when none happened.</summary>
    public string? LastError => Volatile.Read(ref _lastError);

    /// <summary>The oldest sequence number still held on disk or in the buffer; <see cref="Sequence"/> + 1 when none is.</summary>
    public long OldestSequence
    {
        get
        {
            for (int i = 0; i < _count; i++)
            {
                var segment = _segments[(_oldest + i) % _segments.Length];
                if (segment.Frames > 0 || (segment == _current && _bufferFrames > 0)) return segment.FirstSequence;
            }
            return _sequence + 1;
        }
    }

    /// <summary>Segment files now on disk.</summary>
    public int SegmentCount => _count;

    /// <summary>
    /// Opens the ring in <see cref="TrafficRingOptions.Directory"/> (created when missing) after deleting the segments
    /// a previous process left there: their frames have no sequence numbers any more.
    /// </summary>
    /// <param name="linkTypes">The raw LINKTYPE_* value of each capture interface, in interface order (the <c>interfaceIndex</c> of <see cref="Append"/>).</param>
    /// <exception cref="IOException">The folder cannot be made or read.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder cannot be made or read.</exception>
    public static TrafficRing Open(TrafficRingOptions options, IReadOnlyList<ushort> linkTypes)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(linkTypes);
        if (linkTypes.Count == 0) throw new ArgumentException("at least one interface", nameof(linkTypes));
        if (options.SegmentBytes < TrafficRingOptions.MinSegmentBytes) throw new ArgumentOutOfRangeException(nameof(options), "SegmentBytes below 1 MiB");
        if (options.Segments < 2) throw new ArgumentOutOfRangeException(nameof(options), "Segments below 2");
        if (options.BufferBytes < 2 * (MaxCapturedLength + PacketBlockOverhead) || options.BufferBytes > options.SegmentBytes)
            throw new ArgumentOutOfRangeException(nameof(options), "BufferBytes must hold two frames of 256 KiB and fit a segment");
        System.IO.Directory.CreateDirectory(options.Directory);
        foreach (var stale in System.IO.Directory.EnumerateFiles(options.Directory, FilePrefix + "*" + FileExtension))
            File.Delete(stale);
        return new TrafficRing(options, [.. linkTypes]);
    }

    /// <summary>Appends one frame (cut to 256 KiB); returns its sequence number. Never throws on I/O: see the remarks.</summary>
    public long Append(ReadOnlySpan<byte> data, int interfaceIndex, Timestamp timestamp, int originalLength)
    {
        long sequence = ++_sequence;
        if (_current is null && !TryStartSegment(sequence))
        {
            _framesLost++;
            return sequence;
        }
        if (data.Length > MaxCapturedLength) data = data[..MaxCapturedLength];
        int block = PacketBlockOverhead + ((data.Length + 3) & ~3);
        var segment = _current!;
        if (segment.Bytes + _bufferLength + block > _options.SegmentBytes && (segment.Frames > 0 || _bufferFrames > 0))
        {
            if (!TryRotate(sequence))
            {
                _framesLost++;
                return sequence;
            }
            segment = _current!;
        }
        if (_bufferLength + block > _buffer.Length && !TryWriteBuffer())
        {
            _framesLost++;
            return sequence;
        }
        if (_bufferLength == 0) segment.AddSeekPoint(segment.Frames + 1, segment.Bytes);
        var span = _buffer.AsSpan(_bufferLength, block);
        ulong units = (ulong)timestamp.UnixNanoseconds;
        BinaryPrimitives.WriteUInt32LittleEndian(span, 6);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], block);
        BinaryPrimitives.WriteInt32LittleEndian(span[8..], (uint)interfaceIndex < (uint)_linkTypes.Length ? interfaceIndex : 0);
        BinaryPrimitives.WriteUInt32LittleEndian(span[12..], (uint)(units >> 32));
        BinaryPrimitives.WriteUInt32LittleEndian(span[16..], (uint)units);
        BinaryPrimitives.WriteInt32LittleEndian(span[20..], data.Length);
        BinaryPrimitives.WriteInt32LittleEndian(span[24..], Math.Max(originalLength, data.Length));
        data.CopyTo(span[28..]);
        span.Slice(28 + data.Length, block - 32 - data.Length).Clear();
        BinaryPrimitives.WriteInt32LittleEndian(span[(block - 4)..], block);
        _bufferLength += block;
        _bufferFrames++;
        return sequence;
    }

    /// <summary>Writes the buffer to the current segment (a cut reads only what is on disk).</summary>
    public void Flush()
    {
        if (_bufferLength > 0) TryWriteBuffer();
    }

    /// <summary>
    /// Writes one classic pcap per cut (microsecond time stamps, as offline alert PCAPs; the link type of the first
    /// frame found, frames of another left out) holding the cut's frames still in the ring, reading each segment at
    /// most once. A file is written only when at least one frame was found (to a temporary name, then moved over
    /// <see cref="TrafficRingCut.Path"/>). Returns the frames written per cut.
    /// </summary>
    /// <exception cref="IOException">A PCAP cannot be written (the segments are only read).</exception>
    public int[] WritePcaps(IReadOnlyList<TrafficRingCut> cuts)
    {
        ArgumentNullException.ThrowIfNull(cuts);
        var written = new int[cuts.Count];
        if (cuts.Count == 0) return written;
        Flush();
        // Wanted sequence numbers in ascending order with the cuts that want each.
        var wanted = new SortedDictionary<long, List<int>>();
        for (int c = 0; c < cuts.Count; c++)
            foreach (long sequence in cuts[c].Sequences)
            {
                if (!wanted.TryGetValue(sequence, out var list)) wanted[sequence] = list = [];
                if (list.Count == 0 || list[^1] != c) list.Add(c);
            }
        var outputs = new PcapOutput?[cuts.Count];
        long copied = 0;
        try
        {
            using var wantedFrames = wanted.GetEnumerator();
            bool more = wantedFrames.MoveNext();
            for (int i = 0; i < _count && more; i++)
            {
                var segment = _segments[(_oldest + i) % _segments.Length];
                long last = segment.FirstSequence + segment.Frames - 1;
                while (more && wantedFrames.Current.Key < segment.FirstSequence) more = wantedFrames.MoveNext();
                if (!more || segment.Frames == 0 || wantedFrames.Current.Key > last) continue;
                if (!CaptureFileReader.TryOpen(segment.Path, out var reader, out _)) continue;
                using (reader)
                {
                    while (more && wantedFrames.Current.Key <= last)
                    {
                        var (sequence, ids) = (wantedFrames.Current.Key, wantedFrames.Current.Value);
                        long number = sequence - segment.FirstSequence + 1;
                        CaptureFrame frame = default;
                        bool found = false;
                        // The first read passes the interface blocks; seek points apply from then on.
                        if (reader!.FramesRead == 0 && !(found = reader.TryReadNext(out frame))) break;
                        if (!found || frame.FrameNumber < number)
                        {
                            if (segment.TryFindSeekPoint(number, out long pointFrame, out long pointOffset))
                                reader.TrySeek(new CaptureSeekPoint(pointFrame, pointOffset, 1 + _linkTypes.Length, default));
                            while ((found = reader.TryReadNext(out frame)) && frame.FrameNumber < number) { }
                            if (!found) break;
                        }
                        if (frame.FrameNumber == number && copied + frame.Data.Length <= MaxCutBytes)
                        {
                            copied += frame.Data.Length;
                            foreach (int c in ids)
                            {
                                var output = outputs[c] ??= PcapOutput.Create(cuts[c].Path, frame.RawLinkType);
                                if (output.TryWrite(frame)) written[c]++;
                            }
                        }
                        more = wantedFrames.MoveNext();
                    }
                }
                while (more && wantedFrames.Current.Key <= last) more = wantedFrames.MoveNext();
            }
            for (int c = 0; c < outputs.Length; c++)
            {
                if (outputs[c] is not { } output) continue;
                output.Dispose();
                outputs[c] = null;
                File.Move(output.TemporaryPath, cuts[c].Path, overwrite: true);
            }
        }
        finally
        {
            foreach (var output in outputs)
            {
                if (output is null) continue;
                output.Dispose();
                File.Delete(output.TemporaryPath);
            }
        }
        return written;
    }

    public void Dispose()
    {
        Flush();
        _stream?.Dispose();
        _stream = null;
    }

    private bool TryStartSegment(long firstSequence)
    {
        if (_retryAt != long.MinValue && Environment.TickCount64 < _retryAt) return false;
        _retryAt = long.MinValue;
        if (_count == _segments.Length)
        {
            var oldest = _segments[_oldest];
            try
            {
                File.Delete(oldest.Path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A segment that cannot be deleted still leaves the ring: its slot is reused and the bound is kept
                // by what is written, not by what failed to go away.
                Fail(e);
            }
            _oldest = (_oldest + 1) % _segments.Length;
            _count--;
        }
        var segment = _segments[(_oldest + _count) % _segments.Length];
        var path = Path.Combine(_options.Directory, string.Create(CultureInfo.InvariantCulture, $"{FilePrefix}{++_fileNumber:D8}{FileExtension}"));
        try
        {
            _stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read | FileShare.Delete, bufferSize: 0);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Fail(e);
            return false;
        }
        segment.Reset(path, firstSequence);
        _count++;
        _current = segment;
        WriteHeader(_buffer.AsSpan(0, _headerLength));
        _bufferLength = _headerLength;
        _bufferFrames = 0;
        return true;
    }

    private bool TryRotate(long firstSequence)
    {
        if (!TryWriteBuffer()) return false;
        _stream!.Dispose();
        _stream = null;
        _current = null;
        return TryStartSegment(firstSequence);
    }

    private bool TryWriteBuffer()
    {
        var segment = _current!;
        try
        {
            _stream!.Write(_buffer, 0, _bufferLength);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _framesLost += _bufferFrames;
            _bufferLength = _bufferFrames = 0;
            // What is on disk stays readable (a partial block at its end only ends the reading); the segment takes no more.
            _stream!.Dispose();
            _stream = null;
            _current = null;
            if (segment.Frames == 0)
            {
                TryDelete(segment.Path);
                _count--;
            }
            Fail(e);
            return false;
        }
        segment.Bytes += _bufferLength;
        segment.Frames += _bufferFrames;
        _framesWritten += _bufferFrames;
        _bufferLength = _bufferFrames = 0;
        return true;
    }

    private void Fail(Exception e)
    {
        _failures++;
        Volatile.Write(ref _lastError, e.Message.ReplaceLineEndings(" "));
        _retryAt = Environment.TickCount64 + (long)_options.RetryAfter.TotalMilliseconds;
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for the next Open, which deletes every stale segment.
        }
    }

    private void WriteHeader(Span<byte> header)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(header, 0x0A0D0D0A);
        BinaryPrimitives.WriteInt32LittleEndian(header[4..], SectionHeaderLength);
        BinaryPrimitives.WriteUInt32LittleEndian(header[8..], 0x1A2B3C4D);
        BinaryPrimitives.WriteUInt16LittleEndian(header[12..], 1);
        BinaryPrimitives.WriteUInt16LittleEndian(header[14..], 0);
        BinaryPrimitives.WriteInt64LittleEndian(header[16..], -1);
        BinaryPrimitives.WriteInt32LittleEndian(header[24..], SectionHeaderLength);
        for (int i = 0; i < _linkTypes.Length; i++)
        {
            var idb = header.Slice(SectionHeaderLength + i * InterfaceBlockLength, InterfaceBlockLength);
            idb.Clear();
            BinaryPrimitives.WriteUInt32LittleEndian(idb, 1);
            BinaryPrimitives.WriteInt32LittleEndian(idb[4..], InterfaceBlockLength);
            BinaryPrimitives.WriteUInt16LittleEndian(idb[8..], _linkTypes[i]);
            BinaryPrimitives.WriteInt32LittleEndian(idb[12..], MaxCapturedLength);
            BinaryPrimitives.WriteUInt16LittleEndian(idb[16..], 9);   // if_tsresol
            BinaryPrimitives.WriteUInt16LittleEndian(idb[18..], 1);
            idb[20] = 9;                                              // 10^-9 s
            // idb[24..28]: opt_endofopt, already zero.
            BinaryPrimitives.WriteInt32LittleEndian(idb[28..], InterfaceBlockLength);
        }
    }

    /// <summary>One segment file: its first sequence number, what of it is on disk, and where each write buffer began.</summary>
    private sealed class Segment
    {
        private long[] _pointFrames = new long[64];
        private long[] _pointOffsets = new long[64];
        private int _points;

        public string Path { get; private set; } = "";
        public long FirstSequence { get; private set; }
        public long Frames { get; set; }
        public long Bytes { get; set; }

        public void Reset(string path, long firstSequence)
        {
            Path = path;
            FirstSequence = firstSequence;
            Frames = Bytes = 0;
            _points = 0;
        }

        public void AddSeekPoint(long frame, long offset)
        {
            // The first buffer starts with the file header; readers begin right after it on their own.
            if (offset == 0) return;
            if (_points == _pointFrames.Length)
            {
                Array.Resize(ref _pointFrames, _points * 2);
                Array.Resize(ref _pointOffsets, _points * 2);
            }
            _pointFrames[_points] = frame;
            _pointOffsets[_points++] = offset;
        }

        public bool TryFindSeekPoint(long frame, out long pointFrame, out long pointOffset)
        {
            int found = -1, lo = 0, hi = _points - 1;
            while (lo <= hi)
            {
                int mid = (lo + hi) >>> 1;
                if (_pointFrames[mid] <= frame)
                {
                    found = mid;
                    lo = mid + 1;
                }
                else
                {
                    hi = mid - 1;
                }
            }
            pointFrame = found >= 0 ? _pointFrames[found] : 0;
            pointOffset = found >= 0 ? _pointOffsets[found] : 0;
            return found >= 0 && _pointOffsets[found] < Bytes;
        }
    }

    /// <summary>A classic pcap being cut: 24-byte file header, 16-byte record header per frame, written to a temporary name.</summary>
    private sealed class PcapOutput : IDisposable
    {
        private readonly FileStream _stream;
        private readonly ushort _linkType;

        private PcapOutput(string temporaryPath, ushort linkType)
        {
            TemporaryPath = temporaryPath;
            _linkType = linkType;
            _stream = new FileStream(temporaryPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        }

        public string TemporaryPath { get; }

        public static PcapOutput Create(string path, ushort linkType)
        {
            var output = new PcapOutput(path + ".tmp", linkType);
            Span<byte> header = stackalloc byte[24];
            BinaryPrimitives.WriteUInt32LittleEndian(header, 0xA1B2C3D4);
            BinaryPrimitives.WriteUInt16LittleEndian(header[4..], 2);
            BinaryPrimitives.WriteUInt16LittleEndian(header[6..], 4);
            BinaryPrimitives.WriteInt64LittleEndian(header[8..], 0);
            BinaryPrimitives.WriteUInt32LittleEndian(header[16..], MaxCapturedLength);
            BinaryPrimitives.WriteUInt32LittleEndian(header[20..], linkType);
            output._stream.Write(header);
            return output;
        }

        public bool TryWrite(in CaptureFrame frame)
        {
            if (frame.RawLinkType != _linkType) return false;
            long seconds = Math.DivRem(frame.Timestamp.UnixNanoseconds, 1_000_000_000L, out long rest);
            Span<byte> record = stackalloc byte[16];
            BinaryPrimitives.WriteUInt32LittleEndian(record, (uint)seconds);
            BinaryPrimitives.WriteUInt32LittleEndian(record[4..], (uint)(rest / 1000));
            BinaryPrimitives.WriteInt32LittleEndian(record[8..], frame.Data.Length);
            BinaryPrimitives.WriteInt32LittleEndian(record[12..], Math.Max(frame.OriginalLength, frame.Data.Length));
            _stream.Write(record);
            _stream.Write(frame.Data);
            return true;
        }

        public void Dispose() => _stream.Dispose();
    }
}
