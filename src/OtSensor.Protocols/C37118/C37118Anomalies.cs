namespace OtSensor.Protocols.C37118;

/// <summary>What was wrong with one synchrophasor frame. Names come from <see cref="C37118Names.Anomaly"/>.</summary>
[Flags]
public enum C37118Anomalies : ulong
{
    None = 0,

    /// <summary>CHK is not the CRC-CCITT of the frame (C37.118.2-2011 CHK field).</summary>
    ChecksumMismatch = 1UL << 0,

    /// <summary>FRAMESIZE disagrees with the frame handed to the parser, or is below the 16-byte minimum.</summary>
    FrameSizeMismatch = 1UL << 1,

    /// <summary>Frame type 6 or 7 (reserved), or the reserved SYNC bit 7 set.</summary>
    ReservedFrameType = 1UL << 2,

    /// <summary>Version other than 1 (C37.118-2005) or 2 (C37.118.2-2011).</summary>
    UnknownVersion = 1UL << 3,

    /// <summary>The frame ends before the fields its type requires.</summary>
    FrameTooShort = 1UL << 4,

    /// <summary>Command word reserved: 0, 7, 9–255 or above 0x0FFF (C37.118.2-2011 command word table).</summary>
    UnknownCommand = 1UL << 5,

    /// <summary>Bytes remain between the last field of a configuration or command frame and CHK.</summary>
    TrailingBytes = 1UL << 6,

    /// <summary>A configuration frame with NUM_PMU 0.</summary>
    NoPmu = 1UL << 7,
}
