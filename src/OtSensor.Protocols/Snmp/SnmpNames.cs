namespace OtSensor.Protocols.Snmp;

/// <summary>Static names for SNMP versions, PDU types, error statuses and anomaly bits.</summary>
/// <remarks>PDU names follow tshark 4.0's <c>snmp.data</c> value strings.</remarks>
public static class SnmpNames
{
    private static readonly string[] Pdus =
    [
        "get-request", "get-next-request", "get-response", "set-request", "trap", "getBulkRequest", "informRequest", "snmpV2-trap", "report",
    ];

    private static readonly string[] Errors =
    [
        "noError", "tooBig", "noSuchName", "badValue", "readOnly", "genErr", "noAccess", "wrongType", "wrongLength", "wrongEncoding",
        "wrongValue", "noCreation", "inconsistentValue", "resourceUnavailable", "commitFailed", "undoFailed", "authorizationError",
        "notWritable", "inconsistentName",
    ];

    private static readonly string[] Anomalies = ["malformed", "unknown_version", "unknown_pdu_type", "trailing_bytes", "too_many_varbinds", "bad_oid"];

    public static string? Pdu(int type) => (uint)type < (uint)Pdus.Length ? Pdus[type] : null;

    public static string? Error(long status) => (ulong)status < (ulong)Errors.Length ? Errors[status] : null;

    public static string? Version(int version) => version switch { 0 => "v1", 1 => "v2c", 3 => "v3", _ => null };

    /// <summary>Stable name of one <see cref="SnmpAnomalies"/> bit.</summary>
    public static string Anomaly(int bit) => (uint)bit < (uint)Anomalies.Length ? Anomalies[bit] : "unknown";
}
