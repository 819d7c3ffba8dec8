namespace OtSensor.Protocols.Tests.S7Comm;

/// <summary>
/// Whole TPKT packets (TPKT + COTP DT + S7comm), taken from icsnpp-s7comm__snap7.pcap, ICS-Security-Tools
/// captures and built by hand where noted. One comment per field.
/// </summary>
internal static class S7CommVectors
{
    /// <summary>snap7 frame 1: Job, Setup communication, PDU length 480.</summary>
    public static readonly byte[] SetupJob =
    [
        0x03, 0x00, 0x00, 0x19, // TPKT: version 3, reserved, length 25
        0x02, 0xF0, 0x80,       // COTP: LI 2, DT, EOT | TPDU-NR 0
        0x32, 0x01,             // S7comm, ROSCTR Job
        0x00, 0x00,             // redundancy id
        0x00, 0x00,             // PDU reference 0
        0x00, 0x08,             // parameter length 8
        0x00, 0x00,             // data length 0
        0xF0, 0x00,             // function Setup communication, reserved
        0x00, 0x01,             // max AmQ calling 1
        0x00, 0x01,             // max AmQ called 1
        0x01, 0xE0,             // PDU length 480
    ];

    /// <summary>snap7 frame 2: Ack-Data, Setup communication, PDU length 240.</summary>
    public static readonly byte[] SetupAckData =
    [
        0x03, 0x00, 0x00, 0x1B, // TPKT length 27
        0x02, 0xF0, 0x80,       // COTP DT, EOT
        0x32, 0x03,             // S7comm, Ack-Data
        0x00, 0x00, 0x00, 0x00, // redundancy id, PDU ref
        0x00, 0x08, 0x00, 0x00, // parameter length 8, data length 0
        0x00, 0x00,             // error class 0, error code 0
        0xF0, 0x00,             // Setup communication, reserved
        0x00, 0x01, 0x00, 0x01, // max AmQ calling/called
        0x00, 0xF0,             // PDU length 240
    ];

    /// <summary>Hand-built: Job, Read Var, one S7ANY item DB1.DBB0 BYTE x4.</summary>
    public static readonly byte[] ReadVarJob =
    [
        0x03, 0x00, 0x00, 0x1F, // TPKT length 31
        0x02, 0xF0, 0x80,       // COTP DT, EOT
        0x32, 0x01,             // S7comm, Job
        0x00, 0x00, 0x00, 0x01, // redundancy id, PDU ref 1
        0x00, 0x0E, 0x00, 0x00, // parameter length 14, data length 0
        0x04, 0x01,             // Read Var, 1 item
        0x12, 0x0A, 0x10,       // variable specification, length 10, syntax S7ANY
        0x02,                   // transport size BYTE
        0x00, 0x04,             // length 4
        0x00, 0x01,             // DB 1
        0x84,                   // area DB
        0x00, 0x00, 0x00,       // bit address 0
    ];

    /// <summary>Hand-built: Ack-Data, Read Var, one item of 4 bytes.</summary>
    public static readonly byte[] ReadVarAckData =
    [
        0x03, 0x00, 0x00, 0x1D, // TPKT length 29
        0x02, 0xF0, 0x80,       // COTP DT, EOT
        0x32, 0x03,             // S7comm, Ack-Data
        0x00, 0x00, 0x00, 0x01, // redundancy id, PDU ref 1
        0x00, 0x02, 0x00, 0x08, // parameter length 2, data length 8
        0x00, 0x00,             // no error
        0x04, 0x01,             // Read Var, 1 item
        0xFF, 0x04, 0x00, 0x20, // return code success, transport size BYTE/WORD/DWORD, length 32 bits
        0x01, 0x02, 0x03, 0x04, // value
    ];

    /// <summary>Hand-built: Job, Write Var DB1.DBB2 two bytes.</summary>
    public static readonly byte[] WriteVarJob =
    [
        0x03, 0x00, 0x00, 0x25, // TPKT length 37
        0x02, 0xF0, 0x80,       // COTP DT, EOT
        0x32, 0x01,             // S7comm, Job
        0x00, 0x00, 0x00, 0x02, // redundancy id, PDU ref 2
        0x00, 0x0E, 0x00, 0x06, // parameter length 14, data length 6
        0x05, 0x01,             // Write Var, 1 item
        0x12, 0x0A, 0x10,       // variable specification, length 10, S7ANY
        0x02, 0x00, 0x02,       // transport size BYTE, length 2
        0x00, 0x01, 0x84,       // DB 1, area DB
        0x00, 0x00, 0x10,       // bit address 16 = byte 2
        0x00, 0x04, 0x00, 0x10, // data item: reserved, transport size BYTE, 16 bits
        0xAA, 0xBB,             // value
    ];

