namespace OtSensor.Protocols.Mms;

/// <summary>Per-PDU anomaly bits of an MMS PDU and the ISO session/presentation/ACSE layers carrying it.</summary>
[Flags]
public enum MmsAnomalies : ulong
{
    None = 0,
    /// <summary>ISO 8327 SPDU header or parameter length past the TSDU.</summary>
    MalformedSession = 1UL << 0,
    /// <summary>ISO 8823 presentation PDU (CP/CPA/fully-encoded-data/PDV list) not as specified.</summary>
    MalformedPresentation = 1UL << 1,
    /// <summary>ISO 8650 AARQ/AARE user-information not as specified.</summary>
    MalformedAcse = 1UL << 2,
    /// <summary>BER element truncated, lying length, oversized tag or nesting deeper than 32.</summary>
    MalformedBer = 1UL << 3,
    /// <summary>An indefinite length (X.690 §8.1.3.6), rejected by the reader.</summary>
    IndefiniteLength = 1UL << 4,
    /// <summary>Outer MMS tag is not one of the MMSpdu alternatives 0–13.</summary>
    UnknownPduType = 1UL << 5,
    /// <summary>Confirmed request/response without an invokeID INTEGER.</summary>
    MissingInvokeId = 1UL << 6,
    /// <summary>Confirmed request/response whose service element is absent or not a context tag.</summary>
    MissingService = 1UL << 7,
    /// <summary>Service number outside the ISO 9506-2 confirmed service table (0–77).</summary>
    UnknownService = 1UL << 8,
    /// <summary>Bytes after the MMS PDU inside its enclosing element.</summary>
    TrailingBytes = 1UL << 9,
}
