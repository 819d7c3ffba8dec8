namespace OtSensor.Protocols.Cip;

/// <summary>Wire constants of CIP explicit messages (ODVA CIP Vol. 1, §2-4 message router, appendix A services, appendix C paths).</summary>
public static class CipConstants
{
    /// <summary>Bit 7 of the service code marks a reply (Vol. 1 §2-4.2).</summary>
    public const byte ResponseBit = 0x80;

    /// <summary>Request header: service, request path size in 16-bit words.</summary>
    public const int RequestHeaderLength = 2;

    /// <summary>Reply header: service, reserved, general status, additional status size in words.</summary>
    public const int ResponseHeaderLength = 4;

    /// <summary>Nesting bound for Multiple Service Packet and Unconnected Send inside each other.</summary>
    public const int MaxDepth = 4;

    /// <summary>Bound on the services one Multiple Service Packet may carry (each needs at least a 2-byte offset).</summary>
    public const int MaxEmbeddedServices = 512;

    public const byte GetAttributesAll = 0x01;
    public const byte SetAttributesAll = 0x02;
    public const byte GetAttributeList = 0x03;
    public const byte SetAttributeList = 0x04;
    public const byte Reset = 0x05;
    public const byte Start = 0x06;
    public const byte Stop = 0x07;
    public const byte Create = 0x08;
    public const byte Delete = 0x09;
    public const byte MultipleServicePacket = 0x0A;
    public const byte ApplyAttributes = 0x0D;
    public const byte GetAttributeSingle = 0x0E;
    public const byte SetAttributeSingle = 0x10;
    public const byte FindNextObjectInstance = 0x11;
    public const byte Restore = 0x15;
    public const byte Save = 0x16;
    public const byte GetMember = 0x18;
    public const byte SetMember = 0x19;

    // Object-specific service codes (0x4B–0x63) mean different things per class.
    public const byte ReadTag = 0x4C;
    public const byte WriteTag = 0x4D;
    public const byte ReadModifyWriteTag = 0x4E;
    public const byte ReadTagFragmented = 0x52;
    public const byte WriteTagFragmented = 0x53;
    public const byte ForwardClose = 0x4E;
    public const byte UnconnectedSend = 0x52;
    public const byte ForwardOpen = 0x54;
    public const byte LargeForwardOpen = 0x5B;
    public const byte ExecutePccc = 0x4B;

    public const int IdentityClass = 0x01;
    public const int MessageRouterClass = 0x02;
    public const int ConnectionManagerClass = 0x06;
    public const int FileClass = 0x37;
    public const int PcccClass = 0x67;
    public const int SymbolClass = 0x6B;

    /// <summary>Vendor-specific class the firmware-update tool of the EIP-FirmwareChangeFailure capture writes to.</summary>
    public const int FirmwareUpdateClass = 0xA1;

    /// <summary>
    /// Logix Wall Clock Time object (vendor-specific class 0x8B), the WallClockTime object of the GSV/SSV instructions
    /// (Rockwell 1756-RM003): instance 1 holds the controller's clock, attribute 6 the current time in microseconds
    /// since 1970 (class and attribute as open Logix clients set the controller time, e.g. pycomm3's set_plc_time).
    /// </summary>
    public const int WallClockTimeClass = 0x8B;

    /// <summary>Forward Open request fixed part before the connection path (Vol. 1 §3-5.5.2): 36 bytes, 40 for Large Forward Open.</summary>
    public const int ForwardOpenFixedLength = 36;
    public const int LargeForwardOpenFixedLength = 40;

    /// <summary>Forward Open reply fixed part (§3-5.5.2.2): connection ids, serial, vendor, originator serial, APIs, reply size, reserved.</summary>
    public const int ForwardOpenReplyLength = 26;
}