    /// <summary>Hand-built: Ack-Data, Write Var, one return code.</summary>
    public static readonly byte[] WriteVarAckData =
    [
        0x03, 0x00, 0x00, 0x16, // TPKT length 22
        0x02, 0xF0, 0x80,       // COTP DT, EOT
        0x32, 0x03,             // S7comm, Ack-Data
        0x00, 0x00, 0x00, 0x02, // redundancy id, PDU ref 2
        0x00, 0x02, 0x00, 0x01, // parameter length 2, data length 1
        0x00, 0x00,             // no error
        0x05, 0x01,             // Write Var, 1 item
        0xFF,                   // return code success
    ];

    /// <summary>snap7 frame 57: Job, PLC Stop "P_PROGRAM".</summary>
    public static readonly byte[] PlcStopJob =
    [
        0x03, 0x00, 0x00, 0x21, 0x02, 0xF0, 0x80,             // TPKT length 33, COTP DT EOT
        0x32, 0x01, 0x00, 0x00, 0x00, 0x1C, 0x00, 0x10, 0x00, 0x00, // Job, PDU ref 28, param 16, data 0
        0x29,                                                 // PLC Stop
        0x00, 0x00, 0x00, 0x00, 0x00,                         // unknown
        0x09,                                                 // name length 9
        0x50, 0x5F, 0x50, 0x52, 0x4F, 0x47, 0x52, 0x41, 0x4D, // "P_PROGRAM"
    ];

    /// <summary>snap7 frame 63: Job, PI service P_PROGRAM with parameter "C " (cold start).</summary>
    public static readonly byte[] PiColdStartJob =
    [
        0x03, 0x00, 0x00, 0x27, 0x02, 0xF0, 0x80,             // TPKT length 39, COTP DT EOT
        0x32, 0x01, 0x00, 0x00, 0x00, 0x1F, 0x00, 0x16, 0x00, 0x00, // Job, PDU ref 31, param 22, data 0
        0x28,                                                 // PI service
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xFD,             // unknown
        0x00, 0x02,                                           // parameter block length 2
        0x43, 0x20,                                           // "C "
        0x09,                                                 // service name length 9
        0x50, 0x5F, 0x50, 0x52, 0x4F, 0x47, 0x52, 0x41, 0x4D, // "P_PROGRAM"
    ];

    /// <summary>Hand-built (Snap7 hot start form): PI service P_PROGRAM with an empty parameter block.</summary>
    public static readonly byte[] PiHotStartJob =
    [
        0x03, 0x00, 0x00, 0x25, 0x02, 0xF0, 0x80,             // TPKT length 37, COTP DT EOT
        0x32, 0x01, 0x00, 0x00, 0x00, 0x20, 0x00, 0x14, 0x00, 0x00, // Job, PDU ref 32, param 20, data 0
        0x28,                                                 // PI service
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xFD,             // unknown
        0x00, 0x00,                                           // parameter block length 0
        0x09,                                                 // service name length 9
        0x50, 0x5F, 0x50, 0x52, 0x4F, 0x47, 0x52, 0x41, 0x4D, // "P_PROGRAM"
    ];

    /// <summary>step7_s300_copyRamToRom: PI service _MODU (copy RAM to ROM) with parameter "EP".</summary>
    public static readonly byte[] PiCopyRamToRomJob =
    [
        0x03, 0x00, 0x00, 0x23, 0x02, 0xF0, 0x80,             // TPKT length 35, COTP DT EOT
        0x32, 0x01, 0x00, 0x00, 0x00, 0x0A, 0x00, 0x12, 0x00, 0x00, // Job, PDU ref 10, param 18, data 0
        0x28,                                                 // PI service
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xFD,             // unknown
        0x00, 0x02, 0x45, 0x50,                               // parameter block length 2, "EP"
        0x05, 0x5F, 0x4D, 0x4F, 0x44, 0x55,                   // name length 5, "_MODU"
    ];

