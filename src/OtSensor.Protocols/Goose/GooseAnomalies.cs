namespace OtSensor.Protocols.Goose;

/// <summary>What was wrong with one GOOSE APDU, or with its place in its publisher's sequence. The message is still emitted.</summary>
/// <remarks>
/// Bit names are stable: they are written to <c>events.jsonl</c> through <see cref="GooseNames.Anomaly"/>. Bits 0–19 are
/// set by <see cref="GooseParser"/> from the frame alone, bits 20 and up by <see cref="GooseSession"/> from the publisher's
/// previous stNum/sqNum (IEC 61850-7-2 GOOSE message StNum and SqNum; IEC 61850-8-1 §18.1).
/// </remarks>
[Flags]
public enum GooseAnomalies : ulong
{
    None = 0,

    /// <summary>Header Length below 8 (it counts from the APPID, IEC 61850-8-1 Annex C.2.3.2).</summary>
    InvalidLength = 1UL << 0,

    /// <summary>Header Length larger than the captured frame: the frame was cut or the length lies.</summary>
    LengthExceedsFrame = 1UL << 1,

    /// <summary>The APDU does not start with the goosePdu tag 0x61 (e.g. a GSE management PDU on the GOOSE EtherType).</summary>
    UnknownPduTag = 1UL << 2,

    /// <summary>BER element truncated, lying length, long-form length over 4 octets or high tag number.</summary>
    MalformedBer = 1UL << 3,

    /// <summary>An indefinite length (X.690 §8.1.3.6), not allowed in GOOSE.</summary>
    IndefiniteLength = 1UL << 4,

    /// <summary>The goosePdu length runs past the header Length or the frame; the fields present were decoded.</summary>
    TruncatedPdu = 1UL << 5,

    /// <summary>Bytes after the goosePdu inside the header Length.</summary>
    TrailingBytes = 1UL << 6,

    /// <summary>A mandatory field (gocbRef, timeAllowedToLive, datSet, t, stNum, sqNum, confRev, numDatSetEntries, allData) is absent.</summary>
    MissingField = 1UL << 7,

    /// <summary>A field tag appears twice; the first value is kept.</summary>
    DuplicateField = 1UL << 8,

    /// <summary>Field tags not in the ascending SEQUENCE order of IECGoosePdu.</summary>
    FieldOutOfOrder = 1UL << 9,

    /// <summary>A field that IECGoosePdu does not define (not context-specific, or tag above 12).</summary>
    UnknownField = 1UL << 10,

    /// <summary>INTEGER field empty, constructed, wider than 32 bits or negative.</summary>
    InvalidInteger = 1UL << 11,

    /// <summary>BOOLEAN field not one primitive octet.</summary>
    InvalidBoolean = 1UL << 12,

    /// <summary>t is not an 8-octet primitive UtcTime.</summary>
    InvalidUtcTime = 1UL << 13,

    /// <summary>VisibleString field constructed, or with octets outside 0x20–0x7E.</summary>
    InvalidString = 1UL << 14,

    /// <summary>VisibleString field over 129 octets (IEC 61850-7-2 Ed.2 ObjectReference bound).</summary>
    StringTooLong = 1UL << 15,

    /// <summary>allData is primitive, or its Data elements do not parse as BER.</summary>
    InvalidAllData = 1UL << 16,

    /// <summary>numDatSetEntries disagrees with the number of Data elements in allData.</summary>
    EntryCountMismatch = 1UL << 17,

    /// <summary>APPID outside the GOOSE ranges 0x0000–0x3FFF and 0x8000–0xBFFF (0x4000–0x7FFF belongs to Sampled Values).</summary>
    AppIdOutOfRange = 1UL << 18,

    /// <summary>Same stNum, sqNum more than one above the previous: frames were lost (or not captured).</summary>
    SequenceGap = 1UL << 20,

    /// <summary>Same stNum and sqNum as the previous frame of this publisher: a duplicate or a replay.</summary>
    SequenceDuplicate = 1UL << 21,

    /// <summary>Same stNum, sqNum below the previous and not a restart at 0/1: out of order or replayed.</summary>
    SequenceRegressed = 1UL << 22,

    /// <summary>The publisher restarted: sqNum back to 0/1 with the same stNum, or stNum back to 0/1.</summary>
    SequenceReset = 1UL << 23,

    /// <summary>stNum more than one above the previous: state changes were missed.</summary>
    StateNumberGap = 1UL << 24,

    /// <summary>stNum below the previous and not a restart at 0/1: an old state replayed or a second publisher.</summary>
    StateNumberRegressed = 1UL << 25,

    /// <summary>A new stNum whose sqNum is not 0 or 1: the first transmission after the change was missed, or forged.</summary>
    SequenceNotRestarted = 1UL << 26,

    /// <summary>confRev differs from the previous frame of this publisher: the data set configuration changed.</summary>
    ConfigurationRevisionChanged = 1UL << 27,
}
