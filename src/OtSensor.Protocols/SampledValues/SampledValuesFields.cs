namespace OtSensor.Protocols.SampledValues;

/// <summary>JSON keys <see cref="SampledValuesMessage.WriteDetails"/> writes; ASN.1 identifiers of IEC 61850-9-2.</summary>
public static class SampledValuesFields
{
    public const string AppId = "appId";
    public const string Length = "length";
    public const string Simulation = "simulation";
    public const string NoAsdu = "noASDU";
    public const string Asdus = "asdus";
    public const string SvId = "svID";
    public const string DatSet = "datSet";
    public const string SmpCnt = "smpCnt";
    public const string ConfRev = "confRev";
    public const string RefrTm = "refrTm";
    public const string SmpSynch = "smpSynch";
    public const string SmpRate = "smpRate";
    public const string SampleLength = "sampleLength";
}
