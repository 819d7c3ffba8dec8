using OtSensor.Core.Net;
using OtSensor.Core.Time;

namespace OtSensor.Core.Protocols;

/// <summary>
/// Something malformed or suspicious below or between PDUs (a broken header, a TCP gap, a resync),
/// recorded instead of thrown. <see cref="Name"/> and <see cref="Layer"/> are static strings.
/// </summary>
public readonly struct AnomalyRecord
{
    public Timestamp Timestamp { get; init; }
    public long FrameNumber { get; init; }
    /// <summary>"link", "ipv4", "tcp", "stream", "modbus", …</summary>
    public string Layer { get; init; }
    public string Name { get; init; }
    public IPAddressBytes Source { get; init; }
    public IPAddressBytes Destination { get; init; }
    public ushort SourcePort { get; init; }
    public ushort DestinationPort { get; init; }
    public bool HasAddresses { get; init; }
}
