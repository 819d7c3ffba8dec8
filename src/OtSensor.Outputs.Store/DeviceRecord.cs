namespace OtSensor.Outputs.Store;

/// <summary>
/// One device as stored: the sensor API's device object (sensor-reference §9.1) plus the console's columns (Purdue
/// level, subnet, first/last seen, traffic, model, firmware) and its evidence.
/// </summary>
/// <remarks>
/// In a snapshot <see cref="Id"/> is the analysis run's device id (connections and alerts of the snapshot refer to it);
/// read back it is the store's own id, stable across runs and restarts. A device is the same device across runs when
/// its <see cref="Key"/> (primary address) is.
/// </remarks>
public sealed class DeviceRecord
{
    public int Id { get; set; }
    public required string Key { get; init; }
    public required string Name { get; init; }
    public IReadOnlyList<string> IpAddresses { get; init; } = [];
    public IReadOnlyList<string> MacAddresses { get; init; } = [];
    public string? Vendor { get; init; }
    public string? OperatingSystem { get; init; }
    public string Type { get; init; } = "Unknown";
    public bool EngineeringStation { get; init; }
    public bool Authorized { get; init; } = true;
    public bool Scanner { get; init; }
    public bool HasDynamicAddress { get; init; }
    public bool ProgrammingDevice { get; init; }
    public bool Internet { get; init; }
    public int? PurdueLevel { get; init; }
    public string? Subnet { get; init; }
    public string? SubnetName { get; init; }
    public long FirstSeen { get; init; }
    public long LastSeen { get; init; }
    public long PacketsSent { get; init; }
    public long PacketsReceived { get; init; }
    public long BytesSent { get; init; }
    public long BytesReceived { get; init; }
    public string? Model { get; init; }
    public string? FirmwareVersion { get; init; }
    public IReadOnlyList<DeviceProtocolRecord> Protocols { get; init; } = [];
    public IReadOnlyList<DeviceFirmwareRecord> Firmware { get; init; } = [];
    public IReadOnlyList<DeviceEvidenceRecord> Evidence { get; init; } = [];

    public long Packets => PacketsSent + PacketsReceived;
    public long Bytes => BytesSent + BytesReceived;
}
