namespace OtSensor.Capture.Files;

/// <summary>
/// Seek points of one capture file, taken while it is read once, so that a second pass for a few frames (the evidence
/// of alerts) can jump near each of them instead of reading the whole file again.
/// </summary>
/// <remarks>
/// The reader of the first pass offers its position now and then (the analyser: before every batch of 4,096 frames);
/// each offer costs nothing per frame. Memory is bounded, not proportional to the capture: when <see cref="MaxPoints"/>
/// are held, every other point is dropped and from then on only every other offer is kept (then every fourth...).
/// </remarks>
public sealed class CaptureSeekIndex
{
    /// <summary>Points held at most (2 MB).</summary>
    public const int MaxPoints = 65_536;

    private CaptureSeekPoint[] _points = new CaptureSeekPoint[64];
    private int _count;
    private long _stride = 1;
    private long _offers;

    /// <summary>Points held.</summary>
    public int Count => _count;

    /// <summary>Records where <paramref name="reader"/> stands: its next read starts there.</summary>
    public void Add(CaptureFileReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (_offers++ % _stride != 0) return;
        var point = reader.NextSeekPoint;
        if (_count > 0 && point.FrameNumber <= _points[_count - 1].FrameNumber) return;
        if (_count == MaxPoints)
        {
            for (int i = 0; i < _count / 2; i++) _points[i] = _points[2 * i];
            _count /= 2;
            _stride *= 2;
        }
        if (_count == _points.Length) Array.Resize(ref _points, Math.Min(_points.Length * 2, MaxPoints));
        _points[_count++] = point;
    }

    /// <summary>The last point at or before <paramref name="frameNumber"/>; false when there is none.</summary>
    public bool TryFind(long frameNumber, out CaptureSeekPoint point)
    {
        int lo = 0, hi = _count - 1, found = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_points[mid].FrameNumber <= frameNumber)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }
        point = found >= 0 ? _points[found] : default;
        return found >= 0;
    }
}
