namespace OtSensor.Protocols.Tests.Profinet;

/// <summary>
/// PROFINET RT frame payloads (the bytes after EtherType 0x8892, FrameID first) as the engine hands them to the
/// frame session, Ethernet padding included where a real frame would carry it.
/// </summary>
internal static class ProfinetRtVectors
{
    /// <summary>DCP Identify request for all devices (multicast 01:0e:cf:00:00:00).</summary>
    public static readonly byte[] IdentifyAll =
    [
        0xFE, 0xFE,             // FrameID: DCP Identify request
        0x05,                   // ServiceID: Identify
        0x00,                   // ServiceType: request
        0x00, 0x00, 0x00, 0x2A, // Xid
        0x00, 0x80,             // ResponseDelay: 128
        0x00, 0x04,             // DCPDataLength: 4
        0xFF, 0xFF, 0x00, 0x00, // AllSelector (0xFF/0xFF), DCPBlockLength 0
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, // Ethernet padding, not DCP data
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    ];

    /// <summary>DCP Identify request filtering on one NameOfStation (the controller looks for "io-device-7").</summary>
    public static readonly byte[] IdentifyByName =
    [
        0xFE, 0xFE,             // FrameID: DCP Identify request
        0x05, 0x00,             // ServiceID Identify, ServiceType request
        0x01, 0x00, 0x00, 0x01, // Xid
        0x00, 0x01,             // ResponseDelay: 1
        0x00, 0x10,             // DCPDataLength: 16
        0x02, 0x02, 0x00, 0x0B, // NameOfStation (2/2), DCPBlockLength 11 (no BlockInfo in a request)
        (byte)'i', (byte)'o', (byte)'-', (byte)'d', (byte)'e', (byte)'v', (byte)'i', (byte)'c', (byte)'e', (byte)'-', (byte)'7',
        0x00,                   // padding to even length
    ];

    /// <summary>DCP Identify response of an S7-1500: name, type of station, device id, role and IP suite.</summary>
    public static readonly byte[] IdentifyResponse =
    [
        0xFE, 0xFF,             // FrameID: DCP Identify response
        0x05, 0x01,             // ServiceID Identify, ServiceType response success
        0x01, 0x00, 0x00, 0x01, // Xid (echoes the request)
        0x00, 0x00,             // Reserved
        0x00, 0x44,             // DCPDataLength: 68
        0x02, 0x02, 0x00, 0x0D, // NameOfStation (2/2), DCPBlockLength 13
        0x00, 0x00,             // BlockInfo
        (byte)'i', (byte)'o', (byte)'-', (byte)'d', (byte)'e', (byte)'v', (byte)'i', (byte)'c', (byte)'e', (byte)'-', (byte)'7',
        0x00,                   // padding
        0x02, 0x01, 0x00, 0x09, // DeviceVendor (2/1), DCPBlockLength 9
        0x00, 0x00,             // BlockInfo
        (byte)'S', (byte)'7', (byte)'-', (byte)'1', (byte)'5', (byte)'0', (byte)'0', // DeviceVendorValue (type of station)
        0x00,                   // padding
        0x02, 0x03, 0x00, 0x06, // DeviceID (2/3), DCPBlockLength 6
        0x00, 0x00,             // BlockInfo
        0x00, 0x2A,             // VendorID 0x002A
        0x01, 0x0E,             // DeviceID 0x010E
        0x02, 0x04, 0x00, 0x04, // DeviceRole (2/4), DCPBlockLength 4
        0x00, 0x00,             // BlockInfo
        0x01, 0x00,             // DeviceRoleDetails: IO-Device; reserved
        0x01, 0x02, 0x00, 0x0E, // IP parameter (1/2), DCPBlockLength 14
        0x00, 0x01,             // BlockInfo: IP set
        0xC0, 0xA8, 0x00, 0x0A, // IPAddress 192.168.0.10
        0xFF, 0xFF, 0xFF, 0x00, // Subnetmask 255.255.255.0
        0xC0, 0xA8, 0x00, 0x01, // StandardGateway 192.168.0.1
    ];

