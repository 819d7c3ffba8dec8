namespace OtSensor.Protocols.Tests.Ads;

/// <summary>
/// Annotated AMS packets and discovery datagrams: reads, device info and discovery from the public captures
/// (nDPI beckhoff_ads, ICS-Security-Tools addroute/beckoffiplink); Write and Write Control built from the ADS
/// specification layout (no public capture holds one). Every field is little-endian.
/// </summary>
public static class AdsVectors
{
    private static readonly byte[] Client = [0xC0, 0xA8, 0x01, 0x63, 0x01, 0x01]; // AMS Net Id 192.168.1.99.1.1
    private static readonly byte[] Plc = [0x05, 0x0D, 0x75, 0x60, 0x01, 0x01];    // AMS Net Id 5.13.117.96.1.1

    public static byte[] ReadDeviceInfoRequest =>
    [
        0x00, 0x00,             // AMS/TCP reserved
        0x20, 0x00, 0x00, 0x00, // AMS/TCP length 32
        .. Plc, 0x20, 0x03,     // target net id, port 800 (PLC runtime 1)
        .. Client, 0x0F, 0x80,  // source net id, port 32783
        0x01, 0x00,             // command 1 Read Device Info
        0x04, 0x00,             // state flags: ADS command, request
        0x00, 0x00, 0x00, 0x00, // data length 0
        0x00, 0x00, 0x00, 0x00, // error code 0
        0x03, 0x01, 0x00, 0x00, // invoke id 259
    ];

    public static byte[] ReadDeviceInfoResponse =>
    [
        0x00, 0x00, 0x38, 0x00, 0x00, 0x00, // AMS/TCP: reserved, length 56
        .. Client, 0x0F, 0x80,              // target
        .. Plc, 0x20, 0x03,                 // source
        0x01, 0x00,             // command 1
        0x05, 0x00,             // state flags: ADS command, response
        0x18, 0x00, 0x00, 0x00, // data length 24
        0x00, 0x00, 0x00, 0x00, // error code 0
        0x03, 0x01, 0x00, 0x00, // invoke id 259
        0x00, 0x00, 0x00, 0x00, // result 0
        0x02,                   // major version 2
        0x0B,                   // minor version 11
        0x37, 0x08,             // build 2103
        .. "PLC Server"u8, 0, 0, 0, 0, 0, 0, // device name (16)
    ];

    /// <summary>Read of 4 bytes at 0x0000F003/0 (the response carries its own length).</summary>
    public static byte[] ReadRequest =>
    [
        0x00, 0x00, 0x2C, 0x00, 0x00, 0x00, // AMS/TCP: length 44
        .. Plc, 0x01, 0x01, .. Client, 0x0F, 0x80, // target port 257, source port 32783
        0x02, 0x00,             // command 2 Read
        0x04, 0x00,             // request
        0x0C, 0x00, 0x00, 0x00, // data length 12
        0x00, 0x00, 0x00, 0x00, // error 0
        0xE3, 0x00, 0x00, 0x00, // invoke id 227
        0x03, 0x00, 0x00, 0x00, // index group 3
        0x02, 0x00, 0x00, 0x00, // index offset 2
        0x04, 0x00, 0x00, 0x00, // length 4
    ];

    public static byte[] ReadResponse =>
    [
        0x00, 0x00, 0x2C, 0x00, 0x00, 0x00, // AMS/TCP: length 44
        .. Client, 0x0F, 0x80, .. Plc, 0x01, 0x01,
        0x02, 0x00,             // command 2
        0x05, 0x00,             // response
        0x0C, 0x00, 0x00, 0x00, // data length 12
        0x00, 0x00, 0x00, 0x00, // error 0
        0xE3, 0x00, 0x00, 0x00, // invoke id 227
        0x00, 0x00, 0x00, 0x00, // result 0
        0x04, 0x00, 0x00, 0x00, // length 4
        0x04, 0x00, 0x00, 0x00, // data
    ];

