namespace OtSensor.Protocols.EtherCat;

/// <summary>What was wrong with one datagram or its frame. Several bits can be set; the record is still written.</summary>
/// <remarks>Names are stable: written to <c>events.jsonl</c> through <see cref="EtherCatNames.Anomaly"/>.</remarks>
[Flags]
public enum EtherCatAnomalies : ulong
{
    None = 0,

    /// <summary>Bit 11 of the frame header is set (reserved, ETG.1000.4 §5.3.1). Reported on the first datagram.</summary>
    ReservedFrameBit = 1UL << 0,

    /// <summary>The frame header's Length is larger than the bytes captured after it. Reported on the first datagram.</summary>
    FrameLengthExceedsPayload = 1UL << 1,

    /// <summary>The datagram chain (M bit clear) ends more than one byte before the frame header's Length.</summary>
    FrameLengthMismatch = 1UL << 2,

    /// <summary>Frame type other than 1 (datagrams), 4 (network variables) or 5 (mailbox gateway).</summary>
    UnknownFrameType = 1UL << 3,

    /// <summary>A DLPDU frame too short for even one 10-byte datagram header.</summary>
    TruncatedDatagramHeader = 1UL << 4,

    /// <summary>The datagram's data and working counter run past the frame (its Length or the captured bytes).</summary>
    DatagramExceedsFrame = 1UL << 5,

    /// <summary>The M (more datagrams follow) bit is set but no datagram header fits after this one.</summary>
    MoreWithoutDatagram = 1UL << 6,

    /// <summary>Reserved bits 11–13 of the datagram length field are set.</summary>
    ReservedLengthBits = 1UL << 7,

    /// <summary>Command above 14 (ETG.1000.4 §5.4).</summary>
    UnknownCommand = 1UL << 8,

    /// <summary>An AL control write requests a state other than INIT, PREOP, BOOT, SAFEOP or OP (ETG.1000.6 §6.4.1).</summary>
    InvalidAlState = 1UL << 9,

    /// <summary>The mailbox service is shorter than the header its type and service require.</summary>
    MailboxTruncated = 1UL << 10,

    /// <summary>CoE service 0 or above 8 (ETG.1000.6 §5.6.2.1 Table 32).</summary>
    UnknownCoeService = 1UL << 11,

    /// <summary>FoE opcode outside 1–6 (ETG.1000.6 §5.6.4).</summary>
    UnknownFoeOpcode = 1UL << 12,
}
