namespace OtSensor.Outputs.Forwarding;

/// <summary>
/// MITRE ATT&amp;CK for ICS technique → tactic, spelled as Sentinel's <c>Tactics</c> column and analytic rules spell
/// them (sensor-reference §10.4: <c>InhibitResponseFunction</c>, <c>ImpairProcessControl</c>, ...).
/// </summary>
/// <remarks>
/// Covers the techniques the alert catalogue uses; a technique listed under several tactics in the matrix is given its
/// first one there (e.g. T0858 Change Operating Mode: Execution, also Evasion). ICS "Evasion" is Sentinel's
/// <c>DefenseEvasion</c>.
/// </remarks>
public static class MitreIcsTactics
{
    private static readonly Dictionary<string, string> ByTechnique = new(StringComparer.Ordinal)
    {
        ["T0804"] = "InhibitResponseFunction", // Block Reporting Message
        ["T0806"] = "ImpairProcessControl",    // Brute Force I/O
        ["T0812"] = "LateralMovement",         // Default Credentials
        ["T0814"] = "InhibitResponseFunction", // Denial of Service
        ["T0815"] = "Impact",                  // Denial of View
        ["T0816"] = "InhibitResponseFunction", // Device Restart/Shutdown
        ["T0826"] = "Impact",                  // Loss of Availability
        ["T0830"] = "Collection",              // Adversary-in-the-Middle
        ["T0831"] = "Impact",                  // Manipulation of Control
        ["T0836"] = "ImpairProcessControl",    // Modify Parameter
        ["T0839"] = "Persistence",             // Module Firmware
        ["T0840"] = "Discovery",               // Network Connection Enumeration
        ["T0842"] = "Discovery",               // Network Sniffing
        ["T0843"] = "LateralMovement",         // Program Download
        ["T0845"] = "Collection",              // Program Upload
        ["T0846"] = "Discovery",               // Remote System Discovery
        ["T0855"] = "ImpairProcessControl",    // Unauthorized Command Message
        ["T0856"] = "DefenseEvasion",          // Spoof Reporting Message
        ["T0857"] = "Persistence",             // System Firmware
        ["T0858"] = "Execution",               // Change Operating Mode
        ["T0859"] = "Persistence",             // Valid Accounts
        ["T0861"] = "Collection",              // Point & Tag Identification
        ["T0864"] = "LateralMovement",         // Transient Cyber Asset
        ["T0866"] = "InitialAccess",           // Exploitation of Remote Services
        ["T0867"] = "LateralMovement",         // Lateral Tool Transfer
        ["T0869"] = "CommandAndControl",       // Standard Application Layer Protocol
        ["T0881"] = "InhibitResponseFunction", // Service Stop
        ["T0882"] = "Impact",                  // Theft of Operational Information
        ["T0883"] = "InitialAccess",           // Internet Accessible Device
        ["T0884"] = "CommandAndControl",       // Connection Proxy
        ["T0885"] = "CommandAndControl",       // Commonly Used Port
        ["T0886"] = "InitialAccess",           // Remote Services
        ["T0888"] = "Discovery",               // Remote System Information Discovery
        ["T0889"] = "Persistence",             // Modify Program
    };

    /// <summary>The tactic of a technique; null when not in the table.</summary>
    public static string? Tactic(string technique) => ByTechnique.GetValueOrDefault(technique);

    /// <summary>Distinct tactics of the techniques, in first-seen order.</summary>
    public static IReadOnlyList<string> Tactics(IReadOnlyList<string> techniques)
    {
        var list = new List<string>();
        foreach (var t in techniques)
            if (Tactic(t) is { } tactic && !list.Contains(tactic)) list.Add(tactic);
        return list;
    }
}
