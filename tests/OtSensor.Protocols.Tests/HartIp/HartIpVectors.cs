namespace OtSensor.Protocols.Tests.HartIp;

/// <summary>
/// Annotated HART-IP messages, taken from the public captures (nDPI hart_ip.pcap, icsnpp hart-ip_all_messageIDs and
/// hart-ip_publish_and_keepAlive); malformed twins change one field.
/// </summary>
public static class HartIpVectors
{
    public static byte[] SessionInitiateRequest =>
    [
        0x01,       // version 1
        0x00,       // message type 0 request
        0x00,       // message id 0 Session Initiate
        0x00,       // status
        0x00, 0x02, // sequence 2
        0x00, 0x0D, // byte count 13
        0x01,                   // master type 1 primary
        0x00, 0x00, 0x75, 0x30, // inactivity close timer 30000 ms
    ];

    public static byte[] SessionInitiateResponse =>
    [
        0x01, 0x01, 0x00, 0x00, 0x00, 0x02, 0x00, 0x0D, // v1, response, Session Initiate, status 0, seq 2, 13 bytes
        0x01, 0x00, 0x00, 0xEA, 0x60,                   // primary master, timer 60000 ms
    ];

    public static byte[] KeepAliveRequest => [0x01, 0x00, 0x02, 0x00, 0x00, 0x0C, 0x00, 0x08]; // v1 request Keep Alive seq 12, 8 bytes

    public static byte[] SessionCloseResponse => [0x01, 0x01, 0x01, 0x00, 0x00, 0x0D, 0x00, 0x08]; // v1 response Session Close seq 13

    /// <summary>Token-passing PDU: command 0 to the long address 26 4E 00 00 D2.</summary>
    public static byte[] Command0Request =>
    [
        0x01, 0x00, 0x03, 0x00, 0x00, 0x03, 0x00, 0x11, // v1 request, Token-Passing PDU, seq 3, 17 bytes
        0x82,                         // delimiter: long address, STX (master to device)
        0x26, 0x4E, 0x00, 0x00, 0xD2, // long address
        0x00,                         // command 0 Read Unique Identifier
        0x00,                         // byte count 0
        0x38,                         // check byte: XOR of the 8 bytes before
    ];

    /// <summary>Command 0 response of a HART 7 device: manufacturer 0x0026, device type 0x264E, device id 0x0000D2.</summary>
    public static byte[] Command0Response =>
    [
        0x01, 0x01, 0x03, 0x00, 0x00, 0x03, 0x00, 0x29, // v1 response, Token-Passing PDU, seq 3, 41 bytes
        0x86,                         // delimiter: long address, ACK (device to master)
        0x26, 0x4E, 0x00, 0x00, 0xD2, // long address
        0x00,                         // command 0
        0x18,                         // byte count 24
        0x00,                         // response code 0 success
        0xD0,                         // field device status
        0xFE,                         // 254 expansion
        0x26, 0x4E,                   // expanded device type 0x264E
        0x05,                         // minimum preambles master to slave
        0x07,                         // HART revision 7
        0x04,                         // device revision 4
        0x01,                         // software revision 1
        0x0E,                         // hardware revision 1 (bits 7-3), physical signalling 6
        0x0C,                         // flags
        0x00, 0x00, 0xD2,             // device id
        0x05,                         // minimum preambles slave to master
        0x02,                         // maximum device variables
        0x00, 0x02,                   // configuration change counter
        0xD0,                         // extended field device status
        0x00, 0x26,                   // manufacturer id 0x0026
        0x00, 0x26,                   // private label distributor
        0x84,                         // device profile
        0xE4,                         // check byte
    ];

    /// <summary>Command 20 (Read Long Tag) response: "wihartgw" padded with zeros to 32 bytes.</summary>
    public static byte[] Command20Response =>
    [
        0x01, 0x01, 0x03, 0x00, 0x00, 0x0A, 0x00, 0x33, // v1 response, Token-Passing PDU, seq 10, 51 bytes
        0x86, 0x26, 0x4E, 0x00, 0x00, 0xD2,             // ACK, long address
        0x14,                                           // command 20 Read Long Tag
        0x22,                                           // byte count 34
        0x00, 0xD0,                                     // response code 0, device status
        (byte)'w', (byte)'i', (byte)'h', (byte)'a', (byte)'r', (byte)'t', (byte)'g', (byte)'w', // long tag
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,               // padding to 32
        0xDB,                                           // check byte
    ];

