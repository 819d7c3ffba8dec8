namespace OtSensor.Protocols.Tests.Modbus;

/// <summary>
/// Annotated Modbus/TCP ADUs. Examples follow MODBUS Application Protocol Specification V1.1b3 §6
/// (the per-function examples) wrapped in an MBAP header; malformed twins change one field.
/// Transaction id n pairs request n with response n; unit id is 1 unless noted.
/// </summary>
public static class ModbusVectors
{
    // ---- FC 1 Read Coils (§6.1) ----
    public static byte[] RdCoilsRequest =>
    [
        0x00, 0x01, // Transaction ID 1
        0x00, 0x00, // Protocol ID 0
        0x00, 0x06, // Length 6 (unit id + 5-byte PDU)
        0x01,       // Unit ID 1
        0x01,       // FC 1 Read Coils
        0x00, 0x13, // Starting address 19
        0x00, 0x13, // Quantity of coils 19
    ];

    public static byte[] RdCoilsResponse =>
    [
        0x00, 0x01, 0x00, 0x00, 0x00, 0x06, 0x01, // MBAP: TID 1, PID 0, length 6, unit 1
        0x01,             // FC 1
        0x03,             // Byte count 3 = ceil(19 / 8)
        0xCD, 0x6B, 0x05, // Coil status 20–38
    ];

    public static byte[] RdCoilsExceptionResponse =>
    [
        0x00, 0x01, 0x00, 0x00, 0x00, 0x03, 0x01, // MBAP: TID 1, length 3
        0x81,       // FC 1 | 0x80: exception
        0x02,       // Exception 2 Illegal data address
    ];

    /// <summary>Byte count 2 where 19 coils need 3 (only detectable when paired).</summary>
    public static byte[] RdCoilsResponseByteCountLie =>
    [
        0x00, 0x01, 0x00, 0x00, 0x00, 0x05, 0x01, // MBAP: TID 1, length 5
        0x01,       // FC 1
        0x02,       // Byte count 2 (lie: quantity 19 needs 3)
        0xCD, 0x6B, // Coil status
    ];

    /// <summary>Protocol id 1: not a Modbus header.</summary>
    public static byte[] RdCoilsRequestBadProtocolId =>
    [
        0x00, 0x01, // Transaction ID
        0x00, 0x01, // Protocol ID 1 (must be 0)
        0x00, 0x06, 0x01, 0x01, 0x00, 0x13, 0x00, 0x13,
    ];

    // ---- FC 2 Read Discrete Inputs (§6.2) ----
    public static byte[] RdDiscreteInputsRequest =>
    [
        0x00, 0x02, 0x00, 0x00, 0x00, 0x06, 0x01, // MBAP: TID 2, length 6
        0x02,       // FC 2
        0x00, 0xC4, // Starting address 196
        0x00, 0x16, // Quantity 22
    ];

    public static byte[] RdDiscreteInputsResponse =>
    [
        0x00, 0x02, 0x00, 0x00, 0x00, 0x06, 0x01, // MBAP: TID 2, length 6
        0x02,             // FC 2
        0x03,             // Byte count 3 = ceil(22 / 8)
        0xAC, 0xDB, 0x35, // Input status
    ];

    // ---- FC 3 Read Holding Registers (§6.3) ----
    public static byte[] RdHoldingRegsRequest =>
    [
        0x00, 0x03, 0x00, 0x00, 0x00, 0x06, 0x01, // MBAP: TID 3, length 6
        0x03,       // FC 3
        0x00, 0x6B, // Starting address 107
        0x00, 0x03, // Quantity 3
    ];

    public static byte[] RdHoldingRegsResponse =>
    [
        0x00, 0x03, 0x00, 0x00, 0x00, 0x09, 0x01, // MBAP: TID 3, length 9
        0x03,       // FC 3
        0x06,       // Byte count 6 = 2 × 3
        0x02, 0x2B, // Register 108
        0x00, 0x00, // Register 109
        0x00, 0x64, // Register 110
    ];

    /// <summary>Length 4 leaves the quantity out: complete frame, short PDU.</summary>
    public static byte[] RdHoldingRegsRequestTruncatedPdu =>
    [
        0x00, 0x03, 0x00, 0x00,
        0x00, 0x04, // Length 4: unit + FC + address only
        0x01, 0x03,
        0x00, 0x6B, // Starting address; quantity missing
    ];

