using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Win32.SafeHandles;

namespace OtSensor.Capture.Files;

/// <summary>
/// Forward-only reader of classic pcap and pcapng files, without libpcap. Hands out each packet as
/// a <see cref="CaptureFrame"/> whose bytes point into one reusable pooled buffer: no allocation per
/// record.
/// </summary>
/// <remarks>
/// <para>
/// Formats: draft-ietf-opsawg-pcap (all four magic numbers) and draft-ietf-opsawg-pcapng
/// (SHB, IDB, EPB, SPB, obsolete PB; other blocks skipped by their length). See the project README.
/// </para>
/// <para>
/// Buffering: the file is read in chunks of <see cref="CaptureReaderOptions.BufferSize"/> with
/// <see cref="RandomAccess"/>. When a record straddles the end of the buffered bytes, the unread
/// tail is moved to the start of the buffer and the rest is read behind it; a record larger than
/// the buffer (only possible for pcapng blocks) grows the buffer once.
/// </para>
/// <para>
/// Errors: opening throws <see cref="CaptureFileException"/> for missing or unreadable files only.
/// Malformed contents never throw: <see cref="TryReadNext"/> returns false at the first
/// unrecoverable problem and <see cref="Error"/> says what and where; every frame before it was
/// returned normally.
/// </para>
/// </remarks>
public sealed partial class CaptureFileReader : IDisposable
{
    private readonly SafeFileHandle _handle;
    private readonly CaptureReaderOptions _options;
    private byte[] _buffer;

    // _buffer[_start.._end] holds bytes not yet consumed; _buffer[0] sits at file offset _bufferFileOffset.
    private int _start;
    private int _end;
    private long _bufferFileOffset;
    private long _nextReadOffset;
    private bool _endOfFile;
    private bool _done;
    private bool _disposed;

