namespace OtSensor.Protocols.Tests.Bacnet;

/// <summary>
/// Annotated BACnet/IP datagrams (UDP payloads), one per message kind: BVLL (ANSI/ASHRAE 135 Annex J), NPDU
/// (clause 6) and APDU (clause 20) with service parameters (clauses 13–16). Device 123 throughout.
/// </summary>
internal static class BacnetVectors
{
    /// <summary>Who-Is for devices 100..200, broadcast to all networks.</summary>
    public static readonly byte[] WhoIs =
    [
        0x81, 0x0B, 0x00, 0x10, // BVLC: BACnet/IP, Original-Broadcast-NPDU, length 16
        0x01, 0x20,             // NPDU version 1, control: DNET present
        0xFF, 0xFF, 0x00,       // DNET 65535 (global broadcast), DLEN 0
        0xFF,                   // hop count 255
        0x10, 0x08,             // APDU Unconfirmed-REQ, service 8 who-Is
        0x09, 0x64,             // [0] low limit 100
        0x19, 0xC8,             // [1] high limit 200
    ];

    /// <summary>I-Am from device 123: max APDU 1476, no segmentation, vendor 5 (Johnson Controls).</summary>
    public static readonly byte[] IAm =
    [
        0x81, 0x0B, 0x00, 0x18, // BVLC: Original-Broadcast-NPDU, length 24
        0x01, 0x20, 0xFF, 0xFF, 0x00, 0xFF, // NPDU: DNET 65535, DLEN 0, hop count 255
        0x10, 0x00,             // Unconfirmed-REQ, service 0 i-Am
        0xC4, 0x02, 0x00, 0x00, 0x7B, // application object id: device (8), instance 123
        0x22, 0x05, 0xC4,       // application unsigned: max APDU 1476
        0x91, 0x03,             // application enumerated: segmentation 3 no-segmentation
        0x21, 0x05,             // application unsigned: vendor id 5
    ];

    /// <summary>I-Am of device 123 routed from network 5 (SNET 5, SADR 0x0A).</summary>
    public static readonly byte[] RoutedIAm =
    [
        0x81, 0x0B, 0x00, 0x18, // BVLC: Original-Broadcast-NPDU, length 24
        0x01, 0x08,             // NPDU version 1, control: SNET present
        0x00, 0x05, 0x01, 0x0A, // SNET 5, SLEN 1, SADR 0x0A
        0x10, 0x00,             // Unconfirmed-REQ, i-Am
        0xC4, 0x02, 0x00, 0x00, 0x7B, // device 123
        0x22, 0x05, 0xC4,       // max APDU 1476
        0x91, 0x03,             // no-segmentation
        0x21, 0x05,             // vendor 5
    ];

    /// <summary>Who-Has for the object named "AHU1".</summary>
    public static readonly byte[] WhoHasName =
    [
        0x81, 0x0B, 0x00, 0x0F, // BVLC: Original-Broadcast-NPDU, length 15
        0x01, 0x00,             // NPDU: no routing
        0x10, 0x07,             // Unconfirmed-REQ, service 7 who-Has
        0x3D, 0x05, 0x00, 0x41, 0x48, 0x55, 0x31, // [3] object name: extended length 5, charset 0, "AHU1"
    ];

    /// <summary>I-Have: device 123 has analog-input 3 named "AHU1".</summary>
    public static readonly byte[] IHave =
    [
        0x81, 0x0A, 0x00, 0x19, // BVLC: Original-Unicast-NPDU, length 25
        0x01, 0x00,             // NPDU
        0x10, 0x01,             // Unconfirmed-REQ, service 1 i-Have
        0xC4, 0x02, 0x00, 0x00, 0x7B, // device 123
        0xC4, 0x00, 0x00, 0x00, 0x03, // analog-input (0), instance 3
        0x75, 0x05, 0x00, 0x41, 0x48, 0x55, 0x31, // character string, length 5: charset 0, "AHU1"
    ];

