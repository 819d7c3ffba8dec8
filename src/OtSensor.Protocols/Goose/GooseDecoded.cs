namespace OtSensor.Protocols.Goose;

/// <summary>
/// The decoded fields of one GOOSE frame, strings as spans into the frame. Filled by <see cref="GooseParser"/>,
/// completed by <see cref="GooseSession"/> (sequence anomalies, state change), wrapped by <see cref="GooseMessage"/>.
/// </summary>
internal ref struct GooseDecoded
{
    public ushort AppId;
    public ushort LengthField;
    public ushort Reserved1;
    public ushort Reserved2;
    public GooseFieldPresence Present;
    public GooseAnomalies Anomalies;
    public ReadOnlySpan<byte> GocbRef;
    public ReadOnlySpan<byte> DatSet;
    public ReadOnlySpan<byte> GoId;
    public ReadOnlySpan<byte> AllData;
    public ReadOnlySpan<byte> Security;
    public uint TimeAllowedToLive;
    public uint TimeSeconds;
    public uint TimeFraction;
    public byte TimeQuality;
    public uint StNum;
    public uint SqNum;
    public bool Test;
    public uint ConfRev;
    public bool NdsCom;
    public uint NumDatSetEntries;
    public int Entries;
    public bool StateChange;

    public readonly bool Has(GooseFieldPresence field) => (Present & field) == field;
}
