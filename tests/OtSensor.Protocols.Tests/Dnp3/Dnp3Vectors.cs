namespace OtSensor.Protocols.Tests.Dnp3;

/// <summary>
/// Annotated DNP3 test vectors (IEEE 1815-2012). Whole link frames are copied from public captures (file and
/// frame named); application fragments are framed by <see cref="Dnp3Frames"/>.
/// </summary>
internal static class Dnp3Vectors
{
    /// <summary>ICS-Security-Tools DNP3-Read.pcap frame 4: master 4 reads class 1 events from outstation 3.</summary>
    public static readonly byte[] ReadClass1Request =
    [
        0x05, 0x64,             // start octets
        0x0B,                   // LENGTH: control + addresses + 6 user octets
        0xC4,                   // control: DIR (master), PRM, function 4 unconfirmed user data
        0x03, 0x00,             // destination 3
        0x04, 0x00,             // source 4
        0xEF, 0x7A,             // header CRC
        0xC1,                   // transport: FIN, FIR, sequence 1
        0xC1,                   // application control: FIR, FIN, sequence 1
        0x01,                   // function 1 Read
        0x3C, 0x02, 0x06,       // g60v2 class 1 data, qualifier 0x06 all points
        0xB5, 0x76,             // block CRC
    ];

    /// <summary>ICS-Security-Tools direct_operate_no_ack_crob.pcap frame 1: CROB latch-on of point 1, two blocks.</summary>
    public static readonly byte[] DirectOperateNoAckCrob =
    [
        0x05, 0x64, 0x1A,       // start, LENGTH 26 (21 user octets)
        0xC4,                   // control: DIR, PRM, unconfirmed user data
        0x04, 0x00,             // destination 4
        0x03, 0x00,             // source 3
        0xC2, 0xE6,             // header CRC
        0xD0,                   // transport: FIN, FIR, sequence 16
        0xCE,                   // application control: FIR, FIN, sequence 14
        0x06,                   // function 6 Direct Operate No Ack
        0x0C, 0x01, 0x28,       // g12v1 CROB, qualifier 0x28: 2-octet index prefix, 2-octet count
        0x01, 0x00,             // count 1
        0x01, 0x00,             // index 1
        0x03,                   // control code: LATCH_ON, trip-close NUL
        0x01,                   // count 1
        0x64, 0x00,             // on-time 100 ms (low half; the block ends after the next two octets)
        0x00, 0x00,             // on-time (high half)
        0xE0, 0x96,             // block 1 CRC
        0x64, 0x00, 0x00, 0x00, // off-time 100 ms
        0x00,                   // status 0 success
        0x00, 0x5B,             // block 2 CRC
    ];

    /// <summary>ICS-Security-Tools direct_operate_analog_output.pcap frame 1: g41v2 value 0 to point 1.</summary>
    public static readonly byte[] DirectOperateAnalogOutput =
    [
        0x05, 0x64, 0x12,       // start, LENGTH 18 (13 user octets)
        0xC4,                   // control: DIR, PRM, unconfirmed user data
        0x04, 0x00,             // destination 4
        0x03, 0x00,             // source 3
        0x1E, 0x7C,             // header CRC
        0xEE,                   // transport: FIN, FIR, sequence 46
        0xC2,                   // application control: FIR, FIN, sequence 2
        0x05,                   // function 5 Direct Operate
        0x29, 0x02, 0x28,       // g41v2 analog output (16-bit), qualifier 0x28
        0x01, 0x00,             // count 1
        0x01, 0x00,             // index 1
        0x00, 0x00,             // value 0
        0x00,                   // control status 0
        0x7D, 0xD0,             // block CRC
    ];

    /// <summary>ICS-Security-Tools lan_time_sync.pcap frame 3: write g50v3 (time at last recorded time).</summary>
    public static readonly byte[] WriteLastRecordedTime =
    [
        0x05, 0x64, 0x12, 0xC4, // start, LENGTH 18, control DIR PRM unconfirmed user data
        0x04, 0x00, 0x03, 0x00, // destination 4, source 3
        0x1E, 0x7C,             // header CRC
        0xC9,                   // transport: FIN, FIR, sequence 9
        0xCA,                   // application control: FIR, FIN, sequence 10
        0x02,                   // function 2 Write
        0x32, 0x03, 0x07, 0x01, // g50v3, qualifier 0x07 (1-octet count), count 1
        0x9F, 0x0D, 0x83, 0x52, 0x4C, 0x01, // 48-bit ms since 1970: 0x014C52830D9F
        0xEB, 0x2C,             // block CRC
    ];

    /// <summary>ICS-Security-Tools warm_restart_and_response.pcap frame 4: master 1 warm-restarts outstation 10.</summary>
    public static readonly byte[] WarmRestartRequest =
    [
        0x05, 0x64, 0x08, 0xC4, // start, LENGTH 8, control DIR PRM unconfirmed user data
        0x0A, 0x00, 0x01, 0x00, // destination 10, source 1
        0xFC, 0x42,             // header CRC
        0xC0,                   // transport: FIN, FIR, sequence 0
        0xC0,                   // application control: FIR, FIN, sequence 0
        0x0E,                   // function 14 Warm Restart
        0x7E, 0xDC,             // block CRC
    ];

