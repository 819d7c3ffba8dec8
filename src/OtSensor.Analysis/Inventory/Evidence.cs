namespace OtSensor.Analysis.Inventory;

/// <summary>
/// One attribute value and where it came from: <see cref="Source"/> is a short id ("enip.identity", "oui", "port",
/// "rule"), <see cref="Detail"/> names the message or rule ("enip ListIdentity reply", "rule plc-s7-server-szl"),
/// <see cref="Confidence"/> is 0–100 (see <see cref="EvidenceConfidence"/>). Default = no value.
/// </summary>
public readonly struct Evidence(string value, string source, string? detail, byte confidence)
{
    public string? Value { get; } = value;
    public string Source { get; } = source;
    public string? Detail { get; } = detail;
    public byte Confidence { get; } = confidence;
    public bool HasValue => Value is not null;
}