    /// <summary>Two bytes after the quantity, counted by the length field.</summary>
    public static byte[] RdHoldingRegsRequestTrailingBytes =>
    [
        0x00, 0x03, 0x00, 0x00,
        0x00, 0x08, // Length 8
        0x01, 0x03, 0x00, 0x6B, 0x00, 0x03,
        0xAA, 0xBB, // Trailing bytes
    ];

    /// <summary>Quantity 126 where at most 125 registers may be read.</summary>
    public static byte[] RdHoldingRegsRequestQuantityTooLarge =>
    [
        0x00, 0x03, 0x00, 0x00, 0x00, 0x06, 0x01,
        0x03,       // FC 3
        0x00, 0x00, // Starting address 0
        0x00, 0x7E, // Quantity 126 (max 125)
    ];

    // ---- FC 4 Read Input Registers (§6.4) ----
    public static byte[] RdInputRegsRequest =>
    [
        0x00, 0x04, 0x00, 0x00, 0x00, 0x06, 0x01, // MBAP: TID 4
        0x04,       // FC 4
        0x00, 0x08, // Starting address 8
        0x00, 0x01, // Quantity 1
    ];

    public static byte[] RdInputRegsResponse =>
    [
        0x00, 0x04, 0x00, 0x00, 0x00, 0x05, 0x01, // MBAP: TID 4, length 5
        0x04,       // FC 4
        0x02,       // Byte count 2
        0x00, 0x0A, // Register 9
    ];

    // ---- FC 5 Write Single Coil (§6.5) ----
    public static byte[] WrSingleCoilRequest =>
    [
        0x00, 0x05, 0x00, 0x00, 0x00, 0x06, 0x01, // MBAP: TID 5
        0x05,       // FC 5
        0x00, 0xAC, // Output address 172
        0xFF, 0x00, // Value ON
    ];

    public static byte[] WrSingleCoilResponse => WrSingleCoilRequest; // echo

    /// <summary>Coil value 0x1234: only 0x0000 and 0xFF00 are legal.</summary>
    public static byte[] WrSingleCoilRequestBadValue =>
    [
        0x00, 0x05, 0x00, 0x00, 0x00, 0x06, 0x01,
        0x05,       // FC 5
        0x00, 0xAC, // Output address
        0x12, 0x34, // Value (illegal)
    ];

    // ---- FC 6 Write Single Register (§6.6) ----
    public static byte[] WrSingleRegRequest =>
    [
        0x00, 0x06, 0x00, 0x00, 0x00, 0x06, 0x01, // MBAP: TID 6
        0x06,       // FC 6
        0x00, 0x01, // Register address 1
        0x00, 0x03, // Value 3
    ];

    public static byte[] WrSingleRegResponse => WrSingleRegRequest; // echo

    // ---- FC 7 Read Exception Status (§6.7) ----
    public static byte[] RdExceptionStatusRequest =>
    [
        0x00, 0x07, 0x00, 0x00, 0x00, 0x02, 0x01, // MBAP: TID 7, length 2
        0x07,       // FC 7
    ];

    public static byte[] RdExceptionStatusResponse =>
    [
        0x00, 0x07, 0x00, 0x00, 0x00, 0x03, 0x01, // MBAP: TID 7, length 3
        0x07,       // FC 7
        0x6D,       // Output data
    ];

    // ---- FC 8 Diagnostics (§6.8) ----
    public static byte[] DiagnosticsRequest =>
    [
        0x00, 0x08, 0x00, 0x00, 0x00, 0x06, 0x01, // MBAP: TID 8
        0x08,       // FC 8
        0x00, 0x00, // Sub-function 0 Return Query Data
        0xA5, 0x37, // Data
    ];

    public static byte[] DiagnosticsResponse => DiagnosticsRequest; // echo

    /// <summary>Sub-function 1 Restart Communications Option: an OtOperation.Restart.</summary>
    public static byte[] DiagnosticsRestartRequest =>
    [
        0x00, 0x08, 0x00, 0x00, 0x00, 0x06, 0x01,
        0x08,       // FC 8
        0x00, 0x01, // Sub-function 1 Restart Communications Option
        0xFF, 0x00, // Clear the communications event log
    ];