    /// <summary>ICS-Security-Tools warm_restart_and_response.pcap frame 6: the outstation's response.</summary>
    public static readonly byte[] WarmRestartResponse =
    [
        0x05, 0x64, 0x0A, 0x44, // start, LENGTH 10, control PRM unconfirmed user data (DIR 0: outstation)
        0x01, 0x00, 0x0A, 0x00, // destination 1, source 10
        0x6E, 0x25,             // header CRC
        0xC1,                   // transport: FIN, FIR, sequence 1
        0xC0,                   // application control: FIR, FIN, sequence 0
        0x81,                   // function 129 Response
        0x00, 0x01,             // IIN1 0, IIN2 0x01 no function code support
        0xC4, 0xFD,             // block CRC
    ];

    /// <summary>ICS-Security-Tools unsolcited_response_and_confirm.pcap frame 4: unsolicited null response.</summary>
    public static readonly byte[] UnsolicitedResponse =
    [
        0x05, 0x64, 0x0A, 0x44, // start, LENGTH 10, control PRM unconfirmed user data (outstation)
        0x01, 0x00, 0x0A, 0x00, // destination 1, source 10
        0x6E, 0x25,             // header CRC
        0xC0,                   // transport: FIN, FIR, sequence 0
        0xF0,                   // application control: FIR, FIN, CON, UNS, sequence 0
        0x82,                   // function 130 Unsolicited Response
        0x00, 0x00,             // IIN
        0x44, 0x66,             // block CRC
    ];

    /// <summary>zeek auth_change_session_keys.pcap frame 4: Secure Authentication session key status request.</summary>
    public static readonly byte[] AuthenticationRequest =
    [
        0x05, 0x64, 0x0E, 0xC4, // start, LENGTH 14, control DIR PRM unconfirmed user data
        0x04, 0x00, 0x03, 0x00, // destination 4, source 3
        0x6D, 0xD3,             // header CRC
        0xC0,                   // transport: FIN, FIR, sequence 0
        0xC1,                   // application control: FIR, FIN, sequence 1
        0x20,                   // function 32 Authentication Request
        0x78, 0x04, 0x07, 0x01, // g120v4 session key status request, qualifier 0x07, count 1
        0x01, 0x00,             // user number 1
        0x9E, 0x40,             // block CRC
    ];

    /// <summary>Delete file request (ICS-Security-Tools file_delete.pcap frame 1, fragment only): g70v3 "./helloworld.txt".</summary>
    public static readonly byte[] DeleteFileFragment =
    [
        0xC1,                   // application control: FIR, FIN, sequence 1
        0x1B,                   // function 27 Delete File
        0x46, 0x03, 0x5B,       // g70v3 file command, qualifier 0x5B: 2-octet size prefix, 1-octet count
        0x01,                   // count 1
        0x2A, 0x00,             // object size 42
        0x1A, 0x00,             // file name offset 26
        0x10, 0x00,             // file name size 16
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, // time of creation 0
        0x00, 0x00,             // permissions
        0x00, 0x00, 0x00, 0x00, // authentication key
        0x00, 0x00, 0x00, 0x00, // file size
        0x00, 0x00,             // operation mode
        0x00, 0x00,             // maximum block size
        0x12, 0x00,             // request id
        0x2E, 0x2F, 0x68, 0x65, 0x6C, 0x6C, 0x6F, 0x77, 0x6F, 0x72, 0x6C, 0x64, 0x2E, 0x74, 0x78, 0x74, // "./helloworld.txt"
    ];

    /// <summary>Response with device attributes: manufacturer, product and software version (g0, built by hand).</summary>
    public static readonly byte[] DeviceAttributesFragment =
    [
        0xC3,                   // application control: FIR, FIN, sequence 3
        0x81,                   // function 129 Response
        0x00, 0x00,             // IIN
        0x00, 0xFC, 0x00, 0x00, 0x00, // g0v252 manufacturer name, qualifier 0x00, start 0, stop 0
        0x01, 0x04,             // data type 1 (visible string), length 4
        0x41, 0x43, 0x4D, 0x45, // "ACME"
        0x00, 0xFA, 0x00, 0x00, 0x00, // g0v250 product name and model
        0x01, 0x05,             // visible string, length 5
        0x52, 0x54, 0x55, 0x2D, 0x35, // "RTU-5"
        0x00, 0xF2, 0x00, 0x00, 0x00, // g0v242 software version
        0x01, 0x05,             // visible string, length 5
        0x31, 0x2E, 0x32, 0x2E, 0x33, // "1.2.3"
        0x00, 0xF0, 0x00, 0x00, 0x00, // g0v240 maximum transmit fragment size
        0x02, 0x02,             // data type 2 (unsigned integer), length 2
        0x00, 0x08,             // 2048
    ];

    /// <summary>Read request for all device attributes (g0v254, qualifier 0x06).</summary>
    public static readonly byte[] ReadAttributesFragment =
    [
        0xC3,                   // application control: FIR, FIN, sequence 3
        0x01,                   // function 1 Read
        0x00, 0xFE, 0x06,       // g0v254 all attributes, qualifier 0x06 all
    ];

    /// <summary>Response with 300 analog inputs (g30v4, 16-bit without flag): 604 octets, three link frames.</summary>
    public static byte[] LargeAnalogResponseFragment()
    {
        var fragment = new List<byte>
        {
            0xC5,                   // application control: FIR, FIN, sequence 5
            0x81,                   // function 129 Response
            0x00, 0x00,             // IIN
            0x1E, 0x04, 0x01,       // g30v4, qualifier 0x01: 2-octet start and stop
            0x00, 0x00, 0x2B, 0x01, // start 0, stop 299
        };
        for (int i = 0; i < 300; i++) { fragment.Add((byte)i); fragment.Add((byte)(i >> 8)); } // values 0..299
        return [.. fragment];
    }
}
