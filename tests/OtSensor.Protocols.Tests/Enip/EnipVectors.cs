namespace OtSensor.Protocols.Tests.Enip;

/// <summary>
/// Annotated EtherNet/IP and CIP test vectors (ODVA CIP Vol. 1 and Vol. 2). The ListIdentity reply is copied from
/// suricata-verify enip_test1.pcap frame 6; the others are built field by field from the specification.
/// Encapsulation fields are little endian; the socket address inside the identity item is big endian.
/// </summary>
internal static class EnipVectors
{
    /// <summary>ListIdentity request (Vol. 2 §2-4.2): header only.</summary>
    public static readonly byte[] ListIdentityRequest =
    [
        0x63, 0x00,                                     // command 0x0063 List Identity
        0x00, 0x00,                                     // length 0
        0x00, 0x00, 0x00, 0x00,                         // session handle (none needed)
        0x00, 0x00, 0x00, 0x00,                         // status 0
        0x00, 0x00, 0x00, 0x00, 0xC1, 0xDE, 0xBE, 0xD1, // sender context
        0x00, 0x00, 0x00, 0x00,                         // options 0
    ];

    /// <summary>suricata-verify enip_test1.pcap frame 6: a 1756-ENBT/A answers ListIdentity.</summary>
    public static readonly byte[] ListIdentityReply =
    [
        0x63, 0x00,                                     // command List Identity
        0x33, 0x00,                                     // length 51
        0x00, 0x00, 0x00, 0x00,                         // session handle
        0x00, 0x00, 0x00, 0x00,                         // status 0 success
        0x00, 0x00, 0x00, 0x00, 0xC1, 0xDE, 0xBE, 0xD1, // sender context echoed
        0x00, 0x00, 0x00, 0x00,                         // options
        0x01, 0x00,                                     // CPF item count 1
        0x0C, 0x00,                                     // item type 0x0C CIP Identity
        0x2D, 0x00,                                     // item length 45
        0x01, 0x00,                                     // encapsulation protocol version 1
        0x00, 0x02,                                     // sin_family 2 (big endian)
        0xAF, 0x12,                                     // sin_port 44818 (big endian)
        0x0A, 0x01, 0x01, 0xA4,                         // sin_addr 10.1.1.164
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, // sin_zero
        0x01, 0x00,                                     // vendor id 1 Rockwell Automation/Allen-Bradley
        0x0C, 0x00,                                     // device type 12 communications adapter
        0x3A, 0x00,                                     // product code 58
        0x04, 0x03,                                     // revision major 4, minor 3
        0x30, 0x00,                                     // status 0x0030
        0x8E, 0x4D, 0x52, 0x00,                         // serial 0x00524D8E
        0x0B,                                           // product name length 11
        (byte)'1', (byte)'7', (byte)'5', (byte)'6', (byte)'-', (byte)'E', (byte)'N', (byte)'B', (byte)'T', (byte)'/', (byte)'A',
        0x03,                                           // state 3
    ];

    /// <summary>RegisterSession request (Vol. 2 §2-4.4): protocol version 1, option flags 0.</summary>
    public static readonly byte[] RegisterSessionRequest =
    [
        0x65, 0x00,                                     // command Register Session
        0x04, 0x00,                                     // length 4
        0x00, 0x00, 0x00, 0x00,                         // session handle 0 (not yet assigned)
        0x00, 0x00, 0x00, 0x00,                         // status
        0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, // sender context
        0x00, 0x00, 0x00, 0x00,                         // options
        0x01, 0x00,                                     // protocol version 1
        0x00, 0x00,                                     // option flags
    ];

    /// <summary>RegisterSession reply: the target assigns session handle 0x12345678.</summary>
    public static readonly byte[] RegisterSessionReply =
    [
        0x65, 0x00, 0x04, 0x00,                         // Register Session, length 4
        0x78, 0x56, 0x34, 0x12,                         // session handle 0x12345678
        0x00, 0x00, 0x00, 0x00,                         // status success
        0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, // sender context echoed
        0x00, 0x00, 0x00, 0x00,                         // options
        0x01, 0x00, 0x00, 0x00,                         // protocol version 1, option flags 0
    ];

