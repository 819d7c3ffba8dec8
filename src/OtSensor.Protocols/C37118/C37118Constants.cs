namespace OtSensor.Protocols.C37118;

/// <summary>Sizes, codes and ports of IEEE Std C37.118.2-2011 synchrophasor frames.</summary>
public static class C37118Constants
{
    /// <summary>TCP port of a PMU/PDC data stream (IANA-registered, C37.118.2-2011 default).</summary>
    public const ushort DefaultTcpPort = 4712;

    /// <summary>UDP port (IANA-registered); UDP streams on 4712 are common too (both public UDP captures use it).</summary>
    public const ushort DefaultUdpPort = 4713;

    public const byte Sync = 0xAA;

    /// <summary>SYNC(2) FRAMESIZE(2) IDCODE(2) SOC(4) FRACSEC(4).</summary>
    public const int HeaderLength = 14;

    public const int ChecksumLength = 2;

    /// <summary>The smallest frame: header and CHK.</summary>
    public const int MinFrameLength = HeaderLength + ChecksumLength;

    public const int FrameTypeData = 0;
    public const int FrameTypeHeader = 1;
    public const int FrameTypeConfig1 = 2;
    public const int FrameTypeConfig2 = 3;
    public const int FrameTypeCommand = 4;
    public const int FrameTypeConfig3 = 5;

    /// <summary>STN: station name, 16 ASCII bytes in configuration frames 1 and 2.</summary>
    public const int StationNameLength = 16;

    /// <summary>CHNAM entries are 16 bytes each; a digital word has 16 channel names.</summary>
    public const int ChannelNameLength = 16;

    /// <summary>Resync gives up after this many skipped bytes.</summary>
    public const int MaxResyncBytes = 65536;
}
