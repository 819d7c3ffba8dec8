namespace OtSensor.Protocols.Mms;

/// <summary>Static name tables (ISO 9506-2 ASN.1 identifiers, as tshark's mms dissector spells them).</summary>
public static class MmsNames
{
    private static readonly string[] Anomalies =
    [
        "malformed_session", "malformed_presentation", "malformed_acse", "malformed_ber", "indefinite_length",
        "unknown_pdu_type", "missing_invoke_id", "missing_service", "unknown_service", "trailing_bytes",
    ];

    private static readonly string[] PduTypes =
    [
        "confirmed-Request", "confirmed-Response", "confirmed-Error", "unconfirmed-PDU", "rejectPDU", "cancel-Request",
        "cancel-Response", "cancel-Error", "initiate-Request", "initiate-Response", "initiate-Error",
        "conclude-Request", "conclude-Response", "conclude-Error",
    ];

    private static readonly string[] Services =
    [
        "status", "getNameList", "identify", "rename", "read", "write", "getVariableAccessAttributes",
        "defineNamedVariable", "defineScatteredAccess", "getScatteredAccessAttributes", "deleteVariableAccess",
        "defineNamedVariableList", "getNamedVariableListAttributes", "deleteNamedVariableList", "defineNamedType",
        "getNamedTypeAttributes", "deleteNamedType", "input", "output", "takeControl", "relinquishControl",
        "defineSemaphore", "deleteSemaphore", "reportSemaphoreStatus", "reportPoolSemaphoreStatus",
        "reportSemaphoreEntryStatus", "initiateDownloadSequence", "downloadSegment", "terminateDownloadSequence",
        "initiateUploadSequence", "uploadSegment", "terminateUploadSequence", "requestDomainDownload",
        "requestDomainUpload", "loadDomainContent", "storeDomainContent", "deleteDomain", "getDomainAttributes",
        "createProgramInvocation", "deleteProgramInvocation", "start", "stop", "resume", "reset", "kill",
        "getProgramInvocationAttributes", "obtainFile", "defineEventCondition", "deleteEventCondition",
        "getEventConditionAttributes", "reportEventConditionStatus", "alterEventConditionMonitoring", "triggerEvent",
        "defineEventAction", "deleteEventAction", "getEventActionAttributes", "reportEventActionStatus",
        "defineEventEnrollment", "deleteEventEnrollment", "alterEventEnrollment", "reportEventEnrollmentStatus",
        "getEventEnrollmentAttributes", "acknowledgeEventNotification", "getAlarmSummary",
        "getAlarmEnrollmentSummary", "readJournal", "writeJournal", "initializeJournal", "reportJournalStatus",
        "createJournal", "deleteJournal", "getCapabilityList", "fileOpen", "fileRead", "fileClose", "fileRename",
        "fileDelete", "fileDirectory",
    ];

    private static readonly string[] DataAccessErrors =
    [
        "object-invalidated", "hardware-fault", "temporarily-unavailable", "object-access-denied", "object-undefined",
        "invalid-address", "type-unsupported", "type-inconsistent", "object-attribute-inconsistent",
        "object-access-unsupported", "object-non-existent", "object-value-invalid",
    ];

    public static string Anomaly(int bit) => (uint)bit < (uint)Anomalies.Length ? Anomalies[bit] : "unknown";

    public static string? PduType(int type) => (uint)type < (uint)PduTypes.Length ? PduTypes[type] : null;

    /// <summary>Confirmed service name (ConfirmedServiceRequest/Response alternatives 0–77 of ISO 9506-2 §7.2).</summary>
    public static string? Service(int service) => (uint)service < (uint)Services.Length ? Services[service] : null;

    public static bool IsKnownService(int service) => Service(service) is not null;

    public static string? UnconfirmedService(int service) => service switch
    {
        0 => "informationReport",
        1 => "unsolicitedStatus",
        2 => "eventNotification",
        _ => null,
    };

    public static string? DataAccessError(int code) => (uint)code < (uint)DataAccessErrors.Length ? DataAccessErrors[code] : null;
}
