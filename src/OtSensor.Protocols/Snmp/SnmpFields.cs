namespace OtSensor.Protocols.Snmp;

/// <summary>Stable names of the keys <see cref="SnmpMessage.WriteDetails"/> writes and of the session's stream anomalies.</summary>
public static class SnmpFields
{
    public const string Version = "version";
    public const string VersionName = "versionName";
    public const string CommunityLength = "communityLength";
    public const string RequestId = "requestId";
    public const string ErrorStatus = "errorStatus";
    public const string ErrorStatusName = "errorStatusName";
    public const string ErrorIndex = "errorIndex";
    public const string VarbindCount = "varbindCount";
    public const string Varbinds = "varbinds";
    public const string Oid = "oid";
    public const string Type = "type";
    public const string Value = "value";
    public const string MessageId = "msgId";
    public const string SecurityModel = "securityModel";
    public const string MessageFlags = "msgFlags";
    public const string Encrypted = "encrypted";
    public const string SysDescr = "sysDescr";
    public const string SysObjectId = "sysObjectID";
    public const string SysName = "sysName";

    /// <summary>Stream anomaly: a datagram on an SNMP flow that is not a BER SEQUENCE.</summary>
    public const string NotSnmp = "not_snmp";
}
