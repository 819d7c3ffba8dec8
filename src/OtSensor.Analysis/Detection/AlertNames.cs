namespace OtSensor.Analysis.Detection;

/// <summary>Static display strings of the detection enums: the sensor API's wording, never <c>Enum.ToString</c>.</summary>
/// <remarks>
/// Engines are the API <c>engine</c> strings (sensor-reference §3.1, §9.2). Severities map to the Azure portal's
/// scale as the catalogue pairs them (§3.2: "High (Critical)", "Medium (Major)", "Low (Minor)", "Low (Warning)"),
/// so Warning and Minor both read Low there; Informational is kept for timeline events, which carry no severity.
/// </remarks>
public static class AlertNames
{
    private static readonly string[] Engines = ["Protocol Violation", "Policy Violation", "Anomaly", "Malware", "Operational"];
    private static readonly string[] Severities = ["Warning", "Minor", "Major", "Critical"];
    private static readonly string[] AzureSeverities = ["Low", "Low", "Medium", "High"];
    private static readonly string[] Statuses = ["New", "Acknowledged", "Closed", "Muted", "Learned"];

    public static string Engine(AlertEngine engine) => Engines[(int)engine];
    public static string Severity(AlertSeverity severity) => Severities[(int)severity];
    public static string AzureSeverity(AlertSeverity severity) => AzureSeverities[(int)severity];
    public static string Status(AlertStatus status) => Statuses[(int)status];

    public static bool TryParseEngine(string? text, out AlertEngine engine) => TryParse(Engines, text, out engine);
    public static bool TryParseSeverity(string? text, out AlertSeverity severity) => TryParse(Severities, text, out severity);

    private static bool TryParse<T>(string[] names, string? text, out T value) where T : struct, Enum
    {
        for (int i = 0; i < names.Length; i++)
        {
            if (string.Equals(names[i], text, StringComparison.Ordinal))
            {
                value = (T)(object)(byte)i;
                return true;
            }
        }
        value = default;
        return false;
    }
}
