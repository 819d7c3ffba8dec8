namespace OtSensor.Protocols.Fins;

/// <summary>Sizes, codes and ports of Omron FINS (FINS Commands Reference Manual W227/W342; FINS/TCP: CS/CJ Ethernet Unit manual W421).</summary>
public static class FinsConstants
{
    /// <summary>FINS/UDP and FINS/TCP port.</summary>
    public const ushort DefaultPort = 9600;

    /// <summary>ICF RSV GCT DNA DA1 DA2 SNA SA1 SA2 SID.</summary>
    public const int HeaderLength = 10;

    /// <summary>Header and the command code MRC SRC.</summary>
    public const int MinFrameLength = HeaderLength + 2;

    /// <summary>ICF bit 7: always 1 (use of a gateway).</summary>
    public const byte IcfGateway = 0x80;

    /// <summary>ICF bit 6: 1 for a response.</summary>
    public const byte IcfResponse = 0x40;

    /// <summary>ICF bit 0: 1 when no response is required.</summary>
    public const byte IcfNoResponse = 0x01;

    /// <summary>FINS/TCP header: "FINS"(4) Length(4, bytes after it) Command(4) ErrorCode(4).</summary>
    public const int TcpHeaderLength = 16;

    /// <summary>FINS/TCP "FINS" magic, big-endian.</summary>
    public const uint TcpMagic = 0x46494E53;

    public const uint TcpNodeAddressClient = 0;
    public const uint TcpNodeAddressServer = 1;
    public const uint TcpFrameSend = 2;
    public const uint TcpFrameSendError = 3;
    public const uint TcpConnectionConfirmation = 6;

    /// <summary>Bound on a FINS/TCP length: FINS frames are at most 2012 bytes (W342: 2000 data bytes).</summary>
    public const int MaxTcpLength = 8 + 2048;

    /// <summary>Controller Data Read (05 01) response: model (20) and version (20) after the end code.</summary>
    public const int ControllerFieldLength = 20;

    public const int MaxResyncBytes = 4096;
}
