using System.Buffers.Binary;

namespace OtSensor.Protocols.Tests.Profinet;

/// <summary>PNIO-CM datagrams (UDP payloads): an annotated connectionless RPC header plus annotated call bodies.</summary>
internal static class PnioCmVectors
{
    public const byte Idempotent = 0x20;
    public const byte Fragment = 0x04;
    public const byte LastFragment = 0x02;

    /// <summary>
    /// A connectionless DCE/RPC header (C706 §12.5.3) followed by <paramref name="body"/>; integers in the byte order
    /// <paramref name="little"/> names, as drep[0] says.
    /// </summary>
    public static byte[] Rpc(bool little, byte packetType, int opnum, byte[] body, uint sequence = 3, byte flags1 = Idempotent,
        int fragmentNumber = 0, byte iface = 0x01, int? fragmentLength = null)
    {
        var d = new byte[80 + body.Length];
        d[0] = 0x04;                               // rpc_vers 4
        d[1] = packetType;                         // ptype
        d[2] = flags1;                             // flags1
        d[3] = 0x00;                               // flags2
        d[4] = little ? (byte)0x10 : (byte)0x00;   // drep[0]: integer order, ASCII characters
        d[5] = 0x00;                               // drep[1]: IEEE floats
        d[6] = 0x00;                               // drep[2]: reserved
        d[7] = 0x00;                               // serial_hi
        WriteUuid(d.AsSpan(8), little, 0xDEA00000, 0x6C97, 0x11D1, [0x82, 0x71, 0x00, 0x01, 0x00, 0x03, 0x01, 0x5A]); // object: instance 1, device 3, vendor 0x015A
        WriteUuid(d.AsSpan(24), little, 0xDEA00000u | iface, 0x6C97, 0x11D1, [0x82, 0x71, 0x00, 0xA0, 0x24, 0x42, 0xDF, 0x7D]); // interface: PNIO device/controller/...
        WriteUuid(d.AsSpan(40), little, 0x1D000000, 0x5443, 0xB250, [0x0B, 0x01, 0x63, 0x0A, 0xBA, 0xFD, 0x00, 0x01]); // activity
        Write32(d.AsSpan(56), little, 0);          // server_boot
        Write32(d.AsSpan(60), little, 1);          // if_vers 1.0
        Write32(d.AsSpan(64), little, sequence);   // seqnum
        Write16(d.AsSpan(68), little, opnum);      // opnum
        Write16(d.AsSpan(70), little, 0xFFFF);     // ihint
        Write16(d.AsSpan(72), little, 0xFFFF);     // ahint
        Write16(d.AsSpan(74), little, fragmentLength ?? body.Length); // len: body octets
        Write16(d.AsSpan(76), little, fragmentNumber); // fragnum
        d[78] = 0x00;                              // auth_proto: none
        d[79] = 0x00;                              // serial_lo
        body.CopyTo(d, 80);
        return d;
    }

    /// <summary>ReadImplicit request body (little-endian NDR), as in ICS-Security-Tools profinet.pcap frame 1: I&amp;M0 filter data.</summary>
    public static readonly byte[] ReadImplicitRequestBody =
    [
        0x40, 0x80, 0x00, 0x00, // ArgsMaximum 32832
        0x40, 0x00, 0x00, 0x00, // ArgsLength 64
        0x40, 0x80, 0x00, 0x00, // MaximumCount 32832
        0x00, 0x00, 0x00, 0x00, // Offset 0
        0x40, 0x00, 0x00, 0x00, // ActualCount 64
        0x00, 0x09,             // BlockType IODReadReqHeader
        0x00, 0x3C,             // BlockLength 60
        0x01, 0x00,             // BlockVersion 1.0
        0x00, 0x0A,             // SeqNumber 10
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, // ARUUID: nil (implicit AR)
        0x00, 0x00, 0x00, 0x00, // API 0
        0x00, 0x00,             // SlotNumber 0
        0x00, 0x01,             // SubslotNumber 1
        0x00, 0x00,             // Padding
        0xF8, 0x40,             // Index 0xF840 I&M0FilterData
        0x00, 0x00, 0x80, 0x00, // RecordDataLength 32768 (maximum to read)
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, // TargetARUUID
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, // RWPadding
    ];

