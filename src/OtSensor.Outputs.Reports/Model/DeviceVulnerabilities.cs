using OtSensor.Outputs.Reports.Risk;

namespace OtSensor.Outputs.Reports.Model;

/// <summary>
/// What the report found against one device, in the shape of the sensor's per-device vulnerability report
/// (sensor-reference §5.1, <c>/api/v1/reports/vulnerabilities/devices</c>): CVEs, remote access, cleartext credential
/// protocols, unauthorized.
/// </summary>
public sealed class DeviceVulnerabilities
{
    public List<KnownVulnerability> Cves { get; } = [];
    public List<(int Port, string Client, string Software)> RemoteAccess { get; } = [];
    public List<(string Protocol, int Port)> PlainTextProtocols { get; } = [];
    public bool Unauthorized { get; set; }
    public bool IsEmpty => Cves.Count == 0 && RemoteAccess.Count == 0 && PlainTextProtocols.Count == 0 && !Unauthorized;
}