    /// <summary>ReadProperty device 123 object-name, invoke id 1.</summary>
    public static readonly byte[] ReadPropertyRequest =
    [
        0x81, 0x0A, 0x00, 0x11, // BVLC: Original-Unicast-NPDU, length 17
        0x01, 0x04,             // NPDU: expecting reply
        0x00, 0x05, 0x01, 0x0C, // Confirmed-REQ, max segs 0 / max APDU 1476, invoke 1, service 12 readProperty
        0x0C, 0x02, 0x00, 0x00, 0x7B, // [0] object id: device 123
        0x19, 0x4D,             // [1] property 77 object-name
    ];

    /// <summary>ReadProperty ack: device 123 object-name "AHU1" (UTF-8).</summary>
    public static readonly byte[] ReadPropertyAckObjectName =
    [
        0x81, 0x0A, 0x00, 0x19, // BVLC: Original-Unicast-NPDU, length 25
        0x01, 0x00,             // NPDU
        0x30, 0x01, 0x0C,       // Complex-ACK, invoke 1, service 12 readProperty
        0x0C, 0x02, 0x00, 0x00, 0x7B, // [0] device 123
        0x19, 0x4D,             // [1] object-name
        0x3E,                   // [3] opening: property value
        0x75, 0x05, 0x00, 0x41, 0x48, 0x55, 0x31, // character string: charset 0, "AHU1"
        0x3F,                   // [3] closing
    ];

    /// <summary>ReadProperty ack: device 123 model-name "M1" in UCS-2.</summary>
    public static readonly byte[] ReadPropertyAckModelUcs2 =
    [
        0x81, 0x0A, 0x00, 0x19, // BVLC: Original-Unicast-NPDU, length 25
        0x01, 0x00,             // NPDU
        0x30, 0x02, 0x0C,       // Complex-ACK, invoke 2, readProperty
        0x0C, 0x02, 0x00, 0x00, 0x7B, // [0] device 123
        0x19, 0x46,             // [1] model-name (70)
        0x3E,                   // [3] opening
        0x75, 0x05, 0x04, 0x00, 0x4D, 0x00, 0x31, // character string, length 5: charset 4 UCS-2, "M1"
        0x3F,                   // [3] closing
    ];

    /// <summary>ReadPropertyMultiple device 123: object-name and model-name; segmented response accepted.</summary>
    public static readonly byte[] ReadPropertyMultipleRequest =
    [
        0x81, 0x0A, 0x00, 0x15, // BVLC: Original-Unicast-NPDU, length 21
        0x01, 0x04,             // NPDU: expecting reply
        0x02, 0x05, 0x03, 0x0E, // Confirmed-REQ with SA, max APDU 1476, invoke 3, service 14 readPropertyMultiple
        0x0C, 0x02, 0x00, 0x00, 0x7B, // [0] device 123
        0x1E,                   // [1] opening: property references
        0x09, 0x4D,             // [0] object-name
        0x09, 0x46,             // [0] model-name
        0x1F,                   // [1] closing
    ];

    /// <summary>ReadPropertyMultiple ack: device 123 object-name "N", firmware-revision "F".</summary>
    public static readonly byte[] ReadPropertyMultipleAck =
    [
        0x81, 0x0A, 0x00, 0x1E, // BVLC: Original-Unicast-NPDU, length 30
        0x01, 0x00,             // NPDU
        0x30, 0x03, 0x0E,       // Complex-ACK, invoke 3, readPropertyMultiple
        0x0C, 0x02, 0x00, 0x00, 0x7B, // [0] device 123
        0x1E,                   // [1] opening: results
        0x29, 0x4D,             // [2] object-name
        0x4E, 0x72, 0x00, 0x4E, 0x4F, // [4] { character string: charset 0, "N" }
        0x29, 0x2C,             // [2] firmware-revision (44)
        0x4E, 0x72, 0x00, 0x46, 0x4F, // [4] { "F" }
        0x1F,                   // [1] closing
    ];

    /// <summary>WriteProperty analog-value 1 present-value 72.5 at priority 8.</summary>
    public static readonly byte[] WritePropertyRequest =
    [
        0x81, 0x0A, 0x00, 0x1A, // BVLC: Original-Unicast-NPDU, length 26
        0x01, 0x04,             // NPDU: expecting reply
        0x00, 0x05, 0x04, 0x0F, // Confirmed-REQ, invoke 4, service 15 writeProperty
        0x0C, 0x00, 0x80, 0x00, 0x01, // [0] analog-value (2), instance 1
        0x19, 0x55,             // [1] present-value (85)
        0x3E,                   // [3] opening
        0x44, 0x42, 0x91, 0x00, 0x00, // application REAL 72.5
        0x3F,                   // [3] closing
        0x49, 0x08,             // [4] priority 8
    ];