    /// <summary>SendRRData carrying an unconnected Get Attribute Single of Identity instance 1 attribute 7 (product name).</summary>
    public static readonly byte[] SendRRDataGetAttributeSingle =
    [
        0x6F, 0x00,                                     // command Send RR Data
        0x18, 0x00,                                     // length 24
        0x78, 0x56, 0x34, 0x12,                         // session handle
        0x00, 0x00, 0x00, 0x00,                         // status
        0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, // sender context
        0x00, 0x00, 0x00, 0x00,                         // options
        0x00, 0x00, 0x00, 0x00,                         // interface handle 0 (CIP)
        0x0A, 0x00,                                     // timeout 10 s
        0x02, 0x00,                                     // item count 2
        0x00, 0x00, 0x00, 0x00,                         // null address item, length 0
        0xB2, 0x00, 0x08, 0x00,                         // unconnected data item, length 8
        0x0E,                                           // CIP service 0x0E Get Attribute Single
        0x03,                                           // request path 3 words
        0x20, 0x01,                                     // logical class 8-bit: 0x01 Identity
        0x24, 0x01,                                     // logical instance 8-bit: 1
        0x30, 0x07,                                     // logical attribute 8-bit: 7
    ];

    /// <summary>The reply: Get Attribute Single success with a short-string product name.</summary>
    public static readonly byte[] SendRRDataGetAttributeSingleReply =
    [
        0x6F, 0x00, 0x18, 0x00,                         // Send RR Data, length 24
        0x78, 0x56, 0x34, 0x12,                         // session handle
        0x00, 0x00, 0x00, 0x00,                         // status
        0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, // sender context
        0x00, 0x00, 0x00, 0x00,                         // options
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00,             // interface handle, timeout 0
        0x02, 0x00,                                     // item count 2
        0x00, 0x00, 0x00, 0x00,                         // null address item
        0xB2, 0x00, 0x08, 0x00,                         // unconnected data item, length 8
        0x8E,                                           // reply to 0x0E
        0x00,                                           // reserved
        0x00,                                           // general status 0 success
        0x00,                                           // additional status size 0
        0x03, (byte)'P', (byte)'L', (byte)'C',          // SHORT_STRING "PLC"
    ];

    /// <summary>SendUnitData (class 3, connection 0x00ABCDEF, sequence 7): Multiple Service Packet of two Read Tag services.</summary>
    public static readonly byte[] SendUnitDataMultipleReadTag =
    [
        0x70, 0x00,                                     // command Send Unit Data
        0x36, 0x00,                                     // length 54
        0x78, 0x56, 0x34, 0x12,                         // session handle
        0x00, 0x00, 0x00, 0x00,                         // status
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, // sender context (unused for connected data)
        0x00, 0x00, 0x00, 0x00,                         // options
        0x00, 0x00, 0x00, 0x00,                         // interface handle
        0x00, 0x00,                                     // timeout 0
        0x02, 0x00,                                     // item count 2
        0xA1, 0x00, 0x04, 0x00,                         // connected address item, length 4
        0xEF, 0xCD, 0xAB, 0x00,                         // connection id 0x00ABCDEF
        0xB1, 0x00, 0x22, 0x00,                         // connected data item, length 34
        0x07, 0x00,                                     // CIP sequence count 7
        0x0A,                                           // service 0x0A Multiple Service Packet
        0x02, 0x20, 0x02, 0x24, 0x01,                   // path 2 words: class 0x02 Message Router, instance 1
        0x02, 0x00,                                     // service count 2
        0x06, 0x00,                                     // offset of service 1 (from the count)
        0x10, 0x00,                                     // offset of service 2
        0x4C, 0x03,                                     // service 1: 0x4C Read Tag, path 3 words
        0x91, 0x04, (byte)'T', (byte)'a', (byte)'g', (byte)'1', // ANSI extended symbol "Tag1"
        0x01, 0x00,                                     // element count 1
        0x4C, 0x03,                                     // service 2: Read Tag, path 3 words
        0x91, 0x04, (byte)'T', (byte)'a', (byte)'g', (byte)'2', // symbol "Tag2"
        0x01, 0x00,                                     // element count 1
    ];

    /// <summary>The reply: two Read Tag replies of DINT values 42 and 7.</summary>
    public static readonly byte[] SendUnitDataMultipleReadTagReply =
    [
        0x70, 0x00, 0x34, 0x00,                         // Send Unit Data, length 52
        0x78, 0x56, 0x34, 0x12,                         // session handle
        0x00, 0x00, 0x00, 0x00,                         // status
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, // sender context
        0x00, 0x00, 0x00, 0x00,                         // options
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00,             // interface handle, timeout
        0x02, 0x00,                                     // item count 2
        0xA1, 0x00, 0x04, 0x00, 0x44, 0x33, 0x22, 0x11, // connected address item: T->O connection id 0x11223344
        0xB1, 0x00, 0x20, 0x00,                         // connected data item, length 32
        0x07, 0x00,                                     // sequence count 7 echoed
        0x8A, 0x00, 0x00, 0x00,                         // reply to 0x0A, reserved, status 0, no additional status
        0x02, 0x00,                                     // service count 2
        0x06, 0x00, 0x10, 0x00,                         // offsets 6 and 16
        0xCC, 0x00, 0x00, 0x00, 0xC4, 0x00, 0x2A, 0x00, 0x00, 0x00, // Read Tag reply: DINT (0xC4) 42
        0xCC, 0x00, 0x00, 0x00, 0xC4, 0x00, 0x07, 0x00, 0x00, 0x00, // Read Tag reply: DINT 7
    ];