    /// <summary>Short-address frame: command 0 to polling address 0 with the primary master bit.</summary>
    public static byte[] ShortCommand0Request =>
    [
        0x01, 0x00, 0x03, 0x00, 0x00, 0x01, 0x00, 0x0D, // v1 request, Token-Passing PDU, seq 1, 13 bytes
        0x02,       // delimiter: short address, STX
        0x80,       // polling address 0, primary master
        0x00,       // command 0
        0x00,       // byte count 0
        0x82,       // check byte
    ];

    /// <summary>Extended command 31 carrying command 533 (HART 7).</summary>
    public static byte[] ExtendedCommandRequest =>
    [
        0x01, 0x00, 0x03, 0x00, 0x00, 0x0C, 0x00, 0x1A, // v1 request, Token-Passing PDU, seq 12, 26 bytes
        0x82, 0xB9, 0xFD, 0x95, 0x26, 0x6F,             // STX, long address
        0x1F,                                           // command 31 extended
        0x09,                                           // byte count 9
        0x02, 0x15,                                     // extended command 533
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01,       // command data
        0x1A,                                           // check byte
    ];

    /// <summary>Publish (burst) of command 9 from a HART 7 device.</summary>
    public static byte[] BurstCommand9Publish =>
    [
        0x01, 0x02, 0x03, 0x00, 0x00, 0x01, 0x00, 0x30, // v1 publish, Token-Passing PDU, seq 1, 48 bytes
        0x81,                                           // delimiter: long address, BACK (burst)
        0x40, 0xFD, 0x95, 0x26, 0x6F,                   // long address (burst mode bit set)
        0x09,                                           // command 9 Read Device Variables With Status
        0x1F,                                           // byte count 31
        0x00, 0x10,                                     // response code 0, device status
        0x01, 0x00, 0x00, 0x4B, 0x46, 0x38, 0x6E, 0x3D, 0xC0, 0x01, 0x00, 0x27, 0x42, 0xA7, 0xF4, 0x2C,
        0x40, 0x02, 0x00, 0x3D, 0x00, 0x00, 0x00, 0x00, 0x00, 0xA3, 0x9F, 0x5E, 0xC2, // device variables, time
        0x85,                                           // check byte
    ];

    /// <summary>Direct PDU (message id 4): command 54 with one data byte.</summary>
    public static byte[] DirectPduRequest =>
    [
        0x01, 0x00, 0x04, 0x00, 0x00, 0x04, 0x00, 0x0E, // v1 request, Direct PDU, seq 4, 14 bytes
        0x00,       // device status
        0x00,       // extended device status
        0x00, 0x36, // command 54 Read Device Variable Information
        0x01,       // byte count 1
        0x00,       // device variable code 0
    ];

    /// <summary>Read Audit Log request (message id 5): start record 0, 255 records.</summary>
    public static byte[] ReadAuditLogRequest => [0x01, 0x00, 0x05, 0x00, 0x00, 0x05, 0x00, 0x0A, 0x00, 0xFF];

    /// <summary><see cref="Command0Request"/> with a wrong check byte.</summary>
    public static byte[] Command0RequestBadChecksum
    {
        get
        {
            var bytes = Command0Request;
            bytes[^1] = 0x00; // check byte 0x00 instead of 0x38
            return bytes;
        }
    }

    /// <summary><see cref="Command0Response"/> whose HART byte count (0x30 = 48) runs past the message.</summary>
    public static byte[] Command0ResponseByteCountLie
    {
        get
        {
            var bytes = Command0Response;
            bytes[15] = 0x30; // byte count 48, 25 bytes follow
            return bytes;
        }
    }

    /// <summary>Token-passing PDU with delimiter frame type 5 (undefined).</summary>
    public static byte[] BadDelimiterRequest
    {
        get
        {
            var bytes = Command0Request;
            bytes[8] = 0x85; // frame type 5
            bytes[^1] ^= 0x82 ^ 0x85; // keep the parity right so only the delimiter is wrong
            return bytes;
        }
    }
}
