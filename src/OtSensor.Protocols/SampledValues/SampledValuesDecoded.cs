namespace OtSensor.Protocols.SampledValues;

/// <summary>The decoded fields of one Sampled Values frame (first ASDU in detail), strings as spans into the frame.</summary>
internal ref struct SampledValuesDecoded
{
    public ushort AppId;
    public ushort LengthField;
    public ushort Reserved1;
    public ushort Reserved2;
    public SampledValuesFieldPresence Present;
    public SampledValuesAnomalies Anomalies;
    public uint NoAsdu;
    public int Asdus;
    public ReadOnlySpan<byte> SvId;
    public ReadOnlySpan<byte> DatSet;
    public ushort SmpCnt;
    public uint ConfRev;
    public uint RefrTmSeconds;
    public uint RefrTmFraction;
    public byte SmpSynch;
    public ushort SmpRate;
    public ReadOnlySpan<byte> Sample;

    public readonly bool Has(SampledValuesFieldPresence field) => (Present & field) == field;
}
