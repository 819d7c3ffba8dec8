namespace OtSensor.Protocols.Goose;

/// <summary>Which IECGoosePdu fields a frame carried; bit n is context tag [n] (IEC 61850-8-1 Annex A).</summary>
[Flags]
public enum GooseFieldPresence : ushort
{
    None = 0,
    GocbRef = 1 << 0,
    TimeAllowedToLive = 1 << 1,
    DatSet = 1 << 2,
    GoId = 1 << 3,
    Time = 1 << 4,
    StNum = 1 << 5,
    SqNum = 1 << 6,
    Test = 1 << 7,
    ConfRev = 1 << 8,
    NdsCom = 1 << 9,
    NumDatSetEntries = 1 << 10,
    AllData = 1 << 11,
    Security = 1 << 12,

    /// <summary>The fields without OPTIONAL or DEFAULT in IECGoosePdu.</summary>
    Mandatory = GocbRef | TimeAllowedToLive | DatSet | Time | StNum | SqNum | ConfRev | NumDatSetEntries | AllData,
}
