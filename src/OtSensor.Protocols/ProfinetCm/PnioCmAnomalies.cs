namespace OtSensor.Protocols.ProfinetCm;

/// <summary>What was wrong with one PNIO-CM datagram or call. Several bits can be set; the record is still emitted.</summary>
[Flags]
public enum PnioCmAnomalies : ulong
{
    None = 0,

    /// <summary>Fewer than the 80 octets of the connectionless RPC header.</summary>
    HeaderTruncated = 1UL << 0,

    /// <summary>RPC version other than 4.</summary>
    BadVersion = 1UL << 1,

    /// <summary>Packet type above 10 (C706 §12.5.3.2).</summary>
    UnknownPacketType = 1UL << 2,

    /// <summary>The header's fragment length runs past the datagram.</summary>
    FragmentLengthBeyondDatagram = 1UL << 3,

    /// <summary>A request or response body shorter than its 20-octet NDR array header.</summary>
    BodyTruncated = 1UL << 4,

    /// <summary>NDR ActualCount beyond the body, Offset not 0, or ActualCount above MaximumCount/ArgsLength.</summary>
    ArgsLengthMismatch = 1UL << 5,

    /// <summary>A PNIO block whose BlockLength runs past the arguments, or a block too short for its fixed fields.</summary>
    BlockMalformed = 1UL << 6,

    /// <summary>An operation number outside 0–5 on a PNIO interface.</summary>
    UnknownOpnum = 1UL << 7,

    /// <summary>The last fragment of a call arrived without all earlier fragments: the body is not decoded.</summary>
    FragmentMissing = 1UL << 8,

    /// <summary>A fragmented call larger than <see cref="PnioCmConstants.MaxReassembledBody"/>: not reassembled.</summary>
    ReassemblyLimit = 1UL << 9,

    /// <summary>More than <see cref="PnioCmConstants.MaxBlocks"/> blocks: the rest is not walked.</summary>
    BlockLimitExceeded = 1UL << 10,

    /// <summary>An interface UUID that is neither PNIO nor the endpoint mapper.</summary>
    UnknownInterface = 1UL << 11,
}
