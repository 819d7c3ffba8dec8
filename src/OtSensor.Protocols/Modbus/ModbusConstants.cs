namespace OtSensor.Protocols.Modbus;

/// <summary>Sizes, offsets and bounds of Modbus/TCP.</summary>
/// <remarks>
/// MODBUS Messaging on TCP/IP Implementation Guide V1.0b §3.1.3 (MBAP header) and MODBUS Application
/// Protocol Specification V1.1b3 §4.1 (PDU at most 253 bytes, so an ADU is at most 260 bytes).
/// </remarks>
public static class ModbusConstants
{
    public const ushort DefaultPort = 502;

    /// <summary>Transaction id (2), protocol id (2), length (2), unit id (1).</summary>
    public const int MbapHeaderLength = 7;

    /// <summary>The MBAP length field counts the unit id and the PDU, so frame length = length + 6.</summary>
    public const int LengthFieldOffset = 4;
    public const int LengthFieldBase = 6;

    public const int MaxPduLength = 253;
    public const int MaxAduLength = MbapHeaderLength + MaxPduLength;

    /// <summary>Smallest valid length field: unit id plus function code.</summary>
    public const int MinLengthField = 2;

    /// <summary>Largest valid length field: unit id plus a 253-byte PDU.</summary>
    public const int MaxLengthField = 1 + MaxPduLength;

    /// <summary>MBAP header plus the function code: what the probe needs to decide.</summary>
    public const int ProbeLength = MbapHeaderLength + 1;

    /// <summary>Bit set in the function code of an exception response (§7).</summary>
    public const byte ExceptionBit = 0x80;

    /// <summary>Default bound of unanswered requests per flow (Suricata <c>request-flood</c> default).</summary>
    public const int DefaultMaxOutstandingRequests = 500;

    /// <summary>A resync that skips more than this many bytes without finding a frame disables the session.</summary>
    public const int MaxResyncBytes = 4096;

    /// <summary>Coil value field of Write Single Coil (§6.5): only these two values are legal.</summary>
    public const ushort CoilOn = 0xFF00;
    public const ushort CoilOff = 0x0000;

    // Quantity ranges of the spec (§6.1–§6.17).
    public const int MaxReadBits = 2000;
    public const int MaxReadRegisters = 125;
    public const int MaxWriteCoils = 1968;
    public const int MaxWriteRegisters = 123;
    public const int MaxReadWriteReadRegisters = 125;
    public const int MaxReadWriteWriteRegisters = 121;
    public const int MaxFifoCount = 31;

    /// <summary>Reference type of every file record sub-request (§6.14, §6.15).</summary>
    public const byte FileRecordReferenceType = 6;

    /// <summary>Read/Write File Record sub-request header: reference type, file, record, record length.</summary>
    public const int FileSubRequestLength = 7;

    /// <summary>MEI types carried by function 43 (§6.19–§6.21).</summary>
    public const byte MeiCanOpenGeneralReference = 0x0D;
    public const byte MeiReadDeviceIdentification = 0x0E;

    /// <summary>More Follows values of Read Device Identification (§6.21).</summary>
    public const byte MoreFollowsNo = 0x00;
    public const byte MoreFollowsYes = 0xFF;

    /// <summary>UMAS response status codes, in the byte that a request uses for its UMAS function.</summary>
    public const byte UmasStatusSuccess = 0xFE;
    public const byte UmasStatusError = 0xFD;
}