    // ---- FC 11 Get Comm Event Counter (§6.9) ----
    public static byte[] GetCommEventCounterRequest =>
    [
        0x00, 0x09, 0x00, 0x00, 0x00, 0x02, 0x01, // MBAP: TID 9, length 2
        0x0B,       // FC 11
    ];

    public static byte[] GetCommEventCounterResponse =>
    [
        0x00, 0x09, 0x00, 0x00, 0x00, 0x06, 0x01, // MBAP: TID 9, length 6
        0x0B,       // FC 11
        0xFF, 0xFF, // Status: busy
        0x01, 0x08, // Event count 264
    ];

    // ---- FC 12 Get Comm Event Log (§6.10) ----
    public static byte[] GetCommEventLogRequest =>
    [
        0x00, 0x0A, 0x00, 0x00, 0x00, 0x02, 0x01, // MBAP: TID 10, length 2
        0x0C,       // FC 12
    ];

    public static byte[] GetCommEventLogResponse =>
    [
        0x00, 0x0A, 0x00, 0x00, 0x00, 0x0B, 0x01, // MBAP: TID 10, length 11
        0x0C,       // FC 12
        0x08,       // Byte count 8
        0x00, 0x00, // Status
        0x01, 0x08, // Event count 264
        0x01, 0x21, // Message count 289
        0x20, 0x00, // Events 0 and 1
    ];

    // ---- FC 15 Write Multiple Coils (§6.11) ----
    public static byte[] WrMultCoilsRequest =>
    [
        0x00, 0x0B, 0x00, 0x00, 0x00, 0x09, 0x01, // MBAP: TID 11, length 9
        0x0F,       // FC 15
        0x00, 0x13, // Starting address 19
        0x00, 0x0A, // Quantity 10
        0x02,       // Byte count 2 = ceil(10 / 8)
        0xCD, 0x01, // Output values
    ];

    public static byte[] WrMultCoilsResponse =>
    [
        0x00, 0x0B, 0x00, 0x00, 0x00, 0x06, 0x01, // MBAP: TID 11, length 6
        0x0F,       // FC 15
        0x00, 0x13, // Starting address 19
        0x00, 0x0A, // Quantity 10
    ];

    // ---- FC 16 Write Multiple Registers (§6.12) ----
    public static byte[] WrMultRegsRequest =>
    [
        0x00, 0x0C, 0x00, 0x00, 0x00, 0x0B, 0x01, // MBAP: TID 12, length 11
        0x10,       // FC 16
        0x00, 0x01, // Starting address 1
        0x00, 0x02, // Quantity 2
        0x04,       // Byte count 4 = 2 × 2
        0x00, 0x0A, // Register 2
        0x01, 0x02, // Register 3
    ];

    public static byte[] WrMultRegsResponse =>
    [
        0x00, 0x0C, 0x00, 0x00, 0x00, 0x06, 0x01, // MBAP: TID 12, length 6
        0x10,       // FC 16
        0x00, 0x01, // Starting address 1
        0x00, 0x02, // Quantity 2
    ];

    /// <summary>Length field 0x0100 (256): above the 254 maximum.</summary>
    public static byte[] WrMultRegsRequestBadLength =>
    [
        0x00, 0x0C, 0x00, 0x00,
        0x01, 0x00, // Length 256 (max 254)
        0x01, 0x10, 0x00, 0x01, 0x00, 0x02, 0x04, 0x00, 0x0A, 0x01, 0x02,
    ];

    /// <summary>Byte count 6 for 2 registers, with 4 bytes of values.</summary>
    public static byte[] WrMultRegsRequestByteCountLie =>
    [
        0x00, 0x0C, 0x00, 0x00, 0x00, 0x0B, 0x01,
        0x10,       // FC 16
        0x00, 0x01, // Starting address
        0x00, 0x02, // Quantity 2
        0x06,       // Byte count 6 (lie: 2 registers are 4 bytes, and 4 bytes follow)
        0x00, 0x0A, 0x01, 0x02,
    ];