    /// <summary>DCP Hello of a device that just started: its name and IP.</summary>
    public static readonly byte[] Hello =
    [
        0xFE, 0xFC,             // FrameID: DCP Hello
        0x06, 0x00,             // ServiceID Hello, ServiceType request
        0x00, 0x00, 0x10, 0x00, // Xid
        0x00, 0x00,             // Reserved
        0x00, 0x1E,             // DCPDataLength: 30
        0x02, 0x02, 0x00, 0x07, // NameOfStation (2/2), DCPBlockLength 7
        0x00, 0x00,             // BlockInfo
        (byte)'d', (byte)'e', (byte)'v', (byte)'-', (byte)'a',
        0x00,                   // padding
        0x01, 0x02, 0x00, 0x0E, // IP parameter (1/2), DCPBlockLength 14
        0x00, 0x01,             // BlockInfo
        0x0A, 0x00, 0x00, 0x05, // 10.0.0.5
        0xFF, 0x00, 0x00, 0x00, // 255.0.0.0
        0x0A, 0x00, 0x00, 0x01, // 10.0.0.1
    ];

    /// <summary>DCP Get request: NameOfStation and IP parameter, as Option/Suboption pairs without lengths.</summary>
    public static readonly byte[] GetRequest =
    [
        0xFE, 0xFD,             // FrameID: DCP Get/Set
        0x03, 0x00,             // ServiceID Get, ServiceType request
        0x00, 0x00, 0x00, 0x07, // Xid
        0x00, 0x00,             // Reserved
        0x00, 0x04,             // DCPDataLength: 4
        0x02, 0x02,             // NameOfStation
        0x01, 0x02,             // IP parameter
    ];

    /// <summary>DCP Get response: the name, and an error for the IP parameter (BlockError 3: not supported).</summary>
    public static readonly byte[] GetResponse =
    [
        0xFE, 0xFD,             // FrameID: DCP Get/Set
        0x03, 0x01,             // ServiceID Get, ServiceType response success
        0x00, 0x00, 0x00, 0x07, // Xid
        0x00, 0x00,             // Reserved
        0x00, 0x14,             // DCPDataLength: 20
        0x02, 0x02, 0x00, 0x07, // NameOfStation (2/2), DCPBlockLength 7
        0x00, 0x00,             // BlockInfo
        (byte)'p', (byte)'l', (byte)'c', (byte)'-', (byte)'1',
        0x00,                   // padding
        0x05, 0x04, 0x00, 0x03, // Control/Response (5/4), DCPBlockLength 3 (never a BlockInfo)
        0x01, 0x02, 0x03,       // answers IP parameter (1/2): BlockError 3
        0x00,                   // padding
    ];

    /// <summary>DCP Set request: new NameOfStation (permanent), then Control/Stop closing the transaction.</summary>
    public static readonly byte[] SetName =
    [
        0xFE, 0xFD,             // FrameID: DCP Get/Set
        0x04, 0x00,             // ServiceID Set, ServiceType request
        0x00, 0x00, 0x00, 0x08, // Xid
        0x00, 0x00,             // Reserved
        0x00, 0x14,             // DCPDataLength: 20
        0x02, 0x02, 0x00, 0x0A, // NameOfStation (2/2), DCPBlockLength 10
        0x00, 0x01,             // BlockQualifier: save permanently
        (byte)'n', (byte)'e', (byte)'w', (byte)'-', (byte)'n', (byte)'a', (byte)'m', (byte)'e',
        0x05, 0x02, 0x00, 0x02, // Control/Stop (5/2), DCPBlockLength 2
        0x00, 0x00,             // BlockQualifier
    ];

    /// <summary>DCP Set response: both blocks of <see cref="SetName"/> acknowledged without error.</summary>
    public static readonly byte[] SetResponse =
    [
        0xFE, 0xFD,             // FrameID: DCP Get/Set
        0x04, 0x01,             // ServiceID Set, ServiceType response success
        0x00, 0x00, 0x00, 0x08, // Xid
        0x00, 0x00,             // Reserved
        0x00, 0x10,             // DCPDataLength: 16
        0x05, 0x04, 0x00, 0x03, // Control/Response, DCPBlockLength 3
        0x02, 0x02, 0x00,       // NameOfStation: no error
        0x00,                   // padding
        0x05, 0x04, 0x00, 0x03, // Control/Response, DCPBlockLength 3
        0x05, 0x02, 0x00,       // Stop: no error
        0x00,                   // padding
    ];

