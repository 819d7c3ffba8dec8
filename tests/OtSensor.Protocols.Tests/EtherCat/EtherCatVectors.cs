namespace OtSensor.Protocols.Tests.EtherCat;

/// <summary>
/// Annotated EtherCAT frames: the bytes after EtherType 0x88A4 (or the UDP payload), starting with the 2-byte
/// frame header. Multi-byte fields are little-endian (ETG.1000.4 §5.3, §5.4).
/// </summary>
internal static class EtherCatVectors
{
    /// <summary>BRD of AL status (0x0130) as it returns from three slaves: all in OP.</summary>
    public static ReadOnlySpan<byte> BrdAlStatus =>
    [
        0x0E, 0x10,             // frame header: Length 14 (0x00E), reserved 0, Type 1 (DLPDU)
        0x07,                   // Cmd: BRD
        0x01,                   // Idx
        0x03, 0x00,             // ADP: 3 (incremented by every slave on the way)
        0x30, 0x01,             // ADO: 0x0130 AL status
        0x02, 0x00,             // Len: 2, C 0, M 0
        0x00, 0x00,             // IRQ
        0x08, 0x00,             // Data: AL status 8 = OP, no error
        0x03, 0x00,             // WKC: 3
    ];

    /// <summary>Three chained datagrams (FPRD, LRW, ARMW of the DC system time) followed by Ethernet padding.</summary>
    public static ReadOnlySpan<byte> Chained =>
    [
        0x32, 0x10,             // frame header: Length 50 (14 + 16 + 20), Type 1
        // datagram 0
        0x04,                   // Cmd: FPRD
        0x10,                   // Idx
        0x01, 0x10,             // ADP: station address 0x1001
        0x30, 0x01,             // ADO: 0x0130 AL status
        0x02, 0x80,             // Len: 2, M 1 (more follow)
        0x00, 0x00,             // IRQ
        0x04, 0x00,             // Data: SAFEOP
        0x01, 0x00,             // WKC: 1
        // datagram 1
        0x0C,                   // Cmd: LRW
        0x11,                   // Idx
        0x00, 0x00, 0x01, 0x00, // logical address 0x00010000
        0x04, 0x80,             // Len: 4, M 1
        0x00, 0x00,             // IRQ
        0x01, 0x02, 0x03, 0x04, // Data: process image
        0x03, 0x00,             // WKC: 3
        // datagram 2
        0x0D,                   // Cmd: ARMW
        0x12,                   // Idx
        0x00, 0x00,             // ADP: position 0 (the reference clock)
        0x10, 0x09,             // ADO: 0x0910 DC system time
        0x08, 0x00,             // Len: 8, M 0 (last)
        0x00, 0x00,             // IRQ
        0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, // Data: 64-bit system time
        0x02, 0x00,             // WKC: 2
        0x00, 0x00, 0x00, 0x00, // Ethernet padding after the frame's Length: ignored
    ];

    /// <summary>LRD of 8 bytes at logical address 0x12345678.</summary>
    public static ReadOnlySpan<byte> LogicalRead =>
    [
        0x14, 0x10,             // frame header: Length 20, Type 1
        0x0A,                   // Cmd: LRD
        0x7F,                   // Idx
        0x78, 0x56, 0x34, 0x12, // logical address 0x12345678
        0x08, 0x00,             // Len: 8
        0x00, 0x00,             // IRQ
        0, 0, 0, 0, 0, 0, 0, 0, // Data: inputs, not yet filled
        0x00, 0x00,             // WKC: 0
    ];

    /// <summary>BWR of AL control (0x0120) requesting OP.</summary>
    public static ReadOnlySpan<byte> AlControlOp =>
    [
        0x0E, 0x10,             // frame header: Length 14, Type 1
        0x08,                   // Cmd: BWR
        0x02,                   // Idx
        0x00, 0x00,             // ADP
        0x20, 0x01,             // ADO: 0x0120 AL control
        0x02, 0x00,             // Len: 2
        0x00, 0x00,             // IRQ
        0x08, 0x00,             // Data: state 8 = OP, error ack 0
        0x00, 0x00,             // WKC: 0 (on its way out)
    ];