    // ---- FC 17 Report Server ID (§6.13) ----
    public static byte[] ReportServerIdRequest =>
    [
        0x00, 0x0D, 0x00, 0x00, 0x00, 0x02, 0x01, // MBAP: TID 13, length 2
        0x11,       // FC 17
    ];

    public static byte[] ReportServerIdResponse =>
    [
        0x00, 0x0D, 0x00, 0x00, 0x00, 0x06, 0x01, // MBAP: TID 13, length 6
        0x11,       // FC 17
        0x03,       // Byte count 3
        0x0A,       // Server ID (device specific)
        0xFF,       // Run indicator ON
        0x01,       // Additional data
    ];

    // ---- FC 20 Read File Record (§6.14) ----
    public static byte[] RdFileRecordRequest =>
    [
        0x00, 0x0E, 0x00, 0x00, 0x00, 0x11, 0x01, // MBAP: TID 14, length 17
        0x14,       // FC 20
        0x0E,       // Byte count 14 (two sub-requests)
        0x06,       // Sub-request 1: reference type 6
        0x00, 0x04, //   file 4
        0x00, 0x01, //   record 1
        0x00, 0x02, //   record length 2
        0x06,       // Sub-request 2: reference type 6
        0x00, 0x03, //   file 3
        0x00, 0x09, //   record 9
        0x00, 0x02, //   record length 2
    ];

    public static byte[] RdFileRecordResponse =>
    [
        0x00, 0x0E, 0x00, 0x00, 0x00, 0x0F, 0x01, // MBAP: TID 14, length 15
        0x14,       // FC 20
        0x0C,       // Response data length 12
        0x05,       // Sub-response 1: file response length 5
        0x06,       //   reference type 6
        0x0D, 0xFE, 0x00, 0x20, // record data
        0x05,       // Sub-response 2: file response length 5
        0x06,       //   reference type 6
        0x33, 0xCD, 0x00, 0x40, // record data
    ];

    // ---- FC 21 Write File Record (§6.15) ----
    public static byte[] WrFileRecordRequest =>
    [
        0x00, 0x0F, 0x00, 0x00, 0x00, 0x10, 0x01, // MBAP: TID 15, length 16
        0x15,       // FC 21
        0x0D,       // Request data length 13
        0x06,       // Reference type 6
        0x00, 0x04, // File 4
        0x00, 0x07, // Record 7
        0x00, 0x03, // Record length 3
        0x06, 0xAF, 0x04, 0xBE, 0x10, 0x0D, // Record data
    ];

    public static byte[] WrFileRecordResponse => WrFileRecordRequest; // echo

    // ---- FC 22 Mask Write Register (§6.16) ----
    public static byte[] MaskWriteRegRequest =>
    [
        0x00, 0x10, 0x00, 0x00, 0x00, 0x08, 0x01, // MBAP: TID 16, length 8
        0x16,       // FC 22
        0x00, 0x04, // Reference address 4
        0x00, 0xF2, // And mask
        0x00, 0x25, // Or mask
    ];

    public static byte[] MaskWriteRegResponse => MaskWriteRegRequest; // echo

    // ---- FC 23 Read/Write Multiple Registers (§6.17) ----
    public static byte[] RdWrMultRegsRequest =>
    [
        0x00, 0x11, 0x00, 0x00, 0x00, 0x11, 0x01, // MBAP: TID 17, length 17
        0x17,       // FC 23
        0x00, 0x03, // Read starting address 3
        0x00, 0x06, // Quantity to read 6
        0x00, 0x0E, // Write starting address 14
        0x00, 0x03, // Quantity to write 3
        0x06,       // Write byte count 6
        0x00, 0xFF, 0x00, 0xFF, 0x00, 0xFF, // Write registers
    ];

    public static byte[] RdWrMultRegsResponse =>
    [
        0x00, 0x11, 0x00, 0x00, 0x00, 0x0F, 0x01, // MBAP: TID 17, length 15
        0x17,       // FC 23
        0x0C,       // Byte count 12 = 2 × 6
        0x00, 0xFE, 0x0A, 0xCD, 0x00, 0x01, 0x00, 0x03, 0x00, 0x0D, 0x00, 0xFF, // Read registers
    ];