    /// <summary>Simple-ACK of the WriteProperty.</summary>
    public static readonly byte[] WritePropertyAck =
    [
        0x81, 0x0A, 0x00, 0x09, // BVLC: Original-Unicast-NPDU, length 9
        0x01, 0x00,             // NPDU
        0x20, 0x04, 0x0F,       // Simple-ACK, invoke 4, writeProperty
    ];

    /// <summary>ReinitializeDevice warmstart with password "pw".</summary>
    public static readonly byte[] ReinitializeWarmstart =
    [
        0x81, 0x0A, 0x00, 0x11, // BVLC: Original-Unicast-NPDU, length 17
        0x01, 0x04,             // NPDU: expecting reply
        0x00, 0x05, 0x05, 0x14, // Confirmed-REQ, invoke 5, service 20 reinitializeDevice
        0x09, 0x01,             // [0] state 1 warmstart
        0x1D, 0x03, 0x00, 0x70, 0x77, // [1] password: extended length 3, charset 0, "pw"
    ];

    /// <summary>DeviceCommunicationControl: disable for 60 minutes.</summary>
    public static readonly byte[] CommunicationControlDisable =
    [
        0x81, 0x0A, 0x00, 0x0E, // BVLC: Original-Unicast-NPDU, length 14
        0x01, 0x04,             // NPDU: expecting reply
        0x00, 0x05, 0x06, 0x11, // Confirmed-REQ, invoke 6, service 17 deviceCommunicationControl
        0x09, 0x3C,             // [0] time duration 60 minutes
        0x19, 0x01,             // [1] enable-disable: 1 disable
    ];

    /// <summary>SubscribeCOV: process 18, analog-input 3, unconfirmed notifications, lifetime 300 s.</summary>
    public static readonly byte[] SubscribeCov =
    [
        0x81, 0x0A, 0x00, 0x16, // BVLC: Original-Unicast-NPDU, length 22
        0x01, 0x04,             // NPDU: expecting reply
        0x00, 0x05, 0x07, 0x05, // Confirmed-REQ, invoke 7, service 5 subscribeCOV
        0x09, 0x12,             // [0] subscriber process id 18
        0x1C, 0x00, 0x00, 0x00, 0x03, // [1] analog-input 3
        0x29, 0x00,             // [2] issue confirmed notifications: false
        0x3A, 0x01, 0x2C,       // [3] lifetime 300
    ];

    /// <summary>AtomicWriteFile: file 1, stream access at 0, data "ab".</summary>
    public static readonly byte[] AtomicWriteFile =
    [
        0x81, 0x0A, 0x00, 0x16, // BVLC: Original-Unicast-NPDU, length 22
        0x01, 0x04,             // NPDU: expecting reply
        0x00, 0x05, 0x08, 0x07, // Confirmed-REQ, invoke 8, service 7 atomicWriteFile
        0xC4, 0x02, 0x80, 0x00, 0x01, // application object id: file (10), instance 1
        0x0E,                   // [0] opening: stream access
        0x31, 0x00,             // application signed: file start position 0
        0x62, 0x61, 0x62,       // application octet string, length 2: "ab"
        0x0F,                   // [0] closing
    ];

    /// <summary>AtomicReadFile: file 1, stream access at 0, 100 octets.</summary>
    public static readonly byte[] AtomicReadFile =
    [
        0x81, 0x0A, 0x00, 0x15, // BVLC: Original-Unicast-NPDU, length 21
        0x01, 0x04,             // NPDU: expecting reply
        0x00, 0x05, 0x09, 0x06, // Confirmed-REQ, invoke 9, service 6 atomicReadFile
        0xC4, 0x02, 0x80, 0x00, 0x01, // file 1
        0x0E,                   // [0] opening: stream access
        0x31, 0x00,             // file start position 0
        0x21, 0x64,             // requested octet count 100
        0x0F,                   // [0] closing
    ];

