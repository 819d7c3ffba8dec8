namespace OtSensor.Protocols.Iec104;

/// <summary>What was wrong with one APDU. Several bits can be set; the message is still emitted.</summary>
/// <remarks>Bit names are stable: they are written to <c>events.jsonl</c> through <see cref="Iec104Names.Anomaly"/>.</remarks>
[Flags]
public enum Iec104Anomalies : ulong
{
    None = 0,

    /// <summary>An I-format APDU too short for the six-octet ASDU header (104 §5, 101 §7.1).</summary>
    AsduTooShort = 1UL << 0,

    /// <summary>An S- or U-format APDU whose length byte is not 4 (104 §5.2, §5.3).</summary>
    UnexpectedData = 1UL << 1,

    /// <summary>A U-format control octet with no function or more than one function bit (104 §5.3).</summary>
    InvalidUFunction = 1UL << 2,

    /// <summary>Control field bits that must be 0 are set (S octet 2, U octets 2–4, I/S receive LSB).</summary>
    ReservedBitsSet = 1UL << 3,

    /// <summary>Variable structure qualifier with a number of 0 (101 §7.2.2: 0 means no information object).</summary>
    ZeroObjects = 1UL << 4,

    /// <summary>The ASDU ends before the objects the qualifier declares: only complete objects are decoded.</summary>
    ObjectsTruncated = 1UL << 5,

    /// <summary>Octets remain after the declared objects.</summary>
    TrailingBytes = 1UL << 6,

    /// <summary>A type id that is neither standard nor in use (reserved or private range): the body is kept raw.</summary>
    UnknownTypeId = 1UL << 7,

    /// <summary>Cause of transmission 0 (101 §7.2.3: not used).</summary>
    CauseNotUsed = 1UL << 8,

    /// <summary>A reserved cause of transmission (14–19, 42, 43).</summary>
    ReservedCause = 1UL << 9,

    /// <summary>A monitor type sent by the controlling station, or a command activation by the controlled station (or its confirmation by the controlling one).</summary>
    UnexpectedDirection = 1UL << 10,

    /// <summary>N(S) of an I-format APDU is not the previous one plus 1 in the same direction (104 §5.1).</summary>
    SendSequenceGap = 1UL << 11,

    /// <summary>A CP56Time2a/CP24Time2a field outside its range (milliseconds &gt; 59999, minutes &gt; 59, hours &gt; 23, day 0, month 0 or &gt; 12).</summary>
    InvalidTime = 1UL << 12,

    /// <summary>Common address 0 (101 §7.2.4: not used).</summary>
    CommonAddressNotUsed = 1UL << 13,

    /// <summary>Sequence (SQ = 1) for a type id that only allows single objects (commands, system, file types).</summary>
    SequenceNotAllowed = 1UL << 14,
}