    /// <summary>Read State response: ADS state 5 Run, device state 0.</summary>
    public static byte[] ReadStateResponse =>
    [
        0x00, 0x00, 0x28, 0x00, 0x00, 0x00, // AMS/TCP: length 40
        .. Client, 0x10, 0x80, .. Plc, 0x10, 0x27,  // source port 10000 (system service)
        0x04, 0x00,             // command 4 Read State
        0x05, 0x00,             // response
        0x08, 0x00, 0x00, 0x00, // data length 8
        0x00, 0x00, 0x00, 0x00, // error 0
        0x03, 0x00, 0x00, 0x00, // invoke id 3
        0x00, 0x00, 0x00, 0x00, // result 0
        0x05, 0x00,             // ADS state 5 Run
        0x00, 0x00,             // device state 0
    ];

    /// <summary>Write Control: set the PLC runtime to ADS state 6 Stop.</summary>
    public static byte[] WriteControlStop => WriteControl(6);

    /// <summary>Write Control: set the PLC runtime to ADS state 5 Run.</summary>
    public static byte[] WriteControlRun => WriteControl(5);

    /// <summary>Write Control: set the system service to ADS state 16 Reconfig (TwinCAT restarts in config mode).</summary>
    public static byte[] WriteControlReconfig => WriteControl(16);

    private static byte[] WriteControl(byte state) =>
    [
        0x00, 0x00, 0x28, 0x00, 0x00, 0x00, // AMS/TCP: length 40
        .. Plc, 0x20, 0x03, .. Client, 0x0F, 0x80,
        0x05, 0x00,             // command 5 Write Control
        0x04, 0x00,             // request
        0x08, 0x00, 0x00, 0x00, // data length 8
        0x00, 0x00, 0x00, 0x00, // error 0
        0x10, 0x00, 0x00, 0x00, // invoke id 16
        state, 0x00,            // ADS state
        0x00, 0x00,             // device state 0
        0x00, 0x00, 0x00, 0x00, // length 0 (no data)
    ];

    /// <summary>Write of 2 bytes to %M (index group 0x4020) offset 0.</summary>
    public static byte[] WriteRequest =>
    [
        0x00, 0x00, 0x2E, 0x00, 0x00, 0x00, // AMS/TCP: length 46
        .. Plc, 0x20, 0x03, .. Client, 0x0F, 0x80,
        0x03, 0x00,             // command 3 Write
        0x04, 0x00,             // request
        0x0E, 0x00, 0x00, 0x00, // data length 14
        0x00, 0x00, 0x00, 0x00, // error 0
        0x11, 0x00, 0x00, 0x00, // invoke id 17
        0x20, 0x40, 0x00, 0x00, // index group 0x4020
        0x00, 0x00, 0x00, 0x00, // index offset 0
        0x02, 0x00, 0x00, 0x00, // length 2
        0x01, 0x00,             // data
    ];

    /// <summary>Discovery request (service 1) from 192.168.1.199.1.1 port 10000.</summary>
    public static byte[] DiscoveryRequest =>
    [
        0x03, 0x66, 0x14, 0x71, // magic
        0x00, 0x00, 0x00, 0x00, // invoke id 0
        0x01, 0x00, 0x00, 0x00, // service 1 discovery, request
        0xC0, 0xA8, 0x01, 0xC7, 0x01, 0x01, // AMS Net Id
        0x10, 0x27,             // AMS port 10000
        0x00, 0x00, 0x00, 0x00, // tag count 0
    ];

    /// <summary>Discovery response: host name CX_0D7560.</summary>
    public static byte[] DiscoveryResponse =>
    [
        0x03, 0x66, 0x14, 0x71, // magic
        0x00, 0x00, 0x00, 0x00, // invoke id 0
        0x01, 0x00, 0x00, 0x80, // service 1, response bit
        .. Plc, 0x10, 0x27,     // AMS Net Id, port 10000
        0x01, 0x00, 0x00, 0x00, // tag count 1
        0x05, 0x00,             // tag 5 host name
        0x0A, 0x00,             // length 10
        .. "CX_0D7560"u8, 0x00, // host name, NUL-terminated
    ];

    /// <summary><see cref="ReadRequest"/> with an AMS/TCP length of 60 where 44 bytes follow (the AMS data length says 12).</summary>
    public static byte[] ReadRequestLengthLie
    {
        get
        {
            var bytes = ReadRequest;
            bytes[2] = 0x3C;
            return bytes;
        }
    }
}