    /// <summary>step7_s300_download frame 87: Job, Request download of "_0A00001P" (DB 1).</summary>
    public static readonly byte[] RequestDownloadJob =
    [
        0x03, 0x00, 0x00, 0x31, 0x02, 0xF0, 0x80,             // TPKT length 49, COTP DT EOT
        0x32, 0x01, 0x00, 0x00, 0x83, 0x00, 0x00, 0x20, 0x00, 0x00, // Job, PDU ref 0x8300, param 32, data 0
        0x1A, 0x00, 0x01, 0x00,                               // Request download, status, unknown
        0x00, 0x00, 0x00, 0x00,                               // unknown
        0x09, 0x5F, 0x30, 0x41, 0x30, 0x30, 0x30, 0x30, 0x31, 0x50, // file name length 9, "_0A00001P"
        0x0D, 0x31, 0x30, 0x30, 0x30, 0x32, 0x31, 0x36, 0x30, 0x30, 0x30, 0x30, 0x38, 0x38, // length part 13
    ];

    /// <summary>snap7 frame 17: Job, Start upload of "_0B00000A" (OB... block list entry).</summary>
    public static readonly byte[] StartUploadJob =
    [
        0x03, 0x00, 0x00, 0x23, 0x02, 0xF0, 0x80,             // TPKT length 35, COTP DT EOT
        0x32, 0x01, 0x00, 0x00, 0x08, 0x00, 0x00, 0x12, 0x00, 0x00, // Job, PDU ref 0x0800, param 18, data 0
        0x1D, 0x00, 0x00, 0x00,                               // Start upload, status, unknown
        0x00, 0x00, 0x00, 0x00,                               // upload id
        0x09, 0x5F, 0x30, 0x42, 0x30, 0x30, 0x30, 0x30, 0x30, 0x41, // file name length 9, "_0B00000A"
    ];

    /// <summary>snap7 frame 44: Ack (no data) with error class 0xD2, code 0x0C.</summary>
    public static readonly byte[] AckWithError =
    [
        0x03, 0x00, 0x00, 0x13, 0x02, 0xF0, 0x80,             // TPKT length 19, COTP DT EOT
        0x32, 0x02, 0x00, 0x00, 0x15, 0x00,                   // Ack, PDU ref 0x1500
        0x00, 0x00, 0x00, 0x00,                               // parameter length 0, data length 0
        0xD2, 0x0C,                                           // error class OS error, code 0x0C
    ];

    /// <summary>snap7 frame 3: Userdata request, CPU functions / Read SZL, SZL-ID 0x0011 index 0.</summary>
    public static readonly byte[] ReadSzlRequest =
    [
        0x03, 0x00, 0x00, 0x21, 0x02, 0xF0, 0x80,             // TPKT length 33, COTP DT EOT
        0x32, 0x07, 0x00, 0x00, 0x01, 0x00,                   // Userdata, PDU ref 0x0100
        0x00, 0x08, 0x00, 0x08,                               // parameter length 8, data length 8
        0x00, 0x01, 0x12, 0x04,                               // parameter head, parameter length 4
        0x11, 0x44, 0x01, 0x00,                               // method request, type 4 | group 4, subfunction 1, sequence 0
        0xFF, 0x09, 0x00, 0x04,                               // return code, transport size octet string, length 4
        0x00, 0x11, 0x00, 0x00,                               // SZL-ID 0x0011, index 0
    ];

    /// <summary>snap7 frame 4: SZL 0x0011 answer: order number 6ES7 315-2EH14-0AB0, firmware V3.2.7.</summary>
    public static readonly byte[] ReadSzlModuleIdentification = Convert.FromHexString(
        "0300009902f080" // TPKT length 153, COTP DT EOT
        + "320700000100000c007c" // Userdata, PDU ref 0x0100, parameter length 12, data length 124
        + "0001120812840102" // head, length 8, response, type 8 | group 4, subfunction 1, sequence 2
        + "00000000" // data unit ref 0, last data unit 0, error code 0
        + "ff090078" // return code success, octet string, length 120
        + "00110000001c0004" // SZL-ID 0x0011, index 0, record length 28, 4 records
        + "0001" + "36455337203331352d32454831342d3041423020" + "00c0" + "0003" + "0001" // index 1: MlfB, BGTyp, Ausbg, Ausbe
        + "0006" + "36455337203331352d32454831342d3041423020" + "00c0" + "0003" + "0001" // index 6: basic hardware
        + "0007" + "2020202020202020202020202020202020202020" + "00c0" + "5603" + "0207" // index 7: firmware 'V' 3 . 2 . 7
        + "0081" + "426f6f74204c6f61646572202020202020202020" + "0000" + "4120" + "0909"); // index 0x81: boot loader

