namespace OtSensor.Protocols.S7CommPlus;

/// <summary>JSON keys of S7comm-plus details (static strings).</summary>
internal static class S7CommPlusFields
{
    public const string Version = "version";
    public const string DataLength = "dataLength";
    public const string Opcode = "opcode";
    public const string OpcodeName = "opcodeName";
    public const string Sequence = "sequence";
    public const string SessionId = "sessionId";
    public const string SubscriptionId = "subscriptionId";
    public const string IntegrityProtected = "integrityProtected";
    public const string Continuation = "continuation";
    public const string MoreFragments = "moreFragments";
}
