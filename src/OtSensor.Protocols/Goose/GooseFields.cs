namespace OtSensor.Protocols.Goose;

/// <summary>
/// JSON keys <see cref="GooseMessage.WriteDetails"/> writes (docs/event-log-contract.md requires <c>gocbRef</c>,
/// <c>stNum</c>, <c>sqNum</c>, <c>appId</c>). Names follow the IECGoosePdu ASN.1 identifiers of IEC 61850-8-1 Annex A.
/// </summary>
public static class GooseFields
{
    public const string AppId = "appId";
    public const string Length = "length";
    public const string Simulation = "simulation";
    public const string Reserved1 = "reserved1";
    public const string Reserved2 = "reserved2";
    public const string GocbRef = "gocbRef";
    public const string TimeAllowedToLive = "timeAllowedToLive";
    public const string DatSet = "datSet";
    public const string GoId = "goID";
    public const string Time = "t";
    public const string TimeQuality = "tQuality";
    public const string StNum = "stNum";
    public const string SqNum = "sqNum";
    public const string Test = "test";
    public const string ConfRev = "confRev";
    public const string NdsCom = "ndsCom";
    public const string NumDatSetEntries = "numDatSetEntries";
    public const string Entries = "entries";
    public const string Security = "security";
    public const string StateChange = "stateChange";
}