    private CaptureFileReader(string path, SafeFileHandle handle, long length, CaptureReaderOptions options)
    {
        Path = path;
        _handle = handle;
        Length = length;
        _options = options;
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(options.BufferSize, 4096));
    }

    /// <summary>Path the reader was opened with.</summary>
    public string Path { get; }

    /// <summary>Container format from the magic number; <see cref="CaptureFormat.Unknown"/> when the file is not a capture.</summary>
    public CaptureFormat Format { get; private set; }

    /// <summary>Null while reading and after a clean end; otherwise the problem that stopped the walk.</summary>
    public CaptureReadError? Error { get; private set; }

    /// <summary>Bytes walked so far (headers and records consumed), i.e. the file offset of the next record.</summary>
    public long BytesRead => _bufferFileOffset + _start;

    /// <summary>File length when it was opened.</summary>
    public long Length { get; }

    /// <summary>Frames returned so far.</summary>
    public long FramesRead { get; private set; }

    /// <summary>
    /// Section Header and Interface Description Blocks read so far (pcapng; always 0 for pcap): a
    /// <see cref="CaptureSeekPoint"/> taken at the same value needs no block this reader has not seen.
    /// </summary>
    public int LayoutVersion { get; private set; }

    /// <summary>Where the next read starts, as a point a later reader of the same file can <see cref="TrySeek"/> to.</summary>
    public CaptureSeekPoint NextSeekPoint => new(FramesRead + 1, BytesRead, LayoutVersion, _lastTimestamp);

    /// <summary>
    /// Moves forward to <paramref name="point"/>, taken from an earlier pass over the same file, so the next
    /// <see cref="TryReadNext"/> returns frame <see cref="CaptureSeekPoint.FrameNumber"/>. Refused (false, nothing
    /// changed) when the point lies behind the reader, when a section or interface block between here and there has not
    /// been read (pcapng), or after an error.
    /// </summary>
    public bool TrySeek(in CaptureSeekPoint point)
    {
        if (_done || point.LayoutVersion != LayoutVersion || point.FrameNumber <= FramesRead + 1 || point.Offset <= BytesRead
            || point.Offset >= Length)
            return false;
        _bufferFileOffset = point.Offset;
        _nextReadOffset = point.Offset;
        _start = _end = 0;
        _endOfFile = false;
        FramesRead = point.FrameNumber - 1;
        _lastTimestamp = point.PreviousTimestamp;
        return true;
    }

    /// <summary>
    /// Opens a capture file and reads its file header (pcap) or first Section Header Block (pcapng).
    /// A file that is not a capture still opens: <see cref="Error"/> is set and nothing is read.
    /// </summary>
    /// <exception cref="CaptureFileException">The file is missing or cannot be read.</exception>
    public static CaptureFileReader Open(string path, CaptureReaderOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= CaptureReaderOptions.Default;
        SafeFileHandle handle;
        long length;
        try
        {
            handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new CaptureFileException($"capture file not found: {path}", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CaptureFileException($"cannot open capture file {path}: {ex.Message}", ex);
        }

        try
        {
            length = RandomAccess.GetLength(handle);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            handle.Dispose();
            throw new CaptureFileException($"cannot read capture file {path}: {ex.Message}", ex);
        }

        var reader = new CaptureFileReader(path, handle, length, options);
        reader.ReadFileHeader();
        return reader;
    }

    /// <summary>
    /// Like <see cref="Open"/>, but returns false instead of throwing, and also when the file is not a
    /// readable capture (empty, unknown magic, broken file header). <paramref name="error"/> is a one-line reason.
    /// </summary>
    public static bool TryOpen(string path, out CaptureFileReader? reader, out string? error)
        => TryOpen(path, CaptureReaderOptions.Default, out reader, out error);

    /// <inheritdoc cref="TryOpen(string, out CaptureFileReader?, out string?)"/>
    public static bool TryOpen(string path, CaptureReaderOptions options, out CaptureFileReader? reader, out string? error)
    {
        reader = null;
        if (string.IsNullOrEmpty(path))
        {
            error = "empty path";
            return false;
        }

        CaptureFileReader opened;
        try
        {
            opened = Open(path, options);
        }
        catch (CaptureFileException ex)
        {
            error = ex.Message;
            return false;
        }

        if (opened.Error is not null)
        {
            error = opened.Error.Message;
            opened.Dispose();
            return false;
        }

        reader = opened;
        error = null;
        return true;
    }

    /// <summary>
    /// Advances to the next packet. Returns false at the end of the file or at the first
    /// unrecoverable corruption (then <see cref="Error"/> is set). Never throws.
    /// </summary>
    /// <param name="frame">The packet; its <see cref="CaptureFrame.Data"/> is valid until the next call.</param>
    public bool TryReadNext(out CaptureFrame frame)
    {
        if (_done)
        {
            frame = default;
            return false;
        }

        return Format == CaptureFormat.Pcap ? TryReadPcapRecord(out frame) : TryReadPcapNgPacket(out frame);
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _done = true;
        _handle.Dispose();
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
        _start = _end = 0;
    }

    private void ReadFileHeader()
    {
        if (!Ensure(CaptureMagic.Length))
        {
            Fail(0, CaptureMagic.Describe(_buffer.AsSpan(_start, _end - _start)) ?? "not a capture file");
            return;
        }

        Format = CaptureMagic.Detect(_buffer.AsSpan(_start, CaptureMagic.Length));
        switch (Format)
        {
            case CaptureFormat.Pcap:
                ReadPcapFileHeader();
                break;
            case CaptureFormat.PcapNg:
                ReadFirstSectionHeader();
                break;
            default:
                Fail(0, CaptureMagic.Describe(_buffer.AsSpan(_start, CaptureMagic.Length)) ?? "not a capture file");
                break;
        }
    }

    /// <summary>Makes at least <paramref name="needed"/> unconsumed bytes available; false at end of file or on an I/O error.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Ensure(int needed) => _end - _start >= needed || Refill(needed);

    private int Available => _end - _start;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool Refill(int needed)
    {
        int remaining = _end - _start;
        if (needed > _buffer.Length)
        {
            // Only pcapng blocks larger than the buffer get here; their length is already bounded.
            var larger = ArrayPool<byte>.Shared.Rent(needed);
            _buffer.AsSpan(_start, remaining).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }
        else if (_start > 0)
        {
            _buffer.AsSpan(_start, remaining).CopyTo(_buffer);
        }

        _bufferFileOffset += _start;
        _start = 0;
        _end = remaining;

        try
        {
            while (_end < needed && !_endOfFile)
            {
                int n = RandomAccess.Read(_handle, _buffer.AsSpan(_end), _nextReadOffset);
                if (n == 0)
                {
                    _endOfFile = true;
                    break;
                }

                _end += n;
                _nextReadOffset += n;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            Fail(BytesRead, string.Create(CultureInfo.InvariantCulture, $"read error at offset {_nextReadOffset}: {ex.Message}"));
            return false;
        }

        return _end >= needed;
    }

    /// <summary>Records the first error (a later one never replaces it) and stops the walk.</summary>
    private bool Fail(long offset, string message)
    {
        Error ??= new CaptureReadError(offset, FramesRead + 1, message);
        _done = true;
        return false;
    }
}
