using System.Globalization;
using System.Text.Json.Serialization;

namespace OtSensor.Outputs.Forwarding;

/// <summary>
/// One alert as the forwarders send it: the single mapping point from the sensor's alert (as <c>alerts.json</c> writes
/// it, sensor API v2 fields plus ours) to everything outbound, so the detection model can change without touching the
/// Event Hubs or syslog formats.
/// </summary>
/// <remarks>
/// <see cref="MessageId"/> is stable for one revision of one alert: sensor, alert id, first detection and count. The
/// Event Hubs client delivers at least once (a batch whose settlement was lost is sent again), so receivers drop
/// repeats by this id; a later revision of the same alert (its count went up) gets a new id and is a new record, as
/// Defender for IoT writes a new <c>SecurityAlert</c> row per alert update (sensor-reference §10.2).
/// </remarks>
public sealed record OutboundAlert
{
    public required string Sensor { get; init; }
    public required long AlertId { get; init; }
    /// <summary>The catalogue id (e.g. <c>modbus-function-code</c>): CEF's Device Event Class ID.</summary>
    public required string Type { get; init; }
    public required string Title { get; init; }
    public required string Message { get; init; }
    /// <summary>The sensor's severity: Warning, Minor, Major or Critical.</summary>
    public required string Severity { get; init; }
    /// <summary>Protocol Violation, Policy Violation, Anomaly, Malware or Operational.</summary>
    public required string Engine { get; init; }
    public string Category { get; init; } = "";
    public string Status { get; init; } = "New";
    public string? Protocol { get; init; }
    public string? SourceAddress { get; init; }
    public string? DestinationAddress { get; init; }
    public int? SourceDevice { get; init; }
    public int? DestinationDevice { get; init; }
    public IReadOnlyList<string> RemediationSteps { get; init; } = [];
    public IReadOnlyList<string> Information { get; init; } = [];
    /// <summary>MITRE ATT&amp;CK for ICS technique ids (e.g. <c>T0855</c>).</summary>
    public IReadOnlyList<string> Techniques { get; init; } = [];
    public long Count { get; init; } = 1;
    public required DateTimeOffset FirstDetection { get; init; }
    public required DateTimeOffset LastDetection { get; init; }

    /// <summary>An alert, or a device-change or event record (those carry their record in <see cref="Body"/>).</summary>
    public RecordKind Kind { get; init; } = RecordKind.Alert;

    /// <summary>The record's JSON for a device-change or event record (a device-change record gets its
    /// <c>ChangeType</c> when sent, from whether the outbox saw the device before).</summary>
    public string? Body { get; init; }

    /// <summary>For a device-change or event record: its key across revisions (device identity, event position).</summary>
    public string? RecordKey { get; init; }

    /// <summary>For a device-change or event record: this revision (the device's fingerprint).</summary>
    public string? Revision { get; init; }

    /// <summary>The alert across its revisions: Sentinel's <c>VendorOriginalId</c>.</summary>
    [JsonIgnore]
    public string AlertKey => RecordKey ?? string.Create(CultureInfo.InvariantCulture, $"{Sensor}:{AlertId}:{FirstDetection.ToUnixTimeMilliseconds()}");

    /// <summary>This revision of the alert: the dedupe id.</summary>
    [JsonIgnore]
    public string MessageId => RecordKey is null ? string.Create(CultureInfo.InvariantCulture, $"{AlertKey}:{Count}") : $"{RecordKey}:{Revision}";

    /// <summary>Order is kept per partition key: per source device, so one device's alerts arrive in sequence.</summary>
    [JsonIgnore]
    public string PartitionKey => string.IsNullOrEmpty(SourceAddress) ? Sensor : $"{Sensor}/{SourceAddress}";

    /// <summary>0 (Warning) to 3 (Critical): the outbox drops the least severe first when full.</summary>
    [JsonIgnore]
    public int SeverityRank => Severity switch
    {
        "Critical" => 3,
        "Major" => 2,
        "Minor" => 1,
        _ => 0,
    };

    /// <summary>The Azure portal's scale (sensor-reference §3.2): Critical → High, Major → Medium, Minor/Warning → Low.</summary>
    [JsonIgnore]
    public string AzureSeverity => Severity switch
    {
        "Critical" => "High",
        "Major" => "Medium",
        "Minor" or "Warning" => "Low",
        _ => "Informational",
    };
}