    /// <summary>FPWR of AL control requesting INIT with error acknowledge.</summary>
    public static ReadOnlySpan<byte> AlControlInitAck =>
    [
        0x0E, 0x10,             // frame header: Length 14, Type 1
        0x05,                   // Cmd: FPWR
        0x03,                   // Idx
        0xE9, 0x03,             // ADP: station 0x03E9
        0x20, 0x01,             // ADO: 0x0120 AL control
        0x02, 0x00,             // Len: 2
        0x00, 0x00,             // IRQ
        0x11, 0x00,             // Data: state 1 = INIT, bit 4 error acknowledge
        0x01, 0x00,             // WKC: 1
    ];

    /// <summary>Malformed twin of <see cref="AlControlOp"/>: state 5 is not defined.</summary>
    public static ReadOnlySpan<byte> AlControlBadState =>
    [
        0x0E, 0x10,             // frame header: Length 14, Type 1
        0x08,                   // Cmd: BWR
        0x02,                   // Idx
        0x00, 0x00,             // ADP
        0x20, 0x01,             // ADO: 0x0120 AL control
        0x02, 0x00,             // Len: 2
        0x00, 0x00,             // IRQ
        0x05, 0x00,             // Data: state 5, undefined
        0x00, 0x00,             // WKC
    ];

    /// <summary>FPWR into the receive mailbox (0x1000): CoE SDO initiate upload request of 0x100A:00.</summary>
    public static ReadOnlySpan<byte> CoeSdoUploadRequest =>
    [
        0x1C, 0x10,             // frame header: Length 28 (10 + 16 + 2), Type 1
        0x05,                   // Cmd: FPWR
        0xDE,                   // Idx
        0x01, 0x10,             // ADP: station 0x1001
        0x00, 0x10,             // ADO: 0x1000 (SM0, mailbox out)
        0x10, 0x00,             // Len: 16
        0x00, 0x00,             // IRQ
        0x0A, 0x00,             // mailbox Length: 10
        0x00, 0x00,             // mailbox Address
        0x00,                   // Channel/Priority
        0x13,                   // Type 3 (CoE), Counter 1
        0x00, 0x20,             // CoE header: Number 0, Service 2 (SDO Request)
        0x40,                   // SDO command: specifier 2 (initiate upload), complete access 0
        0x0A, 0x10,             // Index 0x100A (manufacturer software version)
        0x00,                   // SubIndex 0
        0x00, 0x00, 0x00, 0x00, // reserved data
        0x00, 0x00,             // WKC: 0
    ];

    /// <summary>FPRD from the send mailbox (0x1080) answered by the slave: CoE SDO initiate upload response, expedited.</summary>
    public static ReadOnlySpan<byte> CoeSdoUploadResponse =>
    [
        0x1C, 0x10,             // frame header: Length 28, Type 1
        0x04,                   // Cmd: FPRD
        0xE2,                   // Idx
        0x01, 0x10,             // ADP: station 0x1001
        0x80, 0x10,             // ADO: 0x1080 (SM1, mailbox in)
        0x10, 0x00,             // Len: 16
        0x00, 0x00,             // IRQ
        0x0A, 0x00,             // mailbox Length: 10
        0x00, 0x00,             // mailbox Address
        0x00,                   // Channel/Priority
        0x13,                   // Type 3 (CoE), Counter 1
        0x00, 0x30,             // CoE header: Number 0, Service 3 (SDO Response)
        0x4B,                   // SDO command: specifier 2 (initiate upload response), expedited, size 2
        0x0A, 0x10,             // Index 0x100A
        0x00,                   // SubIndex 0
        0x38, 0x30, 0x00, 0x00, // Data: "80"
        0x01, 0x00,             // WKC: 1 (the slave filled the data)
    ];

    /// <summary>The same FPRD on its way out: working counter 0, so its zeroed data is not a mailbox.</summary>
    public static ReadOnlySpan<byte> MailboxReadOutgoing =>
    [
        0x1C, 0x10,             // frame header: Length 28, Type 1
        0x04,                   // Cmd: FPRD
        0xE2,                   // Idx
        0x01, 0x10,             // ADP: station 0x1001
        0x80, 0x10,             // ADO: 0x1080
        0x10, 0x00,             // Len: 16
        0x00, 0x00,             // IRQ
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // Data: empty
        0x00, 0x00,             // WKC: 0
    ];

