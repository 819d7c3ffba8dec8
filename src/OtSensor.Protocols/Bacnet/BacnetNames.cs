namespace OtSensor.Protocols.Bacnet;

/// <summary>
/// Display names of BACnet codes, one static string per value, so that formatting a record never allocates
/// or calls <c>Enum.ToString</c>.
/// </summary>
/// <remarks>
/// Service, BVLC and PDU type names follow tshark 4.0 (<c>bacapp.confirmed_service</c>, <c>bvlc.function</c>) so
/// conformance output reads the same; the codes are ANSI/ASHRAE 135 §21 (BACnetConfirmedServiceChoice,
/// BACnetUnconfirmedServiceChoice), Annex J.2 (BVLC functions), §6.2.4 (network messages), §18.8/§18.9
/// (reject and abort reasons).
/// </remarks>
public static class BacnetNames
{
    private static readonly string[] ConfirmedServices =
    [
        "acknowledgeAlarm", "confirmedCOVNotification", "confirmedEventNotification", "getAlarmSummary",
        "getEnrollmentSummary", "subscribeCOV", "atomicReadFile", "atomicWriteFile", "addListElement",
        "removeListElement", "createObject", "deleteObject", "readProperty", "readPropertyConditional",
        "readPropertyMultiple", "writeProperty", "writePropertyMultiple", "deviceCommunicationControl",
        "confirmedPrivateTransfer", "confirmedTextMessage", "reinitializeDevice", "vtOpen", "vtClose", "vtData",
        "authenticate", "requestKey", "readRange", "lifeSafetyOperation", "subscribeCOVProperty",
        "getEventInformation", "subscribeCOVPropertyMultiple", "confirmedCOVNotificationMultiple",
        "confirmedAuditNotification", "auditLogQuery",
    ];

    private static readonly string[] UnconfirmedServices =
    [
        "i-Am", "i-Have", "unconfirmedCOVNotification", "unconfirmedEventNotification", "unconfirmedPrivateTransfer",
        "unconfirmedTextMessage", "timeSynchronization", "who-Has", "who-Is", "utcTimeSynchronization", "writeGroup",
        "unconfirmedCOVNotificationMultiple", "unconfirmedAuditNotification", "who-Am-I", "you-Are",
    ];

    private static readonly string[] PduTypes =
    [
        "Confirmed-REQ", "Unconfirmed-REQ", "Simple-ACK", "Complex-ACK", "Segment-ACK", "Error", "Reject", "Abort",
    ];

    private static readonly string[] BvlcFunctions =
    [
        "BVLC-Result", "Write-Broadcast-Distribution-Table", "Read-Broadcast-Distribution-Table",
        "Read-Broadcast-Distribution-Table-Ack", "Forwarded-NPDU", "Register-Foreign-Device",
        "Read-Foreign-Device-Table", "Read-Foreign-Device-Table-Ack", "Delete-Foreign-Device-Table-Entry",
        "Distribute-Broadcast-To-Network", "Original-Unicast-NPDU", "Original-Broadcast-NPDU", "Secure-BVLL",
    ];

    private static readonly string[] NetworkMessages =
    [
        "Who-Is-Router-To-Network", "I-Am-Router-To-Network", "I-Could-Be-Router-To-Network",
        "Reject-Message-To-Network", "Router-Busy-To-Network", "Router-Available-To-Network",
        "Initialize-Routing-Table", "Initialize-Routing-Table-Ack", "Establish-Connection-To-Network",
        "Disconnect-Connection-To-Network", "Challenge-Request", "Security-Payload", "Security-Response",
        "Request-Key-Update", "Update-Key-Set", "Update-Distribution-Key", "Request-Master-Key", "Set-Master-Key",
        "What-Is-Network-Number", "Network-Number-Is",
    ];

    private static readonly string[] ErrorClasses =
    [
        "device", "object", "property", "resources", "security", "services", "vt", "communication",
    ];

    private static readonly string[] RejectReasons =
    [
        "other", "buffer-overflow", "inconsistent-parameters", "invalid-parameter-data-type", "invalid-tag",
        "missing-required-parameter", "parameter-out-of-range", "too-many-arguments", "undefined-enumeration",
        "unrecognized-service",
    ];

    private static readonly string[] AbortReasons =
    [
        "other", "buffer-overflow", "invalid-apdu-in-this-state", "preempted-by-higher-priority-task",
        "segmentation-not-supported", "security-error", "insufficient-security", "window-size-out-of-range",
        "application-exceeded-reply-time", "out-of-resources", "tsm-timeout", "apdu-too-long",
    ];

    private static readonly string[] ReinitializeStates =
    [
        "coldstart", "warmstart", "start-backup", "end-backup", "start-restore", "end-restore", "abort-restore",
        "activate-changes",
    ];

    private static readonly string[] CommunicationStates = ["enable", "disable", "disable-initiation"];

    private static readonly string[] Segmentations = ["segmented-both", "segmented-transmit", "segmented-receive", "no-segmentation"];

