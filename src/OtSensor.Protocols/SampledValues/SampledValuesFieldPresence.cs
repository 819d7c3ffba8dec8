namespace OtSensor.Protocols.SampledValues;

/// <summary>Which savPdu fields, and which fields of the first ASDU, a frame carried with a valid encoding.</summary>
[Flags]
public enum SampledValuesFieldPresence : ushort
{
    None = 0,
    NoAsdu = 1 << 0,
    SeqAsdu = 1 << 1,
    SvId = 1 << 2,
    DatSet = 1 << 3,
    SmpCnt = 1 << 4,
    ConfRev = 1 << 5,
    RefrTm = 1 << 6,
    SmpSynch = 1 << 7,
    SmpRate = 1 << 8,
    Sample = 1 << 9,

    /// <summary>The ASDU fields without OPTIONAL in IEC 61850-9-2.</summary>
    MandatoryAsdu = SvId | SmpCnt | ConfRev | SmpSynch | Sample,
}