    /// <summary>DCP Set request: Control/ResetToFactory (5/6), mode "reset communication parameters".</summary>
    public static readonly byte[] SetResetToFactory =
    [
        0xFE, 0xFD,             // FrameID: DCP Get/Set
        0x04, 0x00,             // ServiceID Set, ServiceType request
        0x00, 0x00, 0x00, 0x09, // Xid
        0x00, 0x00,             // Reserved
        0x00, 0x06,             // DCPDataLength: 6
        0x05, 0x06, 0x00, 0x02, // Control/ResetToFactory (5/6), DCPBlockLength 2
        0x00, 0x04,             // BlockQualifier: reset mode 2 (communication parameters)
    ];

    /// <summary>DCP Set request: Control/Signal (5/3), flash the LED once.</summary>
    public static readonly byte[] SetSignal =
    [
        0xFE, 0xFD,             // FrameID: DCP Get/Set
        0x04, 0x00,             // ServiceID Set, ServiceType request
        0x00, 0x00, 0x00, 0x0A, // Xid
        0x00, 0x00,             // Reserved
        0x00, 0x08,             // DCPDataLength: 8
        0x05, 0x03, 0x00, 0x04, // Control/Signal (5/3), DCPBlockLength 4
        0x00, 0x00,             // BlockQualifier
        0x01, 0x00,             // SignalValue: flash once
    ];

    /// <summary>RTA DATA PDU on FrameID 0xFE01 with a low-priority diagnosis AlarmNotification.</summary>
    public static readonly byte[] AlarmNotification =
    [
        0xFE, 0x01,             // FrameID: alarm low
        0x80, 0x01,             // AlarmDstEndpoint
        0x80, 0x02,             // AlarmSrcEndpoint
        0x11,                   // PDUType: version 1, DATA-RTA-PDU
        0x01,                   // AddFlags: window size 1
        0x00, 0x05,             // SendSeqNum
        0xFF, 0xFF,             // AckSeqNum
        0x00, 0x1A,             // VarPartLen: 26
        0x00, 0x02,             // BlockType: AlarmNotification low
        0x00, 0x16,             // BlockLength: 22
        0x01, 0x00,             // BlockVersionHigh, BlockVersionLow
        0x00, 0x01,             // AlarmType: Diagnosis
        0x00, 0x00, 0x00, 0x00, // API 0
        0x00, 0x01,             // SlotNumber 1
        0x00, 0x01,             // SubslotNumber 1
        0x00, 0x00, 0x00, 0x08, // ModuleIdentNumber
        0x00, 0x00, 0x00, 0x01, // SubmoduleIdentNumber
        0xA8, 0x00,             // AlarmSpecifier: channel diagnosis, sequence 0
    ];

    /// <summary>RTA ERR PDU (icsnpp mixed_1 frame 601): the AR is aborted with PNIOStatus CF 81 FD 0F.</summary>
    public static readonly byte[] AlarmError =
    [
        0xFE, 0x01,             // FrameID: alarm low
        0x80, 0x01,             // AlarmDstEndpoint
        0x80, 0x01,             // AlarmSrcEndpoint
        0x14,                   // PDUType: version 1, ERR-RTA-PDU
        0x01,                   // AddFlags
        0xFF, 0xFF,             // SendSeqNum
        0xFF, 0xFE,             // AckSeqNum
        0x00, 0x04,             // VarPartLen: 4
        0xCF, 0x81, 0xFD, 0x0F, // PNIOStatus: RTA error, PNIO, protocol class, AR release.ind received
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, // Ethernet padding
    ];

    /// <summary>Cyclic RT_CLASS_1 frame: 8 octets of IO data then cycle counter, data status, transfer status.</summary>
    public static readonly byte[] CyclicClass1 =
    [
        0xC0, 0x00,             // FrameID: RT_CLASS_1
        0x80, 0x80, 0x80, 0x80, 0x01, 0x02, 0x03, 0x04, // IO data with IOPS/IOCS
        0x12, 0x34,             // CycleCounter
        0x35,                   // DataStatus: primary, valid, run, no problem
        0x00,                   // TransferStatus
    ];

    /// <summary>Cyclic RT_CLASS_3 (IRT) frame.</summary>
    public static readonly byte[] CyclicIrt =
    [
        0x01, 0x00,             // FrameID: 0x0100, RT_CLASS_3
        0x80, 0x80, 0x00, 0x00, // IO data
        0x00, 0x10,             // CycleCounter
        0x35, 0x00,             // DataStatus, TransferStatus
    ];
}