    /// <summary>CIP Unconnected Send (Connection Manager) routing Get Attributes All of Identity to backplane slot 0.</summary>
    public static readonly byte[] UnconnectedSendGetAttributesAll =
    [
        0x52,                                           // service 0x52 Unconnected Send
        0x02, 0x20, 0x06, 0x24, 0x01,                   // path 2 words: class 0x06 Connection Manager, instance 1
        0x0A,                                           // priority/time tick
        0xF0,                                           // timeout ticks
        0x06, 0x00,                                     // embedded message size 6
        0x01, 0x02, 0x20, 0x01, 0x24, 0x01,             // embedded: Get Attributes All, class 1 instance 1
        0x01, 0x00,                                     // route path 1 word, reserved
        0x01, 0x00,                                     // port segment: backplane port 1, slot 0
    ];

    /// <summary>CIP Forward Open (Vol. 1 §3-5.5.2): class 1 connection, RPI 100 ms both ways, to the Message Router of slot 0.</summary>
    public static readonly byte[] ForwardOpen =
    [
        0x54,                                           // service 0x54 Forward Open
        0x02, 0x20, 0x06, 0x24, 0x01,                   // path: Connection Manager, instance 1
        0x0A,                                           // priority/time tick
        0x0E,                                           // timeout ticks
        0x00, 0x00, 0x00, 0x00,                         // O->T connection id (chosen by the target)
        0x78, 0x56, 0x34, 0x12,                         // T->O connection id 0x12345678
        0x34, 0x12,                                     // connection serial 0x1234
        0x01, 0x00,                                     // originator vendor 1
        0xEF, 0xBE, 0xAD, 0xDE,                         // originator serial 0xDEADBEEF
        0x02,                                           // timeout multiplier x16
        0x00, 0x00, 0x00,                               // reserved
        0xA0, 0x86, 0x01, 0x00,                         // O->T RPI 100000 us
        0xF4, 0x43,                                     // O->T parameters 0x43F4: point to point, scheduled, 500 bytes
        0xA0, 0x86, 0x01, 0x00,                         // T->O RPI 100000 us
        0xF4, 0x43,                                     // T->O parameters
        0xA3,                                           // transport: class 3, application trigger, server
        0x03,                                           // connection path 3 words
        0x01, 0x00, 0x20, 0x02, 0x24, 0x01,             // port 1 slot 0, class 2, instance 1
    ];

    /// <summary>Forward Open success reply.</summary>
    public static readonly byte[] ForwardOpenReply =
    [
        0xD4, 0x00, 0x00, 0x00,                         // reply to 0x54, reserved, status 0, no additional status
        0x44, 0x33, 0x22, 0x11,                         // O->T connection id 0x11223344
        0x78, 0x56, 0x34, 0x12,                         // T->O connection id 0x12345678
        0x34, 0x12,                                     // connection serial
        0x01, 0x00,                                     // originator vendor
        0xEF, 0xBE, 0xAD, 0xDE,                         // originator serial
        0xA0, 0x86, 0x01, 0x00,                         // O->T actual packet interval
        0xA0, 0x86, 0x01, 0x00,                         // T->O actual packet interval
        0x00,                                           // application reply size 0 words
        0x00,                                           // reserved
    ];

    /// <summary>Forward Open failure: general status 0x01 connection failure, extended status 0x0100 connection in use.</summary>
    public static readonly byte[] ForwardOpenFailure =
    [
        0xD4, 0x00,                                     // reply to 0x54, reserved
        0x01,                                           // general status 0x01 Connection failure
        0x01,                                           // additional status 1 word
        0x00, 0x01,                                     // extended status 0x0100 connection in use
        0x34, 0x12, 0x01, 0x00, 0xEF, 0xBE, 0xAD, 0xDE, // serial, vendor, originator serial
        0x00, 0x00,                                     // remaining path size, reserved
    ];

