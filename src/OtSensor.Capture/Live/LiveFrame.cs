using OtSensor.Core.Net;
using OtSensor.Core.Time;

namespace OtSensor.Capture.Live;

/// <summary>
/// One frame taken from a <see cref="LiveCapture"/>. <see cref="Data"/> points into the capture queue and is valid
/// until <see cref="LiveCapture.Release"/>.
/// </summary>
public readonly ref struct LiveFrame
{
    internal LiveFrame(ReadOnlySpan<byte> data, LinkType linkType, Timestamp timestamp, int originalLength, int interfaceIndex)
    {
        Data = data;
        LinkType = linkType;
        Timestamp = timestamp;
        OriginalLength = originalLength;
        InterfaceIndex = interfaceIndex;
    }

    /// <summary>Captured bytes (at most the snapshot length).</summary>
    public ReadOnlySpan<byte> Data { get; }

    public LinkType LinkType { get; }

    /// <summary>Kernel receive time, nanoseconds since the Unix epoch.</summary>
    public Timestamp Timestamp { get; }

    /// <summary>Length on the wire; larger than <c>Data.Length</c> when the snapshot length cut the frame.</summary>
    public int OriginalLength { get; }

    /// <summary>Position of the interface in <see cref="LiveCaptureOptions.Interfaces"/>.</summary>
    public int InterfaceIndex { get; }
}
