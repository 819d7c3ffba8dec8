namespace OtSensor.Protocols.Bacnet;

/// <summary>What was wrong with one BVLC message or APDU. Several bits can be set; the record is still emitted.</summary>
/// <remarks>Bit names are stable: they are written to <c>events.jsonl</c> through <see cref="BacnetNames.Anomaly"/>.</remarks>
[Flags]
public enum BacnetAnomalies : ulong
{
    None = 0,

    /// <summary>The BVLC length field differs from the datagram length (Annex J.2: it counts the whole BVLL message).</summary>
    BvlcLengthMismatch = 1UL << 0,

    /// <summary>BVLC function above 0x0C (Annex J.2).</summary>
    BvlcUnknownFunction = 1UL << 1,

    /// <summary>The BVLC payload does not have the size its function fixes (result 2 octets, TTL 2, table rows of 10).</summary>
    BvlcBadPayloadLength = 1UL << 2,

    /// <summary>NPDU protocol version other than 1 (§6.2.1).</summary>
    NpduBadVersion = 1UL << 3,

    /// <summary>Reserved NPCI control bits 6 or 4 set (§6.2.2).</summary>
    NpduReservedBits = 1UL << 4,

    /// <summary>NPCI cut by the end of the datagram (addresses, hop count or message type missing).</summary>
    NpduTruncated = 1UL << 5,

    /// <summary>SLEN 0 (§6.2.2: a source MAC cannot be broadcast) or a DNET/SNET of 0xFFFF as source.</summary>
    NpduBadAddress = 1UL << 6,

    /// <summary>APDU shorter than its fixed header for its type (§20.1).</summary>
    ApduTruncated = 1UL << 7,

    /// <summary>APDU type 8–15 (reserved, §20.1.1).</summary>
    ApduUnknownType = 1UL << 8,

    /// <summary>Service choice not defined in §21 for the PDU type.</summary>
    UnknownService = 1UL << 9,

    /// <summary>A tag whose length runs past the data, an application tag with LVT 6/7, or a closing tag without opening (§20.2.1).</summary>
    TagMalformed = 1UL << 10,

    /// <summary>Opening tags nested deeper than <see cref="BacnetConstants.MaxTagDepth"/>, or more tags than <see cref="BacnetConstants.MaxTags"/>.</summary>
    TagLimitExceeded = 1UL << 11,

    /// <summary>A service's mandatory parameters missing or of the wrong tag (e.g. I-Am without its four application tags).</summary>
    ServiceMalformed = 1UL << 12,

    /// <summary>Segmentation flags on an APDU type that cannot be segmented (unconfirmed, or SEG on simple ACK), §20.1.</summary>
    BadSegmentation = 1UL << 13,

    /// <summary>A Who-Is or Who-Has with only one of the two range limits, or low above high (§16.10.1.1).</summary>
    BadRange = 1UL << 14,
}
