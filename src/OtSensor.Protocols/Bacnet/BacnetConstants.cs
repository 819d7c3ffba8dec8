namespace OtSensor.Protocols.Bacnet;

/// <summary>Wire constants of BACnet/IP (ANSI/ASHRAE 135-2020 Annex J, clauses 6 and 20) and the parser's bounds.</summary>
public static class BacnetConstants
{
    /// <summary>UDP port 47808 (0xBAC0), Annex J.1.</summary>
    public const ushort DefaultPort = 0xBAC0;

    /// <summary>BVLC type octet of BACnet/IP (Annex J.2); 0x82 is BACnet/IPv6 (Annex U), not decoded.</summary>
    public const byte BvlcTypeIp = 0x81;
    /// <summary>ISO 8802-2 LLC service access point of BACnet over Ethernet (clause 7.1), used as DSAP and SSAP.</summary>
    public const byte LlcSap = 0x82;

    public const int BvlcHeaderLength = 4;

    /// <summary>Largest BVLC function code defined (0x0C Secure-BVLL, Annex J.2.0).</summary>
    public const byte MaxBvlcFunction = 0x0C;

    /// <summary>Protocol version octet of every NPDU (§6.2.1).</summary>
    public const byte NpduVersion = 0x01;

    // NPCI control octet (§6.2.2).
    public const byte NpduNetworkMessage = 0x80;
    public const byte NpduReservedBits = 0x50;
    public const byte NpduDnetPresent = 0x20;
    public const byte NpduSnetPresent = 0x08;
    public const byte NpduExpectingReply = 0x04;
    public const byte NpduPriorityMask = 0x03;

    // APDU first octet flags (§20.1.2).
    public const byte ApduSegmented = 0x08;
    public const byte ApduMoreFollows = 0x04;
    public const byte ApduSegmentedResponseAccepted = 0x02;
    public const byte ApduServer = 0x01;
    public const byte ApduNegativeAck = 0x02;

    /// <summary>Deepest opening-tag nesting the tag reader follows (§20.2.1.3.2); deeper is an anomaly.</summary>
    public const int MaxTagDepth = 16;

    /// <summary>Most tags walked in one APDU, so a flood of one-octet tags cannot cost more than this.</summary>
    public const int MaxTags = 4096;

    /// <summary>Most entries (properties, table rows) written to one record's details.</summary>
    public const int MaxDetailEntries = 32;

    /// <summary>Largest object instance number (22 bits, §20.2.14); 4194303 means "any" in Who-Is and ReadProperty.</summary>
    public const uint MaxInstance = 0x3FFFFF;

    /// <summary>Object type of the device object (§12.11).</summary>
    public const int DeviceObjectType = 8;

    // Property identifiers that identify a device (§21, BACnetPropertyIdentifier).
    public const uint PropApplicationSoftwareVersion = 12;
    public const uint PropFirmwareRevision = 44;
    public const uint PropModelName = 70;
    public const uint PropObjectName = 77;
    public const uint PropVendorName = 121;
}
