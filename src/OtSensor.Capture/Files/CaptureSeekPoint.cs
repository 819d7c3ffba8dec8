using OtSensor.Core.Time;

namespace OtSensor.Capture.Files;

/// <summary>
/// A place in a capture file where reading can resume: the next block or record starts at byte <see cref="Offset"/>,
/// the next frame is number <see cref="FrameNumber"/>, <see cref="LayoutVersion"/> section and interface blocks lie
/// before it, and the last frame before it was stamped <see cref="PreviousTimestamp"/> (what a pcapng Simple Packet
/// Block, which carries no time, inherits).
/// </summary>
public readonly record struct CaptureSeekPoint(long FrameNumber, long Offset, int LayoutVersion, Timestamp PreviousTimestamp);
