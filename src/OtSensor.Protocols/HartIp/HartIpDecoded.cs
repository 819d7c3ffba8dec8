namespace OtSensor.Protocols.HartIp;

/// <summary>Decoded fields of one HART-IP message (plain values; the message keeps the frame beside them).</summary>
internal struct HartIpDecoded
{
    public byte Version;
    public byte MessageType;
    public byte MessageId;
    public byte Status;
    public ushort Sequence;
    public ushort ByteCount;
    public HartIpAnomalies Anomalies;

    // Session Initiate
    public bool HasSession;
    public byte MasterType;
    public uint InactivityTimer;

    // HART frame (token-passing PDU) or first command of a Direct PDU
    public bool HasPdu;
    public byte Delimiter;
    public int AddressOffset;
    public int AddressLength;
    public int Command;
    public int HartByteCount;
    public bool HasStatus;
    public byte ResponseCode;
    public byte DeviceStatus;
    public int DataOffset;
    public int DataLength;
    public int CommandCount;
    public int ExtendedCommand;
    public bool IsDirect;
    public bool HasResponseCode;
    public byte ExtendedStatus;
}
