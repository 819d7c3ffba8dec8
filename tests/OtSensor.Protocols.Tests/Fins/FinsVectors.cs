namespace OtSensor.Protocols.Tests.Fins;

/// <summary>
/// Annotated FINS frames and FINS/TCP messages from ICS-Security-Tools omron_test.pcap (frames 6–9, 17–18); Run,
/// Stop and Memory Area Write built from the W342 layouts. Malformed twins change one field.
/// </summary>
public static class FinsVectors
{
    /// <summary>FINS/UDP Controller Data Read command (frame 17).</summary>
    public static byte[] ControllerDataReadCommand =>
    [
        0x80,             // ICF: command, response required
        0x00,             // RSV
        0x02,             // GCT gateway count 2
        0x00, 0x00, 0x00, // DNA DA1 DA2: network 0, node 0, unit 0 (CPU)
        0x00, 0x63, 0x00, // SNA SA1 SA2: network 0, node 99, unit 0
        0xEF,             // SID 239
        0x05, 0x01,       // command 05 01 Controller Data Read
        0x00,             // read all controller data
    ];

    /// <summary>Its response: end code 0, model CP1L-EL20DR-D, version 01.00 (frame 18, data after the versions trimmed).</summary>
    public static byte[] ControllerDataReadResponse =>
    [
        0xC0, 0x00, 0x02, // ICF response, RSV, GCT
        0x00, 0x63, 0x00, // destination: node 99
        0x00, 0xC8, 0x00, // source: node 200
        0xEF,             // SID 239
        0x05, 0x01,       // command 05 01
        0x00, 0x00,       // end code 0 normal completion
        .. "CP1L-EL20DR-D"u8, 0x00, 0x00, 0x00, 0x20, 0x20, 0x20, 0x20, // CPU Unit model (20)
        .. "01.00"u8, 0, 0, 0, 0, 0, .. "01.06"u8, 0, 0, 0, 0, 0,       // CPU Unit version (20)
    ];

    /// <summary>FINS/TCP client node address request (frame 6).</summary>
    public static byte[] TcpNodeAddressRequest =>
    [
        .. "FINS"u8,             // magic
        0x00, 0x00, 0x00, 0x0C,  // length 12
        0x00, 0x00, 0x00, 0x00,  // command 0 node address data send (client)
        0x00, 0x00, 0x00, 0x00,  // error code 0
        0x00, 0x00, 0x00, 0x00,  // client node 0: ask the server to assign one
    ];

    /// <summary>FINS/TCP server node address response (frame 7).</summary>
    public static byte[] TcpNodeAddressResponse =>
    [
        .. "FINS"u8, 0x00, 0x00, 0x00, 0x10, // magic, length 16
        0x00, 0x00, 0x00, 0x01,  // command 1 node address data send (server)
        0x00, 0x00, 0x00, 0x00,  // error code 0
        0x00, 0x00, 0x00, 0xFB,  // client node 251
        0x00, 0x00, 0x00, 0xC8,  // server node 200
    ];

    /// <summary>FINS/TCP frame send carrying Controller Data Read (frame 8).</summary>
    public static byte[] TcpControllerDataRead =>
    [
        .. "FINS"u8, 0x00, 0x00, 0x00, 0x15, // magic, length 21
        0x00, 0x00, 0x00, 0x02,  // command 2 FINS frame send
        0x00, 0x00, 0x00, 0x00,  // error code 0
        0x80, 0x00, 0x02, 0x00, 0xC8, 0x00, 0x00, 0x00, 0xEF, 0x05, // ICF RSV GCT DNA DA1 DA2 SNA SA1 SA2 SID
        0x05, 0x01, 0x00,        // command 05 01, all data
    ];

    /// <summary>Run (04 01) in monitor mode.</summary>
    public static byte[] RunCommand =>
    [
        0x80, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x63, 0x00, 0x01, // header, SID 1
        0x04, 0x01,       // command 04 01 Run
        0xFF, 0xFF,       // program number FFFF
        0x02,             // mode 02 monitor
    ];

    /// <summary>Stop (04 02).</summary>
    public static byte[] StopCommand =>
    [
        0x80, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x63, 0x00, 0x02, // header, SID 2
        0x04, 0x02,       // command 04 02 Stop
        0xFF, 0xFF,       // program number FFFF
    ];

    /// <summary>Memory Area Write of one DM word.</summary>
    public static byte[] MemoryAreaWrite =>
    [
        0x80, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x63, 0x00, 0x03, // header, SID 3
        0x01, 0x02,       // command 01 02 Memory Area Write
        0x82,             // memory area DM word
        0x00, 0x64, 0x00, // address 100, bit 0
        0x00, 0x01,       // 1 item
        0x12, 0x34,       // value
    ];
}
