namespace OtSensor.Outputs.Reports.Model;

/// <summary>One inventoried device as the report sees it: plain values copied from the analysis, no packets.</summary>
/// <remarks>
/// Decoupled from <c>OtSensor.Analysis.Inventory.Device</c> so a report can be built from a saved inventory or a
/// synthetic one (benchmarks) and a test can remove one cause of a finding without re-running a capture.
/// <see cref="PurdueLevel"/> is null when the classifier could not place the device (sensor-reference §2.1).
/// </remarks>
public sealed record ReportDevice(
    int Id,
    string Address,
    string Mac,
    string Name,
    string Vendor,
    string Model,
    string Firmware,
    string Type,
    double? PurdueLevel,
    bool IsInternet,
    bool IsProgrammingStation,
    string Protocols,
    DateTime FirstSeen,
    DateTime LastSeen)
{
    /// <summary>The /24 an IPv4 device belongs to (the device map's grouping), or a label for the others.</summary>
    public string Subnet
    {
        get
        {
            if (IsInternet) return "public addresses";
            int cut = Address.LastIndexOf('.');
            if (cut > 0 && Address.IndexOf(':', StringComparison.Ordinal) < 0) return string.Concat(Address.AsSpan(0, cut), ".0/24");
            return Address.Contains(':', StringComparison.Ordinal) && Address.Length > 17 ? "IPv6" : "layer 2 only (MAC)";
        }
    }

    /// <summary>The Purdue level as printed: "L1", "L3.5", or "?" when unknown.</summary>
    public string LevelText => PurdueLevel is { } level ? "L" + level.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) : "?";

    /// <summary>True for controllers: the targets "devices talking to many PLCs" counts.</summary>
    public bool IsController => Type.Contains("PLC", StringComparison.OrdinalIgnoreCase)
        || Type.Equals("RTU", StringComparison.OrdinalIgnoreCase) || Type.Contains("Controller", StringComparison.OrdinalIgnoreCase);
}
