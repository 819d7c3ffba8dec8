using System.Globalization;

namespace OtSensor.Outputs.Reports.Risk;

/// <summary>The score's weights: per finding kind its category, maximum penalty, title, and mitigation.</summary>
/// <remarks>
/// The sensor does not publish its formula (sensor-reference §5.1 lists only the inputs and the bands), so this one is
/// ours and printed in every report. A finding costs <c>weight × (0.5 + 0.5 × min(1, (count − 1) / 9))</c>: half the
/// weight for the first occurrence, the full weight from ten on. Counts are absolute, never shares of the site, so
/// findings are independent: fixing one changes no other finding's penalty, and the gain printed is exact.
/// The score is <c>max(0, 100 − Σ penalties)</c>.
/// </remarks>
public static class RiskWeights
{
    public const string Devices = "Devices";
    public const string Protocols = "Protocols";
    public const string Network = "Network";
    public const string Operations = "Operations";

    public static IReadOnlyList<string> Categories { get; } = [Devices, Protocols, Network, Operations];

    private static readonly (string Category, double Weight, string Title, string Mitigation)[] Table =
    [
        (Devices, 15, "Devices with known vulnerabilities", "Upgrade firmware to a fixed version or apply the vendor's mitigations from the advisory; restrict access to the affected devices."),
        (Devices, 8, "Unauthorized or new devices", "Identify each new device; remove it, or approve it and add it to the baseline."),
        (Devices, 3, "Controllers with unknown firmware", "Record firmware versions from the engineering tools so vulnerabilities can be checked."),
        (Protocols, 8, "Insecure cleartext industrial protocols", "Restrict cleartext OT protocols to the cell that needs them; use secure variants (TLS, S7CommPlus with integrity, DNP3-SA) where the devices support them."),
        (Protocols, 7, "Cleartext credential protocols (Telnet, FTP, HTTP, SNMP v1/v2c)", "Replace Telnet/FTP/HTTP/SNMPv2 with SSH/SFTP/HTTPS/SNMPv3; change any password sent in clear."),
        (Protocols, 6, "Remote access sessions", "Route remote access through a jump host in the DMZ with MFA; close direct RDP/VNC/TeamViewer paths."),
        (Network, 12, "Connections to the internet", "Block direct internet access from OT devices; allow only named update servers through a proxy in the DMZ."),
        (Network, 8, "Connections skipping Purdue levels", "Force traffic between non-adjacent levels through the level in between (DMZ, historian, jump host) and firewall it."),
        (Network, 4, "Connections crossing Purdue levels", "Document each cross-level flow and permit only it at the level boundary firewall."),
        (Network, 3, "Connections between subnets", "Review routed flows between subnets and restrict them to documented needs."),
        (Network, 5, "Devices talking to many PLCs", "Check that each device reaching many controllers is an approved engineering station or SCADA server; segment the rest."),
        (Operations, 7, "PLC programming and program uploads", "Confirm each programming session with the plant's change records; restrict programming to named engineering stations."),
        (Operations, 6, "Controller stop, start and mode changes", "Confirm each stop, reset or mode change with operations; set controllers to run/protected mode (key switch)."),
        (Operations, 5, "Firmware updates and changes", "Confirm each firmware change with the maintenance plan and the vendor's signed release."),
        (Operations, 8, "Open critical alerts", "Investigate and close every critical alert."),
        (Operations, 5, "Open major alerts", "Investigate and close every major alert."),
        (Operations, 3, "Open minor alerts", "Review minor alerts; learn the legitimate ones into the baseline."),
        (Operations, 1, "Open warnings", "Review warnings and acknowledge them."),
    ];

    public static string Category(FindingKind kind) => Table[(int)kind].Category;

    public static double Weight(FindingKind kind) => Table[(int)kind].Weight;

    public static string Title(FindingKind kind) => Table[(int)kind].Title;

    public static string Mitigation(FindingKind kind) => Table[(int)kind].Mitigation;

    public static int KindCount => Table.Length;

    /// <summary>The penalty of <paramref name="count"/> occurrences of a finding kind (0 for none).</summary>
    public static double Penalty(FindingKind kind, int count)
        => count <= 0 ? 0 : Math.Round(Weight(kind) * (0.5 + (0.5 * Math.Min(1.0, (count - 1) / 9.0))), 2);

    /// <summary>"High" for weights of 8 and more, "Medium" from 4, else "Low".</summary>
    public static string RiskOf(FindingKind kind) => Weight(kind) >= 8 ? "High" : Weight(kind) >= 4 ? "Medium" : "Low";

    /// <summary>The band names of sensor-reference §5.1: Secure &gt; 90, Needs improvement 70–89, Vulnerable &lt; 70.</summary>
    public static string Band(double score) => score > 90 ? "Secure" : score >= 70 ? "Needs improvement" : "Vulnerable";

    /// <summary>The formula as one sentence, printed in the executive summary.</summary>
    public static string FormulaText { get; } = string.Create(CultureInfo.InvariantCulture,
        $"Score = max(0, 100 - sum of finding penalties). A finding of weight W seen N times costs W x (0.5 + 0.5 x min(1, (N - 1) / 9)): half its weight for one occurrence, all of it from ten. Weights: {string.Join(", ", Table.Select(t => $"{t.Title} {t.Weight}"))}.");
}