    /// <summary>snap7 frame 6: SZL 0x001C first data unit (more follow): station, module name, serial, type.</summary>
    public static readonly byte[] ReadSzlComponentIdentificationFirst = Convert.FromHexString(
        "030000f702f080" // TPKT length 247, COTP DT EOT
        + "320700000200000c00da" // Userdata, PDU ref 0x0200, parameter length 12, data length 218
        + "0001120812840102d5010000" // response CPU functions / Read SZL, seq 2, data unit 0xD5, more follow, no error
        + "ff0900d6" // success, octet string, length 214
        + "001c00000022000a" // SZL-ID 0x001C, index 0, record length 34, 10 records
        + "000153373330302f45543230304d2073746174696f6e5f3100000000000000000000" // 1: "S7300/ET200M station_1"
        + "0002504c435f31000000000000000000000000000000000000000000000000000000" // 2: "PLC_1"
        + "00030000000000000000000000000000000000000000000000000000000000000000" // 3: plant tag (empty)
        + "00044f726967696e616c205369656d656e732045717569706d656e74000000000000" // 4: copyright
        + "00055320432d42315533393331343230313100000000000000000000000000000000" // 5: serial "S C-B1U393142011"
        + "0007435055203331352d3220504e2f44500000000000000000000000000000000000" // 7: "CPU 315-2 PN/DP"
        + "0008"); // 8: cut here, continues in the next data unit

    /// <summary>snap7 frame 8: the next data unit of the SZL 0x001C answer (no SZL header).</summary>
    public static readonly byte[] ReadSzlComponentIdentificationNext = Convert.FromHexString(
        "030000a702f080320700000300000c008a" // TPKT, COTP, Userdata, PDU ref 0x0300, parameter 12, data 138
        + "0001120812840102d5000000" // response, seq 2, data unit 0xD5, last
        + "ff090086" // success, octet string, length 134
        + "4d4d4320344131414330313900000000000000000000000000000000000000000009002af60000010000000000000000000000000000000000000000000000000000000a0000000000000000000000000000000000000000000000000000000000000000000b0000000000000000000000000000000000000000000000000000000000000000");

    /// <summary>snap7 frame 7: the client asks for the next data unit of the SZL answer (empty request, error data).</summary>
    public static readonly byte[] ReadSzlNextRequest =
    [
        0x03, 0x00, 0x00, 0x21, 0x02, 0xF0, 0x80,             // TPKT length 33, COTP DT EOT
        0x32, 0x07, 0x00, 0x00, 0x03, 0x00,                   // Userdata, PDU ref 0x0300
        0x00, 0x0C, 0x00, 0x04,                               // parameter length 12, data length 4
        0x00, 0x01, 0x12, 0x08,                               // parameter head, parameter length 8
        0x12, 0x44, 0x01, 0x02,                               // method 0x12, type 4 (request) | group 4, subfunction 1, sequence 2
        0x00, 0x00, 0x00, 0x00,                               // data unit reference 0, last data unit 0, error code 0
        0x0A, 0x00, 0x00, 0x00,                               // return code 0x0A (object does not exist), transport size 0, length 0
    ];

    /// <summary>snap7 frame 47: Userdata request, Time functions / Set clock.</summary>
    public static readonly byte[] SetClockRequest = Convert.FromHexString(
        "0300002702f080" // TPKT length 39, COTP DT EOT
        + "3207000017000008000e" // Userdata, PDU ref 0x1700, parameter 8, data 14
        + "0001120411470200" // head, length 4, request, type 4 | group 7, subfunction 2 (set clock), seq 0
        + "ff09000a" // success, octet string, length 10
        + "00191602082308100002"); // BCD time stamp

    /// <summary>tia_s300_downloadHwConfig frame 59: Mode-transition push "STOP" (head 01 00 10).</summary>
    public static readonly byte[] ModeTransitionStop = Convert.FromHexString(
        "0300001902f080" // TPKT length 25, COTP DT EOT
        + "32070000000000080000" // Userdata, PDU ref 0, parameter 8, data 0
        + "0100101000000000"); // head 01 00 10, length 0x10, method 0, type 0 | group 0, mode STOP, seq 0
}