    /// <summary>FPWR into the receive mailbox: FoE write request of "fw.efw" (firmware download in BOOT).</summary>
    public static ReadOnlySpan<byte> FoeWriteRequest =>
    [
        0x1E, 0x10,             // frame header: Length 30 (10 + 18 + 2), Type 1
        0x05,                   // Cmd: FPWR
        0x40,                   // Idx
        0xE9, 0x03,             // ADP: station 0x03E9
        0x00, 0x18,             // ADO: 0x1800 (SM0, mailbox out)
        0x12, 0x00,             // Len: 18
        0x00, 0x00,             // IRQ
        0x0C, 0x00,             // mailbox Length: 12
        0x00, 0x00,             // mailbox Address
        0x00,                   // Channel/Priority
        0x24,                   // Type 4 (FoE), Counter 2
        0x02,                   // FoE OpCode 2: write request
        0x00,                   // reserved
        0x78, 0x56, 0x34, 0x12, // Password 0x12345678
        0x66, 0x77, 0x2E, 0x65, 0x66, 0x77, // File name "fw.efw"
        0x00, 0x00,             // WKC
    ];

    /// <summary>Malformed twin of <see cref="CoeSdoUploadRequest"/>: mailbox Length 3 holds the CoE header and one SDO byte only.</summary>
    public static ReadOnlySpan<byte> CoeSdoTruncated =>
    [
        0x1C, 0x10,             // frame header: Length 28, Type 1
        0x05,                   // Cmd: FPWR
        0xDE,                   // Idx
        0x01, 0x10,             // ADP
        0x00, 0x10,             // ADO: 0x1000
        0x10, 0x00,             // Len: 16
        0x00, 0x00,             // IRQ
        0x03, 0x00,             // mailbox Length: 3 (an initiate upload needs 6)
        0x00, 0x00,             // mailbox Address
        0x00,                   // Channel/Priority
        0x13,                   // Type 3 (CoE), Counter 1
        0x00, 0x20,             // CoE header: SDO Request
        0x40,                   // SDO command: initiate upload
        0x0A, 0x10, 0x00,       // (beyond the mailbox Length)
        0x00, 0x00, 0x00, 0x00,
        0x00, 0x00,             // WKC
    ];

    /// <summary>Malformed: the datagram's Len (200) runs past the frame.</summary>
    public static ReadOnlySpan<byte> DatagramBeyondFrame =>
    [
        0x0E, 0x10,             // frame header: Length 14, Type 1
        0x04,                   // Cmd: FPRD
        0x01,                   // Idx
        0x01, 0x10,             // ADP
        0x00, 0x00,             // ADO
        0xC8, 0x00,             // Len: 200 (only 4 bytes follow)
        0x00, 0x00,             // IRQ
        0x00, 0x00,             // Data (2 of the 200)
        0x00, 0x00,             // (what would be the WKC)
    ];

    /// <summary>Malformed: M bit set on the only datagram, nothing after it.</summary>
    public static ReadOnlySpan<byte> MoreBitWithNothingAfter =>
    [
        0x0E, 0x10,             // frame header: Length 14, Type 1
        0x07,                   // Cmd: BRD
        0x01,                   // Idx
        0x00, 0x00,             // ADP
        0x00, 0x00,             // ADO
        0x02, 0x80,             // Len: 2, M 1 (claims a successor)
        0x00, 0x00,             // IRQ
        0x11, 0x00,             // Data
        0x01, 0x00,             // WKC
    ];

    /// <summary>Malformed: the header's Length (2047) is far beyond the 14 bytes that follow.</summary>
    public static ReadOnlySpan<byte> HeaderLengthLying =>
    [
        0xFF, 0x17,             // frame header: Length 2047, Type 1
        0x07,                   // Cmd: BRD
        0x01,                   // Idx
        0x00, 0x00,             // ADP
        0x00, 0x00,             // ADO
        0x02, 0x00,             // Len: 2
        0x00, 0x00,             // IRQ
        0x11, 0x00,             // Data
        0x01, 0x00,             // WKC
    ];