    /// <summary>Write request body (big-endian NDR): one record, index 0x0001 on slot 1/subslot 1, four data octets.</summary>
    public static readonly byte[] WriteRequestBody =
    [
        0x00, 0x00, 0x10, 0x00, // ArgsMaximum 4096
        0x00, 0x00, 0x00, 0x44, // ArgsLength 68
        0x00, 0x00, 0x10, 0x00, // MaximumCount 4096
        0x00, 0x00, 0x00, 0x00, // Offset 0
        0x00, 0x00, 0x00, 0x44, // ActualCount 68
        0x00, 0x08,             // BlockType IODWriteReqHeader
        0x00, 0x3C,             // BlockLength 60
        0x01, 0x00,             // BlockVersion 1.0
        0x00, 0x02,             // SeqNumber 2
        0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xAA, 0xBB, 0xCC, 0xDD, 0xEE, 0xFF, 0x00, // ARUUID
        0x00, 0x00, 0x00, 0x00, // API 0
        0x00, 0x01,             // SlotNumber 1
        0x00, 0x01,             // SubslotNumber 1
        0x00, 0x00,             // Padding
        0x00, 0x01,             // Index 0x0001 (manufacturer parameter record)
        0x00, 0x00, 0x00, 0x04, // RecordDataLength 4
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, // RWPadding
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        0xDE, 0xAD, 0xBE, 0xEF, // RecordDataWrite (opaque, not blocks)
    ];

    /// <summary>Control request body (big-endian NDR): IODControlReq PrmEnd.</summary>
    public static readonly byte[] ControlPrmEndBody = ControlBody(request: true, blockType: 0x0110, command: 0x0001);

    /// <summary>Control response body (little-endian NDR): IODControlRes with Done.</summary>
    public static readonly byte[] ControlDoneBodyLittle = ControlBody(request: false, blockType: 0x8110, command: 0x0008, little: true);

    /// <summary>Release request body (big-endian NDR): IODReleaseReq with ControlCommand Release.</summary>
    public static readonly byte[] ReleaseBody = ControlBody(request: true, blockType: 0x0114, command: 0x0004);

    /// <summary>Connect request body (big-endian NDR): ARBlockReq naming the controller "plc-1", then an IOCRBlockReq.</summary>
    public static readonly byte[] ConnectRequestBody =
    [
        0x00, 0x00, 0x10, 0x00, // ArgsMaximum 4096
        0x00, 0x00, 0x00, 0x45, // ArgsLength 69
        0x00, 0x00, 0x10, 0x00, // MaximumCount 4096
        0x00, 0x00, 0x00, 0x00, // Offset 0
        0x00, 0x00, 0x00, 0x45, // ActualCount 69
        0x01, 0x01,             // BlockType ARBlockReq
        0x00, 0x3B,             // BlockLength 59
        0x01, 0x00,             // BlockVersion 1.0
        0x00, 0x01,             // ARType: IOCARSingle
        0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xAA, 0xBB, 0xCC, 0xDD, 0xEE, 0xFF, 0x00, // ARUUID
        0x00, 0x01,             // SessionKey
        0x00, 0x0E, 0x8C, 0x01, 0x02, 0x03, // CMInitiatorMacAdd
        0xDE, 0xA0, 0x00, 0x00, 0x6C, 0x97, 0x11, 0xD1, 0x82, 0x71, 0x00, 0x64, 0x01, 0x19, 0x00, 0x2A, // CMInitiatorObjectUUID
        0x00, 0x00, 0x00, 0x11, // ARProperties
        0x00, 0x64,             // CMInitiatorActivityTimeoutFactor 100
        0x88, 0x92,             // CMInitiatorUDPRTPort
        0x00, 0x05,             // StationNameLength 5
        (byte)'p', (byte)'l', (byte)'c', (byte)'-', (byte)'1', // CMInitiatorStationName
        0x01, 0x02,             // BlockType IOCRBlockReq
        0x00, 0x02,             // BlockLength 2 (content cut in this vector: only counted)
        0x01, 0x00,             // BlockVersion 1.0
    ];

    /// <summary>Fault body: NCA status (little endian) nca_s_fault_remote_no_memory 0x1C010003.</summary>
    public static readonly byte[] FaultBody = [0x03, 0x00, 0x01, 0x1C];

