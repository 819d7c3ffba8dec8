namespace OtSensor.Protocols.ProfinetDcp;

/// <summary>Wire constants of PROFINET DCP (IEC 61158-6-10 §4.3, DCP PDUs carried in PROFINET RT frames).</summary>
public static class ProfinetDcpConstants
{
    /// <summary>ServiceID, ServiceType, Xid, ResponseDelay/Reserved, DCPDataLength.</summary>
    public const int HeaderLength = 10;

    /// <summary>Option, Suboption, DCPBlockLength.</summary>
    public const int BlockHeaderLength = 4;

    /// <summary>BlockInfo (responses, Hello) or BlockQualifier (Set requests) at the start of a block's value.</summary>
    public const int BlockPrefixLength = 2;

    /// <summary>Bound on the blocks decoded per PDU; an Ethernet frame holds at most ~370 empty blocks.</summary>
    public const int MaxBlocks = 64;

    public const byte ServiceTypeRequest = 0x00;
    public const byte ServiceTypeResponseSuccess = 0x01;

    /// <summary>ServiceType bit 2: response "service not supported".</summary>
    public const byte ServiceTypeNotSupported = 0x04;

    public const byte OptionIp = 1;
    public const byte OptionDeviceProperties = 2;
    public const byte OptionDhcp = 3;
    public const byte OptionControl = 5;
    public const byte OptionDeviceInitiative = 6;
    public const byte OptionAllSelector = 0xFF;

    public const byte IpMac = 1;
    public const byte IpParameter = 2;
    public const byte IpFullSuite = 3;

    public const byte DeviceVendor = 1;
    public const byte DeviceNameOfStation = 2;
    public const byte DeviceId = 3;
    public const byte DeviceRole = 4;
    public const byte DeviceOptions = 5;
    public const byte DeviceAliasName = 6;
    public const byte DeviceInstance = 7;
    public const byte DeviceOemId = 8;

    public const byte ControlStart = 1;
    public const byte ControlStop = 2;
    public const byte ControlSignal = 3;
    public const byte ControlResponse = 4;
    public const byte ControlFactoryReset = 5;
    public const byte ControlResetToFactory = 6;

    /// <summary>Longest NameOfStation (IEC 61158-6-10: 240 octets, DNS-compatible labels).</summary>
    public const int MaxNameLength = 240;
}
