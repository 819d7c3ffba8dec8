namespace OtSensor.Protocols.Ads;

/// <summary>Sizes, codes and ports of Beckhoff ADS/AMS (Beckhoff Information System, "ADS specification": AMS/TCP header, AMS header, ADS commands).</summary>
public static class AdsConstants
{
    /// <summary>AMS/TCP port.</summary>
    public const ushort DefaultTcpPort = 48898;

    /// <summary>UDP port of AMS/UDP and of the TwinCAT discovery/route service.</summary>
    public const ushort DefaultUdpPort = 48899;

    /// <summary>AMS/TCP header: Reserved(2) Length(4 LE).</summary>
    public const int TcpHeaderLength = 6;

    /// <summary>AMS header: TargetNetId(6) TargetPort(2) SourceNetId(6) SourcePort(2) CommandId(2) StateFlags(2) DataLength(4) ErrorCode(4) InvokeId(4).</summary>
    public const int AmsHeaderLength = 32;

    /// <summary>Bound on an AMS packet: the engine keeps at most 256 KiB of unconsumed stream, so a longer one cannot be framed anyway.</summary>
    public const int MaxAmsLength = 256 * 1024 - TcpHeaderLength;

    public const ushort StateResponse = 0x0001;
    public const ushort StateNoReturn = 0x0002;
    public const ushort StateAdsCommand = 0x0004;
    public const ushort StateSystemCommand = 0x0008;
    public const ushort StateUdp = 0x0040;

    public const ushort ReadDeviceInfo = 1;
    public const ushort Read = 2;
    public const ushort Write = 3;
    public const ushort ReadState = 4;
    public const ushort WriteControl = 5;
    public const ushort AddNotification = 6;
    public const ushort DeleteNotification = 7;
    public const ushort Notification = 8;
    public const ushort ReadWrite = 9;

    /// <summary>Read Device Info response: Result(4) Major(1) Minor(1) Build(2 LE) DeviceName(16).</summary>
    public const int DeviceInfoLength = 24;

    public const int DeviceNameLength = 16;

    /// <summary>Discovery datagrams start with 03 66 14 71 (0x71146603 little-endian).</summary>
    public const uint DiscoveryMagic = 0x71146603;

    /// <summary>Magic(4) InvokeId(4) Service(4) AmsNetId(6) AmsPort(2) TagCount(4).</summary>
    public const int DiscoveryHeaderLength = 24;

    public const uint DiscoveryResponseBit = 0x80000000;

    /// <summary>Discovery tag carrying the host name (zero-terminated).</summary>
    public const ushort TagHostName = 5;

    /// <summary>Discovery tag carrying a route password: never written to the log.</summary>
    public const ushort TagPassword = 2;

    public const int MaxResyncBytes = 4096;
}