    public static byte[] ReadImplicitRequest => Rpc(little: true, packetType: 0, opnum: 5, ReadImplicitRequestBody);

    public static byte[] WriteRequest => Rpc(little: false, packetType: 0, opnum: 3, WriteRequestBody, sequence: 2);

    public static byte[] ControlPrmEnd => Rpc(little: false, packetType: 0, opnum: 4, ControlPrmEndBody, sequence: 4);

    public static byte[] ControlDone => Rpc(little: true, packetType: 2, opnum: 4, ControlDoneBodyLittle, sequence: 4);

    public static byte[] Release => Rpc(little: false, packetType: 0, opnum: 1, ReleaseBody, sequence: 5);

    public static byte[] Connect => Rpc(little: false, packetType: 0, opnum: 0, ConnectRequestBody, sequence: 0);

    /// <summary>ApplicationReady from the device to the controller's interface (DEA00002).</summary>
    public static byte[] ApplicationReady => Rpc(little: true, packetType: 0, opnum: 4, ControlBody(request: true, blockType: 0x0112, command: 0x0002, little: true), sequence: 0, iface: 0x02);

    public static byte[] Ping => Rpc(little: true, packetType: 1, opnum: 4, [], sequence: 4);

    public static byte[] Fault => Rpc(little: true, packetType: 3, opnum: 4, FaultBody, sequence: 4);

    /// <summary>The <see cref="WriteRequestBody"/> call split in two fragments of 40 and 48 octets.</summary>
    public static byte[][] FragmentedWrite =>
    [
        Rpc(little: false, packetType: 0, opnum: 3, WriteRequestBody[..40], sequence: 9, flags1: Idempotent | Fragment, fragmentNumber: 0),
        Rpc(little: false, packetType: 0, opnum: 3, WriteRequestBody[40..], sequence: 9, flags1: Idempotent | Fragment | LastFragment, fragmentNumber: 1),
    ];

    /// <summary>
    /// IODControlReq/Res body: NDR header (ArgsMaximum or PNIOStatus, ArgsLength, MaximumCount, Offset,
    /// ActualCount), then the 32-octet control block.
    /// </summary>
    private static byte[] ControlBody(bool request, int blockType, int command, bool little = false)
    {
        byte[] block =
        [
            (byte)(blockType >> 8), (byte)blockType, // BlockType
            0x00, 0x1C,             // BlockLength 28
            0x01, 0x00,             // BlockVersion 1.0
            0x00, 0x00,             // Reserved
            0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xAA, 0xBB, 0xCC, 0xDD, 0xEE, 0xFF, 0x00, // ARUUID
            0x00, 0x01,             // SessionKey
            0x00, 0x00,             // Reserved (AlarmSequenceNumber)
            (byte)(command >> 8), (byte)command, // ControlCommand
            0x00, 0x00,             // ControlBlockProperties
        ];
        var body = new byte[20 + block.Length];
        if (request) Write32(body, little, 4096);  // ArgsMaximum
        // else PNIOStatus 00 00 00 00: OK
        Write32(body.AsSpan(4), little, (uint)block.Length);  // ArgsLength
        Write32(body.AsSpan(8), little, request ? 4096u : (uint)block.Length); // MaximumCount
        Write32(body.AsSpan(12), little, 0);                 // Offset
        Write32(body.AsSpan(16), little, (uint)block.Length); // ActualCount
        block.CopyTo(body, 20);
        return body;
    }

    private static void WriteUuid(Span<byte> d, bool little, uint a, ushort b, ushort c, byte[] rest)
    {
        Write32(d, little, a);
        Write16(d[4..], little, b);
        Write16(d[6..], little, c);
        rest.CopyTo(d[8..]);
    }

    private static void Write32(Span<byte> d, bool little, uint v)
    {
        if (little) BinaryPrimitives.WriteUInt32LittleEndian(d, v);
        else BinaryPrimitives.WriteUInt32BigEndian(d, v);
    }

    private static void Write16(Span<byte> d, bool little, int v)
    {
        if (little) BinaryPrimitives.WriteUInt16LittleEndian(d, (ushort)v);
        else BinaryPrimitives.WriteUInt16BigEndian(d, (ushort)v);
    }
}
