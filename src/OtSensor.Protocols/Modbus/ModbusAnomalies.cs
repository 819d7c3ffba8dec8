namespace OtSensor.Protocols.Modbus;

/// <summary>What was wrong with one ADU. Several bits can be set; the message is still emitted.</summary>
/// <remarks>
/// Bit names are stable: they are written to <c>events.jsonl</c> through <see cref="ModbusNames.Anomaly"/>.
/// Cf. Suricata <c>ModbusEvent</c> and sawp-modbus <c>ErrorFlags</c>.
/// </remarks>
[Flags]
public enum ModbusAnomalies : ulong
{
    None = 0,

    /// <summary>MBAP protocol identifier is not 0 (Implementation Guide §3.1.3).</summary>
    InvalidProtocolId = 1UL << 0,

    /// <summary>MBAP length field is outside 2..254.</summary>
    InvalidLength = 1UL << 1,

    /// <summary>MBAP length field disagrees with the frame handed to the parser.</summary>
    LengthMismatch = 1UL << 2,

    /// <summary>The PDU ends before the fields its function code requires.</summary>
    DataTooShort = 1UL << 3,

    /// <summary>Bytes remain after the fields the function code defines.</summary>
    TrailingBytes = 1UL << 4,

    /// <summary>Byte count disagrees with the quantity (request, or paired response).</summary>
    ByteCountQuantityMismatch = 1UL << 5,

    /// <summary>Byte count disagrees with the bytes that remain in the PDU.</summary>
    ByteCountLengthMismatch = 1UL << 6,

    /// <summary>Quantity outside the range the specification allows for the function.</summary>
    QuantityOutOfRange = 1UL << 7,

    /// <summary>Write Single Coil value other than 0x0000 or 0xFF00 (§6.5).</summary>
    InvalidCoilValue = 1UL << 8,

    /// <summary>Function code neither public, user-defined nor UMAS.</summary>
    UnknownFunction = 1UL << 9,

    /// <summary>Exception code not defined (§7).</summary>
    UnknownExceptionCode = 1UL << 10,

    /// <summary>MEI type other than 13 or 14 (§6.19).</summary>
    ReservedMeiType = 1UL << 11,

    /// <summary>Diagnostics sub-function that §6.8.1 reserves.</summary>
    ReservedSubFunction = 1UL << 12,

    /// <summary>File record reference type other than 6 (§6.14, §6.15).</summary>
    InvalidReferenceType = 1UL << 13,

    /// <summary>Read Device ID code outside 1..4 (§6.21).</summary>
    InvalidReadDeviceIdCode = 1UL << 14,

    /// <summary>More Follows is neither 0x00 nor 0xFF (§6.21).</summary>
    InvalidMoreFollows = 1UL << 15,

    /// <summary>A request (client to server) with the exception bit set in its function code.</summary>
    ExceptionBitInRequest = 1UL << 16,

    /// <summary>A response with no outstanding request of the same unit id and transaction id.</summary>
    UnsolicitedResponse = 1UL << 17,

    /// <summary>A response whose function differs from its paired request's.</summary>
    ResponseFunctionMismatch = 1UL << 18,

    /// <summary>Byte count below the minimum the function allows (e.g. 0 for Read Coils, &lt; 7 for Read File Record).</summary>
    ByteCountOutOfRange = 1UL << 19,
}
