namespace OtSensor.Protocols.Tests.Melsec;

/// <summary>
/// Annotated MC protocol (SLMP) binary frames following the SLMP Reference Manual (SH-080956ENG) examples: own
/// station (network 0, PC FF, module I/O 03FF, station 0), little-endian. No public capture holds SLMP.
/// </summary>
public static class MelsecVectors
{
    private static byte[] Route => [0x00, 0xFF, 0xFF, 0x03, 0x00]; // network 0, PC FF, module I/O 03FF, station 0

    /// <summary>3E batch read of one word at D100.</summary>
    public static byte[] BatchRead3E =>
    [
        0x50, 0x00,       // subheader 3E request
        .. Route,
        0x0C, 0x00,       // data length 12
        0x10, 0x00,       // monitoring timer 16 × 250 ms
        0x01, 0x04,       // command 0401 Device Read (batch)
        0x00, 0x00,       // subcommand 0000 (word units)
        0x64, 0x00, 0x00, // head device number 100
        0xA8,             // device code D
        0x01, 0x00,       // 1 point
    ];

    public static byte[] BatchRead3EResponse =>
    [
        0xD0, 0x00,       // subheader 3E response
        .. Route,
        0x04, 0x00,       // data length 4
        0x00, 0x00,       // end code 0
        0x34, 0x12,       // D100 = 0x1234
    ];

    public static byte[] ReadTypeName =>
    [
        0x50, 0x00, .. Route,
        0x06, 0x00,       // data length 6
        0x10, 0x00,       // monitoring timer
        0x01, 0x01,       // command 0101 Read Type Name
        0x00, 0x00,       // subcommand
    ];

    public static byte[] ReadTypeNameResponse =>
    [
        0xD0, 0x00, .. Route,
        0x14, 0x00,       // data length 20
        0x00, 0x00,       // end code 0
        .. "Q03UDECPU       "u8, // CPU model name (16)
        0x68, 0x02,       // model code 0x0268
    ];

    public static byte[] RemoteStop =>
    [
        0x50, 0x00, .. Route,
        0x08, 0x00,       // data length 8
        0x10, 0x00,       // monitoring timer
        0x02, 0x10,       // command 1002 Remote Stop
        0x00, 0x00,       // subcommand
        0x01, 0x00,       // mode 1: do not execute forcibly
    ];

    public static byte[] RemoteStopResponse => [0xD0, 0x00, .. Route, 0x02, 0x00, 0x00, 0x00]; // length 2, end code 0

    /// <summary>4E batch read, serial number 0x1234.</summary>
    public static byte[] BatchRead4E =>
    [
        0x54, 0x00,       // subheader 4E request
        0x34, 0x12,       // serial number 0x1234
        0x00, 0x00,       // fixed 0
        .. Route,
        0x0C, 0x00, 0x10, 0x00, 0x01, 0x04, 0x00, 0x00, 0x64, 0x00, 0x00, 0xA8, 0x01, 0x00, // as the 3E read
    ];

    public static byte[] BatchRead4EResponse =>
    [
        0xD4, 0x00, 0x34, 0x12, 0x00, 0x00, // 4E response, serial 0x1234, fixed 0
        .. Route, 0x04, 0x00, 0x00, 0x00, 0x34, 0x12,
    ];
}
