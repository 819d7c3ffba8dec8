namespace OtSensor.Protocols.NetBios;

/// <summary>Stable names of the keys <see cref="NetBiosMessage.WriteDetails"/> writes and of the session's stream anomalies.</summary>
public static class NetBiosFields
{
    public const string Service = "service";
    public const string TransactionId = "transactionId";
    public const string Opcode = "opcode";
    public const string OpcodeName = "opcodeName";
    public const string Rcode = "rcode";
    public const string BroadcastFlag = "broadcast";
    public const string Name = "name";
    public const string Suffix = "suffix";
    public const string SuffixName = "suffixName";
    public const string RecordType = "recordType";
    public const string Group = "group";
    public const string Address = "address";
    public const string NodeNames = "nodeNames";
    public const string UnitId = "unitId";
    public const string MessageTypeName = "messageTypeName";
    public const string DatagramId = "datagramId";
    public const string SourceIp = "sourceIp";
    public const string SourcePort = "sourcePort";
    public const string SourceName = "sourceName";
    public const string SourceSuffix = "sourceSuffix";
    public const string DestinationName = "destinationName";
    public const string DestinationSuffix = "destinationSuffix";
    public const string BrowserCommand = "browserCommand";
    public const string BrowserCommandName = "browserCommandName";
    public const string ServerName = "serverName";
    public const string OsMajor = "osMajor";
    public const string OsMinor = "osMinor";
    public const string ServerType = "serverType";
    public const string Comment = "comment";

    /// <summary>Stream anomaly: a datagram on a NetBIOS flow too short for any header.</summary>
    public const string NotNetBios = "not_netbios";
}
