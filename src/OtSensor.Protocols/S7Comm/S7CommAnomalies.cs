namespace OtSensor.Protocols.S7Comm;

/// <summary>What was wrong with one S7comm PDU (bit positions are stable: names in <see cref="S7CommNames"/>).</summary>
[Flags]
public enum S7CommAnomalies : ulong
{
    None = 0,

    /// <summary>Fewer bytes than the 10/12-byte header of the ROSCTR.</summary>
    TruncatedHeader = 1UL << 0,

    /// <summary>ROSCTR not 1, 2, 3 or 7.</summary>
    UnknownRosctr = 1UL << 1,

    /// <summary>Parameter or data length points past the PDU.</summary>
    LengthOverrun = 1UL << 2,

    /// <summary>Bytes after header + parameters + data.</summary>
    TrailingBytes = 1UL << 3,

    /// <summary>Parameter part shorter than its function needs.</summary>
    TruncatedParameter = 1UL << 4,

    /// <summary>Function code not defined for Job/Ack-Data.</summary>
    UnknownFunction = 1UL << 5,

    /// <summary>Read/write var item specification malformed or fewer items than the count states.</summary>
    MalformedItem = 1UL << 6,

    /// <summary>Userdata parameter head not 00 01 12 or parameter length not 4/8.</summary>
    InvalidUserdataHead = 1UL << 7,

    /// <summary>Userdata function group not defined.</summary>
    UnknownUserdataGroup = 1UL << 8,

    /// <summary>Data part shorter than its data header or the length that header states.</summary>
    TruncatedData = 1UL << 9,

    /// <summary>SZL response whose records run past the data.</summary>
    TruncatedSzl = 1UL << 10,

    /// <summary>An Ack (no data) carrying parameters or data.</summary>
    UnexpectedPayload = 1UL << 11,

    /// <summary>Item count 0 or above the 20-item limit of S7 read/write var.</summary>
    InvalidItemCount = 1UL << 12,

    /// <summary>A PI service or file name length runs past the parameters.</summary>
    TruncatedName = 1UL << 13,
    /// <summary>A userdata data unit continuing an answer (data unit reference set, last data unit) whose earlier units were never seen.</summary>
    UserdataFragmentWithoutStart = 1UL << 14,
    /// <summary>A fragmented userdata answer grew past <see cref="S7CommConstants.MaxUserdataReassemblyBytes"/>: not reassembled.</summary>
    UserdataReassemblyTooLarge = 1UL << 15,
    /// <summary>An unfinished userdata reassembly was dropped to make room for this one (more than <see cref="S7CommConstants.MaxUserdataReassemblies"/> at once).</summary>
    UserdataReassemblyAbandoned = 1UL << 16,
}
