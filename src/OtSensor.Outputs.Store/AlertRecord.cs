namespace OtSensor.Outputs.Store;

/// <summary>
/// An alert as stored: the sensor API's v2 alert object (sensor-reference §9.2) plus triage state (status, count,
/// first/last time), the catalogue type, protocol, MITRE techniques and the path of its evidence PCAP.
/// </summary>
/// <remarks>
/// In a snapshot <see cref="Id"/> is the analysis run's alert id and the device ids are the run's; read back they are the
/// store's. <see cref="Uuid"/> follows the management console's format (<c>&lt;id&gt;-&lt;first time ms&gt;</c>).
/// </remarks>
public sealed class AlertRecord
{
    public long Id { get; set; }
    public string Uuid { get; set; } = "";
    public long Time { get; init; }
    public long LastTime { get; init; }
    public required string Title { get; init; }
    public required string Message { get; init; }
    public required string Severity { get; init; }
    public required string Engine { get; init; }
    public int? SourceDevice { get; set; }
    public int? DestinationDevice { get; set; }
    public string? SourceDeviceAddress { get; init; }
    public string? DestinationDeviceAddress { get; init; }
    public IReadOnlyList<string> RemediationSteps { get; init; } = [];
    public string? Description { get; init; }
    public IReadOnlyList<string> Information { get; init; } = [];
    public string Type { get; init; } = "";
    public string Category { get; init; } = "";
    public string Status { get; set; } = AlertStatuses.New;
    public long Count { get; init; } = 1;
    public string? Protocol { get; init; }
    public IReadOnlyList<MitreRecord> Mitre { get; init; } = [];
    public string? PcapPath { get; set; }
    public bool Learned { get; set; }

    /// <summary>Handled in the sensor API's sense: anything but a new alert.</summary>
    public bool Handled => Status != AlertStatuses.New;
}