    // ---- FC 24 Read FIFO Queue (§6.18) ----
    public static byte[] RdFifoQueueRequest =>
    [
        0x00, 0x12, 0x00, 0x00, 0x00, 0x04, 0x01, // MBAP: TID 18, length 4
        0x18,       // FC 24
        0x04, 0xDE, // FIFO pointer address 1246
    ];

    public static byte[] RdFifoQueueResponse =>
    [
        0x00, 0x12, 0x00, 0x00, 0x00, 0x0A, 0x01, // MBAP: TID 18, length 10
        0x18,       // FC 24
        0x00, 0x06, // Byte count 6 (FIFO count + 2 registers)
        0x00, 0x02, // FIFO count 2
        0x01, 0xB8, // FIFO value 1
        0x12, 0x84, // FIFO value 2
    ];

    // ---- FC 43 / MEI 14 Read Device Identification (§6.21) ----
    public static byte[] RdDeviceIdRequest =>
    [
        0x00, 0x13, 0x00, 0x00, 0x00, 0x05, 0x01, // MBAP: TID 19, length 5
        0x2B,       // FC 43
        0x0E,       // MEI type 14
        0x01,       // Read device ID code 1 (basic)
        0x00,       // Object ID 0
    ];

    public static byte[] RdDeviceIdResponse =>
    [
        0x00, 0x13, 0x00, 0x00, 0x00, 0x1E, 0x01, // MBAP: TID 19, length 30
        0x2B,       // FC 43
        0x0E,       // MEI type 14
        0x01,       // Read device ID code 1
        0x83,       // Conformity level 0x83
        0x00,       // More follows: no
        0x00,       // Next object ID
        0x04,       // Number of objects 4
        0x00, 0x04, (byte)'A', (byte)'C', (byte)'M', (byte)'E',             // VendorName "ACME"
        0x01, 0x05, (byte)'P', (byte)'L', (byte)'C', (byte)'-', (byte)'1',  // ProductCode "PLC-1"
        0x02, 0x04, (byte)'V', (byte)'1', (byte)'.', (byte)'2',             // MajorMinorRevision "V1.2"
        0x80, 0x01, 0xE9,                                                   // Private object 0x80: one Latin-1 byte
    ];

    /// <summary>Announces 3 objects but carries one.</summary>
    public static byte[] RdDeviceIdResponseTruncatedObjects =>
    [
        0x00, 0x13, 0x00, 0x00, 0x00, 0x0E, 0x01, // MBAP: TID 19, length 14
        0x2B, 0x0E, 0x01, 0x81, 0x00, 0x00,
        0x03,       // Number of objects 3 (only one follows)
        0x00, 0x04, (byte)'A', (byte)'C', (byte)'M', (byte)'E',
    ];

    /// <summary>MEI type 5 is reserved.</summary>
    public static byte[] ReservedMeiRequest =>
    [
        0x00, 0x13, 0x00, 0x00, 0x00, 0x03, 0x01,
        0x2B,       // FC 43
        0x05,       // MEI type 5 (reserved)
    ];

    // ---- FC 43 / MEI 13 CANopen General Reference (§6.20) ----
    public static byte[] CanOpenRequest =>
    [
        0x00, 0x14, 0x00, 0x00, 0x00, 0x05, 0x01, // MBAP: TID 20, length 5
        0x2B,       // FC 43
        0x0D,       // MEI type 13
        0x01, 0x02, // CANopen payload
    ];

    public static byte[] CanOpenResponse =>
    [
        0x00, 0x14, 0x00, 0x00, 0x00, 0x06, 0x01, // MBAP: TID 20, length 6
        0x2B, 0x0D,
        0x01, 0x02, 0x03, // CANopen payload
    ];

    // ---- FC 90 UMAS (Schneider) ----
    public static byte[] UmasStopPlcRequest =>
    [
        0x00, 0x15, 0x00, 0x00, 0x00, 0x06, 0x00, // MBAP: TID 21, length 6, unit 0
        0x5A,       // FC 90 UMAS
        0x01,       // UMAS session (pairing key)
        0x41,       // UMAS function 0x41 STOP_PLC
        0xFF, 0x00, // Payload
    ];

    public static byte[] UmasStopPlcResponse =>
    [
        0x00, 0x15, 0x00, 0x00, 0x00, 0x04, 0x00, // MBAP: TID 21, length 4, unit 0
        0x5A,       // FC 90
        0x01,       // UMAS session
        0xFE,       // Status: success
    ];

