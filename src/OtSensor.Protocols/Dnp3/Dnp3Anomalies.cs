namespace OtSensor.Protocols.Dnp3;

/// <summary>What was wrong with one application fragment. Several bits can be set; the fragment is still emitted.</summary>
/// <remarks>
/// Bit names are stable: they are written to <c>events.jsonl</c> through <see cref="Dnp3Names.Anomaly"/>.
/// Cf. Suricata <c>DNP3_DECODER_EVENT_*</c>. Problems that lose a whole fragment (header CRC, transport
/// sequence, reassembly bound) are stream anomalies instead, see <see cref="Dnp3Fields"/>.
/// </remarks>
[Flags]
public enum Dnp3Anomalies : ulong
{
    None = 0,

    /// <summary>A user data block CRC of one of the fragment's link frames did not match (§9.2.4.1.3.6); the data was kept.</summary>
    DataCrcError = 1UL << 0,

    /// <summary>Fragment shorter than its application header (2 octets, 4 for responses with IIN).</summary>
    FragmentTooShort = 1UL << 1,

    /// <summary>Function code not defined in Table 4-2.</summary>
    UnknownFunction = 1UL << 2,

    /// <summary>Qualifier with bit 7 set, object prefix code 7 or a reserved range specifier (§4.2.2.7.3).</summary>
    ReservedQualifier = 1UL << 3,

    /// <summary>An object header or its range field is cut by the end of the fragment.</summary>
    ObjectHeaderTruncated = 1UL << 4,

    /// <summary>The objects a header announces do not fit in the rest of the fragment.</summary>
    ObjectDataTruncated = 1UL << 5,

    /// <summary>Range stop index below start index.</summary>
    InvalidRange = 1UL << 6,

    /// <summary>More object headers than <see cref="Dnp3Constants.MaxObjects"/>; the rest was not walked.</summary>
    TooManyObjects = 1UL << 7,

    /// <summary>More points than <see cref="Dnp3Constants.MaxPoints"/>; the rest was not walked.</summary>
    TooManyPoints = 1UL << 8,

    /// <summary>An object whose size is not known (group/variation not in the tables); the rest was not walked.</summary>
    UnknownObject = 1UL << 9,

    /// <summary>A response function code sent from a master (DIR = 1), or a request from an outstation (DIR = 0).</summary>
    DirectionMismatch = 1UL << 10,

    /// <summary>UNS bit disagrees with the function: an unsolicited response without it, or a solicited response with it.</summary>
    UnsolicitedBitMismatch = 1UL << 11,

    /// <summary>A request spread over several application fragments (FIR and FIN must both be set, §4.2.2.1).</summary>
    MultiFragmentRequest = 1UL << 12,

    /// <summary>Reserved IIN2.6 or IIN2.7 set (§4.2.2.6).</summary>
    ReservedIinBits = 1UL << 13,

    /// <summary>CROB operation type above 4 or trip-close code 3 (§A.13, g12v1).</summary>
    InvalidControlCode = 1UL << 14,

    /// <summary>A count or size prefix qualifier (0x0B range) used without a size prefix, or a size prefix that lies.</summary>
    InvalidObjectPrefix = 1UL << 15,

    /// <summary>Link frame carrying user data is not a primary user data function (§9.2.4.1.3.3).</summary>
    ReservedLinkFunction = 1UL << 16,
}
