namespace OtSensor.Protocols.C37118;

/// <summary>Decoded fields of one synchrophasor frame (the message keeps the frame beside them).</summary>
internal struct C37118Decoded
{
    public int FrameType;
    public int Version;
    public ushort FrameSize;
    public ushort IdCode;
    public uint Soc;
    public byte TimeQuality;
    public uint FractionOfSecond;
    public ushort Checksum;
    public C37118Anomalies Anomalies;

    public bool HasCommand;
    public ushort Command;

    public bool HasConfig;
    public uint TimeBase;
    public int NumPmu;
    public int PmusParsed;
    public int StationOffset;
    public int StationLength;
    public ushort PmuIdCode;
    public bool HasDataRate;
    public short DataRate;
    public ushort ConfigChangeCount;
}
