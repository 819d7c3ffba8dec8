using OtSensor.Core.Net;
using OtSensor.Core.Time;

namespace OtSensor.Capture.Files;

/// <summary>
/// One captured packet as handed out by <see cref="CaptureFileReader.TryReadNext"/>. The bytes are a
/// view into the reader's buffer: <see cref="Data"/> is valid only until the next read or dispose.
/// Copy it (once, into a pooled buffer) if it must live longer.
/// </summary>
public readonly ref struct CaptureFrame
{
    internal CaptureFrame(
        Timestamp timestamp,
        ushort rawLinkType,
        int interfaceIndex,
        int originalLength,
        ReadOnlySpan<byte> data,
        long frameNumber,
        long fileOffset)
    {
        Timestamp = timestamp;
        RawLinkType = rawLinkType;
        InterfaceIndex = interfaceIndex;
        OriginalLength = originalLength;
        Data = data;
        FrameNumber = frameNumber;
        FileOffset = fileOffset;
    }

    /// <summary>Capture time in nanoseconds since the Unix epoch (pcapng <c>if_tsoffset</c> already applied).</summary>
    public Timestamp Timestamp { get; }

    /// <summary>Link type of the frame, or <see cref="LinkType.Unknown"/> when the raw value is not one we decode.</summary>
    public LinkType LinkType => LinkTypes.FromRaw(RawLinkType);

    /// <summary>LINKTYPE_* value as written in the file (low 16 bits; pcap FCS bits removed).</summary>
    public ushort RawLinkType { get; }

    /// <summary>pcapng interface id within its section; always 0 for classic pcap.</summary>
    public int InterfaceIndex { get; }

    /// <summary>Length of the packet on the wire; may exceed <c>Data.Length</c> when the capture was truncated by a snapshot length.</summary>
    public int OriginalLength { get; }

    /// <summary>Captured bytes (may be empty). Valid until the next call on the reader.</summary>
    public ReadOnlySpan<byte> Data { get; }

    /// <summary>1-based position of the frame in its file (pcapng: across all sections and interfaces).</summary>
    public long FrameNumber { get; }

    /// <summary>File offset of the record header (pcap) or packet block (pcapng).</summary>
    public long FileOffset { get; }
}