    // ---- User-defined 65 (§5.1) ----
    public static byte[] UserDefinedRequest =>
    [
        0x00, 0x16, 0x00, 0x00, 0x00, 0x04, 0x01, // MBAP: TID 22, length 4
        0x41,       // FC 65 (user-defined)
        0x01, 0x02, // Vendor data
    ];

    public static byte[] UserDefinedResponse =>
    [
        0x00, 0x16, 0x00, 0x00, 0x00, 0x03, 0x01, // MBAP: TID 22, length 3
        0x41,       // FC 65
        0x01,       // Vendor data
    ];

    /// <summary>FC 9 is unassigned.</summary>
    public static byte[] UnknownFunctionRequest =>
    [
        0x00, 0x17, 0x00, 0x00, 0x00, 0x03, 0x01,
        0x09,       // FC 9 (unassigned)
        0x00,
    ];

    /// <summary>Exception code 0x0F is undefined.</summary>
    public static byte[] RdHoldingRegsUnknownExceptionResponse =>
    [
        0x00, 0x03, 0x00, 0x00, 0x00, 0x03, 0x01,
        0x83,       // FC 3 | 0x80
        0x0F,       // Exception 15 (undefined)
    ];

    /// <summary>Request/response pairs of every function code, in conversation order.</summary>
    public static IEnumerable<(string Name, byte[] Request, byte[] Response)> Pairs()
    {
        yield return ("ReadCoils", RdCoilsRequest, RdCoilsResponse);
        yield return ("ReadDiscreteInputs", RdDiscreteInputsRequest, RdDiscreteInputsResponse);
        yield return ("ReadHoldingRegisters", RdHoldingRegsRequest, RdHoldingRegsResponse);
        yield return ("ReadInputRegisters", RdInputRegsRequest, RdInputRegsResponse);
        yield return ("WriteSingleCoil", WrSingleCoilRequest, WrSingleCoilResponse);
        yield return ("WriteSingleRegister", WrSingleRegRequest, WrSingleRegResponse);
        yield return ("ReadExceptionStatus", RdExceptionStatusRequest, RdExceptionStatusResponse);
        yield return ("Diagnostics", DiagnosticsRequest, DiagnosticsResponse);
        yield return ("GetCommEventCounter", GetCommEventCounterRequest, GetCommEventCounterResponse);
        yield return ("GetCommEventLog", GetCommEventLogRequest, GetCommEventLogResponse);
        yield return ("WriteMultipleCoils", WrMultCoilsRequest, WrMultCoilsResponse);
        yield return ("WriteMultipleRegisters", WrMultRegsRequest, WrMultRegsResponse);
        yield return ("ReportServerId", ReportServerIdRequest, ReportServerIdResponse);
        yield return ("ReadFileRecord", RdFileRecordRequest, RdFileRecordResponse);
        yield return ("WriteFileRecord", WrFileRecordRequest, WrFileRecordResponse);
        yield return ("MaskWriteRegister", MaskWriteRegRequest, MaskWriteRegResponse);
        yield return ("ReadWriteMultipleRegisters", RdWrMultRegsRequest, RdWrMultRegsResponse);
        yield return ("ReadFifoQueue", RdFifoQueueRequest, RdFifoQueueResponse);
        yield return ("ReadDeviceIdentification", RdDeviceIdRequest, RdDeviceIdResponse);
        yield return ("CanOpenGeneralReference", CanOpenRequest, CanOpenResponse);
        yield return ("UmasStopPlc", UmasStopPlcRequest, UmasStopPlcResponse);
        yield return ("UserDefined", UserDefinedRequest, UserDefinedResponse);
        yield return ("ReadCoilsException", RdCoilsRequest, RdCoilsExceptionResponse);
    }

    public static TheoryData<string> PairNames()
    {
        var data = new TheoryData<string>();
        foreach (var pair in Pairs()) data.Add(pair.Name);
        return data;
    }

    public static (byte[] Request, byte[] Response) Pair(string name)
    {
        foreach (var pair in Pairs())
        {
            if (pair.Name == name) return (pair.Request, pair.Response);
        }
        throw new ArgumentException(name, nameof(name));
    }
}
