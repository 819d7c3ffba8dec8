namespace OtSensor.Protocols.Ads;

/// <summary>Decoded fields of one AMS packet or discovery datagram (the message keeps the bytes beside them).</summary>
internal struct AdsDecoded
{
    public AdsAnomalies Anomalies;

    // AMS/TCP and AMS header
    public bool HasTcpHeader;
    public ushort Reserved;
    public uint TcpLength;
    public int AmsOffset;
    public ushort TargetPort;
    public ushort SourcePort;
    public ushort CommandId;
    public ushort StateFlags;
    public uint DataLength;
    public uint ErrorCode;
    public uint InvokeId;

    // ADS command data
    public bool HasResult;
    public uint Result;
    public bool HasIndex;
    public uint IndexGroup;
    public uint IndexOffset;
    public bool HasLength;
    public uint Length;
    public bool HasWriteLength;
    public uint WriteLength;
    public bool HasState;
    public ushort AdsState;
    public ushort DeviceState;
    public bool HasHandle;
    public uint Handle;
    public bool HasDeviceInfo;
    public byte Major;
    public byte Minor;
    public ushort Build;
    public int DeviceNameOffset;

    // Discovery
    public bool IsDiscovery;
    public uint Service;
    public ushort DiscoveryPort;
    public uint TagCount;
    public int NetIdOffset;
    public int HostNameOffset;
    public int HostNameLength;
}