    /// <summary>CIP Forward Close (Vol. 1 §3-5.5.3).</summary>
    public static readonly byte[] ForwardClose =
    [
        0x4E,                                           // service 0x4E Forward Close (Connection Manager)
        0x02, 0x20, 0x06, 0x24, 0x01,                   // path: Connection Manager, instance 1
        0x0A, 0x0E,                                     // priority/tick, timeout ticks
        0x34, 0x12,                                     // connection serial
        0x01, 0x00,                                     // originator vendor
        0xEF, 0xBE, 0xAD, 0xDE,                         // originator serial
        0x03, 0x00,                                     // connection path 3 words, reserved
        0x01, 0x00, 0x20, 0x02, 0x24, 0x01,             // port 1 slot 0, class 2, instance 1
    ];

    /// <summary>Logix Write Tag (1756-PM020): DINT 42 to "Tag1".</summary>
    public static readonly byte[] WriteTag =
    [
        0x4D, 0x03,                                     // service 0x4D Write Tag, path 3 words
        0x91, 0x04, (byte)'T', (byte)'a', (byte)'g', (byte)'1', // symbol "Tag1"
        0xC4, 0x00,                                     // data type DINT
        0x01, 0x00,                                     // element count 1
        0x2A, 0x00, 0x00, 0x00,                         // value 42
    ];

    /// <summary>Set Attribute Single with 16-bit class and instance segments: TCP/IP Interface (0xF5) attribute 5.</summary>
    public static readonly byte[] SetAttributeSingle16Bit =
    [
        0x10,                                           // service 0x10 Set Attribute Single
        0x05,                                           // path 5 words
        0x21, 0x00, 0xF5, 0x00,                         // logical class 16-bit (pad): 0x00F5
        0x25, 0x00, 0x01, 0x00,                         // logical instance 16-bit (pad): 1
        0x30, 0x05,                                     // attribute 5 interface configuration
        0xC0, 0xA8, 0x01, 0x0A,                         // data (start of the new configuration)
    ];

    /// <summary>Identity object Reset (type 0: power cycle emulation).</summary>
    public static readonly byte[] IdentityReset = [0x05, 0x02, 0x20, 0x01, 0x24, 0x01, 0x00];

    /// <summary>Start and Stop of instance 1 of class 0x8E (the service codes are the point).</summary>
    public static readonly byte[] Start = [0x06, 0x02, 0x20, 0x8E, 0x24, 0x01];

    public static readonly byte[] Stop = [0x07, 0x02, 0x20, 0x8E, 0x24, 0x01];

    /// <summary>File object (0x37) Initiate Download, file size 1024.</summary>
    public static readonly byte[] FileInitiateDownload = [0x4C, 0x02, 0x20, 0x37, 0x24, 0x01, 0x00, 0x04, 0x00, 0x00];

    /// <summary>Reply with general status 0x08 Service not supported and no data.</summary>
    public static readonly byte[] ServiceNotSupportedReply = [0x81, 0x00, 0x08, 0x00];

    /// <summary>Class-1 I/O datagram (Vol. 2 §3-3.4) on UDP 2222: connection 0x11223344, sequence 5, run/idle header and 2 data bytes.</summary>
    public static readonly byte[] ClassOneIo =
    [
        0x02, 0x00,                                     // item count 2
        0x02, 0x80, 0x08, 0x00,                         // sequenced address item 0x8002, length 8
        0x44, 0x33, 0x22, 0x11,                         // connection id 0x11223344
        0x05, 0x00, 0x00, 0x00,                         // encapsulation sequence number 5
        0xB1, 0x00, 0x08, 0x00,                         // connected data item, length 8
        0x05, 0x00,                                     // CIP sequence count 5
        0x01, 0x00, 0x00, 0x00,                         // run/idle header: run
        0xAB, 0xCD,                                     // I/O data
    ];

    /// <summary>Wraps a CIP message in a SendRRData packet (unconnected data item) with session 0x12345678.</summary>
    public static byte[] InSendRRData(byte[] cip)
    {
        int length = 6 + 2 + 4 + 4 + cip.Length;
        byte[] header =
        [
            0x6F, 0x00, (byte)length, (byte)(length >> 8),  // Send RR Data, length
            0x78, 0x56, 0x34, 0x12,                         // session handle
            0x00, 0x00, 0x00, 0x00,                         // status
            0x22, 0x22, 0x22, 0x22, 0x22, 0x22, 0x22, 0x22, // sender context
            0x00, 0x00, 0x00, 0x00,                         // options
            0x00, 0x00, 0x00, 0x00, 0x0A, 0x00,             // interface handle, timeout
            0x02, 0x00,                                     // item count 2
            0x00, 0x00, 0x00, 0x00,                         // null address item
            0xB2, 0x00, (byte)cip.Length, (byte)(cip.Length >> 8), // unconnected data item
        ];
        return [.. header, .. cip];
    }
}