    /// <summary>Malformed: the header's Length (12) is shorter than the datagram (14) that the bytes hold.</summary>
    public static ReadOnlySpan<byte> HeaderLengthShort =>
    [
        0x0C, 0x10,             // frame header: Length 12, Type 1
        0x07,                   // Cmd: BRD
        0x01,                   // Idx
        0x00, 0x00,             // ADP
        0x00, 0x00,             // ADO
        0x02, 0x00,             // Len: 2
        0x00, 0x00,             // IRQ
        0x11, 0x00,             // Data
        0x01, 0x00,             // WKC (beyond the header's Length)
    ];

    /// <summary>Malformed: command 0x20 is not defined; reserved bits 11–13 of Len are set.</summary>
    public static ReadOnlySpan<byte> UnknownCommand =>
    [
        0x0C, 0x10,             // frame header: Length 12, Type 1
        0x20,                   // Cmd: 32, undefined
        0x01,                   // Idx
        0x00, 0x00,             // ADP
        0x00, 0x00,             // ADO
        0x00, 0x38,             // Len: 0, reserved bits 11–13 set
        0x00, 0x00,             // IRQ
        0x00, 0x00,             // WKC
    ];

    /// <summary>Network variables frame (Type 4): no datagrams, one frame-level record.</summary>
    public static ReadOnlySpan<byte> NetworkVariables =>
    [
        0x04, 0x40,             // frame header: Length 4, Type 4
        0x01, 0x00, 0x02, 0x00, // publisher data (not decoded)
    ];

    /// <summary>Type 7 (reserved), as TwinCAT broadcasts over UDP.</summary>
    public static ReadOnlySpan<byte> ReservedFrameType =>
    [
        0x15, 0x70,             // frame header: Length 21, Type 7
        0x01, 0x00, 0x00, 0x80, 0x11, 0x00, 0x01, 0x00, 0x02, 0x30, 0x00,
        0x00, 0x00, 0x40, 0x00, 0x00, 0x00, 0x90, 0x00, 0x00, 0x00,
    ];

    /// <summary>Type 1 frame too short for a datagram header.</summary>
    public static ReadOnlySpan<byte> TruncatedDatagramHeader =>
    [
        0x05, 0x10,             // frame header: Length 5, Type 1
        0x07, 0x01, 0x00, 0x00, 0x00, // half a datagram header
    ];

    /// <summary>FPRD from the send mailbox, answered: CoE SDO abort of 0x6040:00 with abort code 0x06020000.</summary>
    public static ReadOnlySpan<byte> CoeSdoAbort =>
    [
        0x1C, 0x10,             // frame header: Length 28, Type 1
        0x04,                   // Cmd: FPRD
        0xE3,                   // Idx
        0x01, 0x10,             // ADP: station 0x1001
        0x80, 0x10,             // ADO: 0x1080
        0x10, 0x00,             // Len: 16
        0x00, 0x00,             // IRQ
        0x0A, 0x00,             // mailbox Length: 10
        0x00, 0x00,             // mailbox Address
        0x00,                   // Channel/Priority
        0x23,                   // Type 3 (CoE), Counter 2
        0x00, 0x20,             // CoE header: Service 2 (SDO Request: aborts travel as requests)
        0x80,                   // SDO command: specifier 4 (abort transfer)
        0x40, 0x60,             // Index 0x6040 (controlword)
        0x00,                   // SubIndex 0
        0x00, 0x00, 0x02, 0x06, // Abort code 0x06020000: object does not exist
        0x01, 0x00,             // WKC: 1
    ];

    /// <summary>FPRD from the send mailbox, answered: mailbox error reply (type 0), detail 0x0002 unsupported protocol.</summary>
    public static ReadOnlySpan<byte> MailboxErrorReply =>
    [
        0x16, 0x10,             // frame header: Length 22 (10 + 10 + 2), Type 1
        0x04,                   // Cmd: FPRD
        0xE4,                   // Idx
        0x01, 0x10,             // ADP: station 0x1001
        0x80, 0x10,             // ADO: 0x1080
        0x0A, 0x00,             // Len: 10
        0x00, 0x00,             // IRQ
        0x04, 0x00,             // mailbox Length: 4
        0x00, 0x00,             // mailbox Address
        0x00,                   // Channel/Priority
        0x10,                   // Type 0 (ERR), Counter 1
        0x01, 0x00,             // service Type: 1 (mailbox command)
        0x02, 0x00,             // Detail: 2 (unsupported protocol)
        0x01, 0x00,             // WKC: 1
    ];
}
