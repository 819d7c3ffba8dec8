namespace OtSensor.Protocols.SampledValues;

/// <summary>What was wrong with one savPdu. Several bits can be set; the message is still emitted.</summary>
/// <remarks>Bit names are stable: they are written to <c>events.jsonl</c> through <see cref="SampledValuesNames.Anomaly"/>.</remarks>
[Flags]
public enum SampledValuesAnomalies : ulong
{
    None = 0,

    /// <summary>Header Length below 8 (it counts from the APPID).</summary>
    InvalidLength = 1UL << 0,

    /// <summary>Header Length larger than the captured frame.</summary>
    LengthExceedsFrame = 1UL << 1,

    /// <summary>The APDU does not start with the savPdu tag 0x60.</summary>
    UnknownPduTag = 1UL << 2,

    /// <summary>BER element truncated, lying length, long-form length over 4 octets or high tag number.</summary>
    MalformedBer = 1UL << 3,

    /// <summary>An indefinite length (X.690 §8.1.3.6).</summary>
    IndefiniteLength = 1UL << 4,

    /// <summary>The savPdu length runs past the header Length or the frame; the fields present were decoded.</summary>
    TruncatedPdu = 1UL << 5,

    /// <summary>Bytes after the savPdu inside the header Length.</summary>
    TrailingBytes = 1UL << 6,

    /// <summary>noASDU or seqASDU absent, or the first ASDU lacks svID, smpCnt, confRev, smpSynch or sample.</summary>
    MissingField = 1UL << 7,

    /// <summary>A savPdu or ASDU element that IEC 61850-9-2 does not define.</summary>
    UnknownField = 1UL << 8,

    /// <summary>A field of the wrong size or form: noASDU not a 1–2 octet INTEGER, smpCnt ≠ 2, confRev ≠ 4, smpSynch ≠ 1, smpRate ≠ 2, refrTm ≠ 8 octets.</summary>
    InvalidField = 1UL << 9,

    /// <summary>svID or datSet constructed, over 129 octets, or with octets outside 0x20–0x7E.</summary>
    InvalidString = 1UL << 10,

    /// <summary>noASDU disagrees with the number of ASDUs in seqASDU.</summary>
    AsduCountMismatch = 1UL << 11,

    /// <summary>An element of seqASDU is not a constructed SEQUENCE (0x30).</summary>
    InvalidAsdu = 1UL << 12,

    /// <summary>APPID outside 0x4000–0x7FFF.</summary>
    AppIdOutOfRange = 1UL << 13,
}
