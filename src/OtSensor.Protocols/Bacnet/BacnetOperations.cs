using OtSensor.Core.Protocols;

namespace OtSensor.Protocols.Bacnet;

/// <summary>Protocol-neutral meaning of each BACnet service (ANSI/ASHRAE 135 §13–§17, §21).</summary>
/// <remarks>
/// Responses (Simple/Complex ACK, Error) carry the meaning of the service they answer. File transfer is
/// program transfer because AtomicReadFile/AtomicWriteFile are how controllers' programs and databases move
/// (§14.1, §14.2); ReinitializeDevice backup states are uploads and restore states downloads (§16.4.1.1.1).
/// </remarks>
public static class BacnetOperations
{
    private static readonly OtOperation[] Confirmed =
    [
        OtOperation.Control,          // 0 acknowledgeAlarm
        OtOperation.Read,             // 1 confirmedCOVNotification
        OtOperation.Other,            // 2 confirmedEventNotification
        OtOperation.Read,             // 3 getAlarmSummary
        OtOperation.Read,             // 4 getEnrollmentSummary
        OtOperation.Read,             // 5 subscribeCOV
        OtOperation.ProgramUpload,    // 6 atomicReadFile
        OtOperation.ProgramDownload,  // 7 atomicWriteFile
        OtOperation.Write,            // 8 addListElement
        OtOperation.Write,            // 9 removeListElement
        OtOperation.Write,            // 10 createObject
        OtOperation.Write,            // 11 deleteObject
        OtOperation.Read,             // 12 readProperty
        OtOperation.Read,             // 13 readPropertyConditional
        OtOperation.Read,             // 14 readPropertyMultiple
        OtOperation.Write,            // 15 writeProperty
        OtOperation.Write,            // 16 writePropertyMultiple
        OtOperation.Control,          // 17 deviceCommunicationControl
        OtOperation.Other,            // 18 confirmedPrivateTransfer
        OtOperation.Other,            // 19 confirmedTextMessage
        OtOperation.Restart,          // 20 reinitializeDevice
        OtOperation.Other,            // 21 vtOpen
        OtOperation.Other,            // 22 vtClose
        OtOperation.Other,            // 23 vtData
        OtOperation.Authentication,   // 24 authenticate
        OtOperation.Authentication,   // 25 requestKey
        OtOperation.Read,             // 26 readRange
        OtOperation.Control,          // 27 lifeSafetyOperation
        OtOperation.Read,             // 28 subscribeCOVProperty
        OtOperation.Read,             // 29 getEventInformation
        OtOperation.Read,             // 30 subscribeCOVPropertyMultiple
        OtOperation.Read,             // 31 confirmedCOVNotificationMultiple
        OtOperation.Other,            // 32 confirmedAuditNotification
        OtOperation.Read,             // 33 auditLogQuery
    ];

    private static readonly OtOperation[] Unconfirmed =
    [
        OtOperation.Identification,   // 0 i-Am
        OtOperation.Identification,   // 1 i-Have
        OtOperation.Read,             // 2 unconfirmedCOVNotification
        OtOperation.Other,            // 3 unconfirmedEventNotification
        OtOperation.Other,            // 4 unconfirmedPrivateTransfer
        OtOperation.Other,            // 5 unconfirmedTextMessage
        OtOperation.TimeSync,         // 6 timeSynchronization
        OtOperation.Discovery,        // 7 who-Has
        OtOperation.Discovery,        // 8 who-Is
        OtOperation.TimeSync,         // 9 utcTimeSynchronization
        OtOperation.Write,            // 10 writeGroup
        OtOperation.Read,             // 11 unconfirmedCOVNotificationMultiple
        OtOperation.Other,            // 12 unconfirmedAuditNotification
        OtOperation.Discovery,        // 13 who-Am-I
        OtOperation.Control,          // 14 you-Are
    ];

    public static OtOperation Of(BacnetPduType pduType, int serviceChoice)
    {
        var table = pduType == BacnetPduType.UnconfirmedRequest ? Unconfirmed : Confirmed;
        return (uint)serviceChoice < (uint)table.Length ? table[serviceChoice] : OtOperation.Other;
    }

    /// <summary>ReinitializeDevice by requested state (§16.4.1.1.1): backup reads the configuration out, restore writes it in.</summary>
    public static OtOperation OfReinitialize(int state) => state switch
    {
        2 or 3 => OtOperation.ProgramUpload,
        4 or 5 or 6 => OtOperation.ProgramDownload,
        _ => OtOperation.Restart,
    };
}
