namespace OtSensor.Protocols.Melsec;

/// <summary>Decoded fields of one MC protocol frame.</summary>
internal struct MelsecDecoded
{
    public MelsecAnomalies Anomalies;
    public bool Is4E;
    public bool IsResponse;
    public ushort Serial;
    public byte Network;
    public byte Pc;
    public ushort ModuleIo;
    public byte Station;
    public ushort DataLength;
    public ushort MonitoringTimer;
    public int Command;
    public ushort Subcommand;
    public bool HasEndCode;
    public ushort EndCode;
    public int PayloadOffset;
    public int PayloadLength;
}