    /// <summary>Error for readProperty: class property (2), code unknown-property (32).</summary>
    public static readonly byte[] ReadPropertyError =
    [
        0x81, 0x0A, 0x00, 0x0D, // BVLC: Original-Unicast-NPDU, length 13
        0x01, 0x00,             // NPDU
        0x50, 0x01, 0x0C,       // Error, invoke 1, service 12 readProperty
        0x91, 0x02,             // application enumerated: error class 2 property
        0x91, 0x20,             // application enumerated: error code 32 unknown-property
    ];

    /// <summary>Reject, invoke 1, reason 9 unrecognized-service.</summary>
    public static readonly byte[] Reject =
    [
        0x81, 0x0A, 0x00, 0x09, // BVLC: Original-Unicast-NPDU, length 9
        0x01, 0x00,             // NPDU
        0x60, 0x01, 0x09,       // Reject, invoke 1, reason 9
    ];

    /// <summary>Abort from the server, invoke 1, reason 4 segmentation-not-supported.</summary>
    public static readonly byte[] AbortFromServer =
    [
        0x81, 0x0A, 0x00, 0x09, // BVLC: Original-Unicast-NPDU, length 9
        0x01, 0x00,             // NPDU
        0x71, 0x01, 0x04,       // Abort with SRV, invoke 1, reason 4
    ];

    /// <summary>Segment-ACK from the client: invoke 7, sequence 1, window 4.</summary>
    public static readonly byte[] SegmentAck =
    [
        0x81, 0x0A, 0x00, 0x0A, // BVLC: Original-Unicast-NPDU, length 10
        0x01, 0x00,             // NPDU
        0x40, 0x07, 0x01, 0x04, // Segment-ACK (NAK 0, SRV 0), invoke 7, sequence 1, window 4
    ];

    /// <summary>First segment of a ReadPropertyMultiple ack, cut mid-value by the segmentation.</summary>
    public static readonly byte[] SegmentedAckFirst =
    [
        0x81, 0x0A, 0x00, 0x15, // BVLC: Original-Unicast-NPDU, length 21
        0x01, 0x00,             // NPDU
        0x3C, 0x07, 0x00, 0x04, // Complex-ACK with SEG and MOR, invoke 7, sequence 0, window 4
        0x0E,                   // service 14 readPropertyMultiple
        0x0C, 0x02, 0x00, 0x00, 0x7B, // [0] device 123
        0x1E,                   // [1] opening
        0x29, 0x4C,             // [2] object-list (76)
        0x4E,                   // [4] opening
        0xC4,                   // object id tag whose four octets are in the next segment
    ];

    /// <summary>Last segment of that ack: sequence 1, service choice repeated, the rest of the value.</summary>
    public static readonly byte[] SegmentedAckLast =
    [
        0x81, 0x0A, 0x00, 0x11, // BVLC: Original-Unicast-NPDU, length 17
        0x01, 0x00,             // NPDU
        0x38, 0x07, 0x01, 0x04, // Complex-ACK with SEG (no MOR), invoke 7, sequence 1, window 4
        0x0E,                   // service 14
        0x00, 0x00, 0x00, 0x01, // continuation of the object id
        0x4F, 0x1F,             // [4] and [1] closing
    ];

    /// <summary>BVLC-Result: Register-Foreign-Device NAK (0x0030).</summary>
    public static readonly byte[] BvlcResultNak = [0x81, 0x00, 0x00, 0x06, /* BVLC-Result, length 6 */ 0x00, 0x30 /* result code */];

    /// <summary>Register-Foreign-Device with a 60 s time-to-live.</summary>
    public static readonly byte[] RegisterForeignDevice = [0x81, 0x05, 0x00, 0x06, /* Register-Foreign-Device, length 6 */ 0x00, 0x3C /* TTL 60 */];

    /// <summary>Read-Broadcast-Distribution-Table (no payload).</summary>
    public static readonly byte[] ReadBdt = [0x81, 0x02, 0x00, 0x04 /* Read-BDT, length 4 */];

