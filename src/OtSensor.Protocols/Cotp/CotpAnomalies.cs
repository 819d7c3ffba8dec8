namespace OtSensor.Protocols.Cotp;

/// <summary>What was wrong with a TPKT packet or COTP TPDU. Reported as stream anomalies (COTP carries no PDUs of its own).</summary>
[Flags]
public enum CotpAnomalies : ulong
{
    None = 0,

    /// <summary>TPKT version byte not 3 (RFC 1006 §6).</summary>
    TpktInvalidVersion = 1UL << 0,

    /// <summary>TPKT length field below 7 (RFC 1006 §6).</summary>
    TpktInvalidLength = 1UL << 1,

    /// <summary>TPKT reserved byte not 0.</summary>
    TpktReservedNonZero = 1UL << 2,

    /// <summary>LI is 255 (reserved) or points past the TPKT packet.</summary>
    InvalidLengthIndicator = 1UL << 3,

    /// <summary>TPDU code not defined by X.224 table 8.</summary>
    UnknownTpduType = 1UL << 4,

    /// <summary>Header shorter than its TPDU type's fixed part.</summary>
    TruncatedHeader = 1UL << 5,

    /// <summary>A variable-part parameter's length runs past the header.</summary>
    TruncatedParameter = 1UL << 6,

    /// <summary>TPDU size code outside 0x07..0x0D.</summary>
    InvalidTpduSize = 1UL << 7,

    /// <summary>TSAP longer than <see cref="CotpConstants.MaxTsapLength"/>.</summary>
    OversizedTsap = 1UL << 8,

    /// <summary>Reassembled TSDU exceeded the session bound; the TSDU was dropped.</summary>
    ReassemblyOverflow = 1UL << 9,

    /// <summary>User data in a TPDU that may not carry it in class 0 (CC, DC, AK, ER...).</summary>
    UnexpectedUserData = 1UL << 10,

    /// <summary>A complete TSDU none of the registered payload decoders accepts.</summary>
    UnrecognizedPayload = 1UL << 11,

    /// <summary>Garbage between TPKT packets; the session skipped to the next valid header.</summary>
    Resynchronized = 1UL << 12,

    /// <summary>More than <see cref="CotpConstants.MaxResyncBytes"/> without a TPKT header: not ISO-on-TCP.</summary>
    NotTpkt = 1UL << 13,
}
