namespace OtSensor.Protocols.S7CommPlus;

/// <summary>What was wrong with one S7comm-plus frame (names in <see cref="S7CommPlusNames"/>).</summary>
[Flags]
public enum S7CommPlusAnomalies : ulong
{
    None = 0,

    /// <summary>Fewer than the 4 header bytes, or no opcode.</summary>
    TruncatedHeader = 1UL << 0,

    /// <summary>Protocol version not 1, 2, 3 or 0xFE.</summary>
    UnknownVersion = 1UL << 1,

    /// <summary>Data length points past the TSDU.</summary>
    LengthOverrun = 1UL << 2,

    /// <summary>Opcode not request, response, response2 or notification.</summary>
    UnknownOpcode = 1UL << 3,

    /// <summary>Request or response too short for its function code and sequence number.</summary>
    TruncatedBody = 1UL << 4,

    /// <summary>Function code not in the known table.</summary>
    UnknownFunction = 1UL << 5,

    /// <summary>Bytes after the data that are not the 0x72 trailer.</summary>
    InvalidTrailer = 1UL << 6,
}