    /// <summary>Read-BDT-Ack with one entry.</summary>
    public static readonly byte[] ReadBdtAck =
    [
        0x81, 0x03, 0x00, 0x0E, // BVLC: Read-Broadcast-Distribution-Table-Ack, length 14
        0xC0, 0xA8, 0x00, 0x01, 0xBA, 0xC0, // BBMD 192.168.0.1:47808
        0xFF, 0xFF, 0xFF, 0xFF, // broadcast distribution mask
    ];

    /// <summary>Read-FDT-Ack with one foreign device.</summary>
    public static readonly byte[] ReadFdtAck =
    [
        0x81, 0x07, 0x00, 0x0E, // BVLC: Read-Foreign-Device-Table-Ack, length 14
        0xC0, 0xA8, 0x00, 0x05, 0xBA, 0xC0, // foreign device 192.168.0.5:47808
        0x00, 0x3C,             // TTL 60
        0x00, 0x5A,             // seconds remaining 90
    ];

    /// <summary>Delete-Foreign-Device-Table-Entry for 192.168.0.5:47808.</summary>
    public static readonly byte[] DeleteFdtEntry = [0x81, 0x08, 0x00, 0x0A, /* Delete-FDT-Entry, length 10 */ 0xC0, 0xA8, 0x00, 0x05, 0xBA, 0xC0];

    /// <summary>Forwarded-NPDU from a BBMD: a Who-Is originally from 192.168.1.10:47808.</summary>
    public static readonly byte[] ForwardedWhoIs =
    [
        0x81, 0x04, 0x00, 0x0E, // BVLC: Forwarded-NPDU, length 14
        0xC0, 0xA8, 0x01, 0x0A, 0xBA, 0xC0, // original source 192.168.1.10:47808
        0x01, 0x00,             // NPDU
        0x10, 0x08,             // Unconfirmed-REQ, who-Is (no limits)
    ];

    /// <summary>Network layer message Who-Is-Router-To-Network for network 5.</summary>
    public static readonly byte[] WhoIsRouterToNetwork =
    [
        0x81, 0x0B, 0x00, 0x09, // BVLC: Original-Broadcast-NPDU, length 9
        0x01, 0x80,             // NPDU: network layer message
        0x00,                   // message type 0 Who-Is-Router-To-Network
        0x00, 0x05,             // network 5
    ];

    /// <summary>UnconfirmedCOVNotification: process 18, device 123, analog-input 3, present-value 72.5.</summary>
    public static readonly byte[] UnconfirmedCovNotification =
    [
        0x81, 0x0A, 0x00, 0x21, // BVLC: Original-Unicast-NPDU, length 33
        0x01, 0x00,             // NPDU
        0x10, 0x02,             // Unconfirmed-REQ, service 2 unconfirmedCOVNotification
        0x09, 0x12,             // [0] subscriber process id 18
        0x1C, 0x02, 0x00, 0x00, 0x7B, // [1] initiating device 123
        0x2C, 0x00, 0x00, 0x00, 0x03, // [2] monitored object analog-input 3
        0x39, 0x00,             // [3] time remaining 0
        0x4E,                   // [4] opening: list of values
        0x09, 0x55,             // [0] present-value
        0x2E, 0x44, 0x42, 0x91, 0x00, 0x00, 0x2F, // [2] { REAL 72.5 }
        0x4F,                   // [4] closing
    ];

    /// <summary>AcknowledgeAlarm: process 1, analog-input 3, state offnormal, acknowledged by "op1".</summary>
    public static readonly byte[] AcknowledgeAlarm =
    [
        0x81, 0x0A, 0x00, 0x20, // BVLC: Original-Unicast-NPDU, length 32
        0x01, 0x04,             // NPDU: expecting reply
        0x00, 0x05, 0x0A, 0x00, // Confirmed-REQ, invoke 10, service 0 acknowledgeAlarm
        0x09, 0x01,             // [0] acknowledging process id 1
        0x1C, 0x00, 0x00, 0x00, 0x03, // [1] event object analog-input 3
        0x29, 0x02,             // [2] event state acknowledged: offnormal
        0x3E, 0x19, 0x05, 0x3F, // [3] timestamp: [1] sequence number 5
        0x4C, 0x00, 0x6F, 0x70, 0x31, // [4] acknowledgment source: charset 0, "op1"
        0x5E, 0x19, 0x06, 0x5F, // [5] time of acknowledgment: [1] sequence number 6
    ];
}