    private static readonly string[] ObjectTypes =
    [
        "analog-input", "analog-output", "analog-value", "binary-input", "binary-output", "binary-value", "calendar",
        "command", "device", "event-enrollment", "file", "group", "loop", "multi-state-input", "multi-state-output",
        "notification-class", "program", "schedule", "averaging", "multi-state-value", "trend-log",
        "life-safety-point", "life-safety-zone", "accumulator", "pulse-converter", "event-log", "global-group",
        "trend-log-multiple", "load-control", "structured-view", "access-door", "timer", "access-credential",
        "access-point", "access-rights", "access-user", "access-zone", "credential-data-input", "network-security",
        "bitstring-value", "characterstring-value", "date-pattern-value", "date-value", "datetime-pattern-value",
        "datetime-value", "integer-value", "large-analog-value", "octetstring-value", "positive-integer-value",
        "time-pattern-value", "time-value", "notification-forwarder", "alert-enrollment", "channel",
        "lighting-output", "binary-lighting-output", "network-port", "elevator-group", "escalator", "lift",
    ];

    private static readonly string[] Anomalies =
    [
        "bvlc_length_mismatch", "bvlc_unknown_function", "bvlc_bad_payload_length", "npdu_bad_version",
        "npdu_reserved_bits", "npdu_truncated", "npdu_bad_address", "apdu_truncated", "apdu_unknown_type",
        "unknown_service", "tag_malformed", "tag_limit_exceeded", "service_malformed", "bad_segmentation",
        "bad_range",
    ];

    /// <summary>Service name of a confirmed (PDU types 0, 2, 3, 5) or unconfirmed (type 1) service choice.</summary>
    public static string? Service(BacnetPduType pduType, int choice)
        => pduType == BacnetPduType.UnconfirmedRequest ? Lookup(UnconfirmedServices, choice) : Lookup(ConfirmedServices, choice);

    public static bool IsKnownService(BacnetPduType pduType, int choice) => Service(pduType, choice) is not null;

    public static string? PduType(int type) => Lookup(PduTypes, type);

    public static string? BvlcFunction(int function) => Lookup(BvlcFunctions, function);

    /// <summary>Network layer message type (§6.2.4); 0x80–0xFF are proprietary.</summary>
    public static string? NetworkMessage(int type) => type >= 0x80 ? "Proprietary" : Lookup(NetworkMessages, type);

    public static string? ErrorClass(int value) => Lookup(ErrorClasses, value);

    public static string? RejectReason(int value) => Lookup(RejectReasons, value);

    public static string? AbortReason(int value) => Lookup(AbortReasons, value);

    public static string? ReinitializeState(int value) => Lookup(ReinitializeStates, value);

    public static string? CommunicationState(int value) => Lookup(CommunicationStates, value);

    public static string? Segmentation(int value) => Lookup(Segmentations, value);

    public static string? ObjectType(int value) => Lookup(ObjectTypes, value);

    /// <summary>BVLC-Result code (Annex J.2.1.1).</summary>
    public static string? BvlcResult(int code) => code switch
    {
        0x00 => "Successful completion",
        0x10 => "Write-Broadcast-Distribution-Table NAK",
        0x20 => "Read-Broadcast-Distribution-Table NAK",
        0x30 => "Register-Foreign-Device NAK",
        0x40 => "Read-Foreign-Device-Table NAK",
        0x50 => "Delete-Foreign-Device-Table-Entry NAK",
        0x60 => "Distribute-Broadcast-To-Network NAK",
        _ => null,
    };

    /// <summary>The property identifiers an analyst meets most (§21 BACnetPropertyIdentifier); null for the rest.</summary>
    public static string? Property(long id) => id switch
    {
        8 => "all",
        12 => "application-software-version",
        28 => "description",
        30 => "device-address-binding",
        32 => "effective-period",
        36 => "event-state",
        38 => "exception-schedule",
        44 => "firmware-revision",
        54 => "list-of-object-property-references",
        56 => "local-date",
        57 => "local-time",
        62 => "max-apdu-length-accepted",
        70 => "model-name",
        75 => "object-identifier",
        76 => "object-list",
        77 => "object-name",
        79 => "object-type",
        80 => "optional",
        81 => "out-of-service",
        85 => "present-value",
        87 => "priority-array",
        96 => "protocol-object-types-supported",
        97 => "protocol-services-supported",
        98 => "protocol-version",
        103 => "reliability",
        105 => "required",
        107 => "segmentation-supported",
        111 => "status-flags",
        112 => "system-status",
        117 => "units",
        120 => "vendor-identifier",
        121 => "vendor-name",
        123 => "weekly-schedule",
        139 => "protocol-revision",
        174 => "schedule-default",
        _ => null,
    };

    public static string Anomaly(int bit) => (uint)bit < (uint)Anomalies.Length ? Anomalies[bit] : "unknown";

    private static string? Lookup(string[] table, int index) => (uint)index < (uint)table.Length ? table[index] : null;
}
