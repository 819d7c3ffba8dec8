using OtSensor.Core.Protocols;

namespace OtSensor.Analysis.Inventory;

/// <summary>Static source ids of evidence: one string per kind, never built per statement.</summary>
public static class EvidenceSources
{
    public const string Oui = "oui";
    public const string Port = "port";
    public const string Rule = "rule";
    public const string Decoded = "dpi";
    public const string Address = "address";

    private static readonly string[] IdentityIds = BuildIdentityIds();

    /// <summary>"&lt;protocol&gt;.identity" (e.g. "enip.identity"): an identity message of that protocol.</summary>
    public static string Identity(ProtocolId protocol) => IdentityIds[(byte)protocol];

    private static string[] BuildIdentityIds()
    {
        var ids = new string[256];
        for (int i = 0; i < ids.Length; i++) ids[i] = ProtocolNames.Get((ProtocolId)i) + ".identity";
        return ids;
    }
}
