namespace OtSensor.Decoding.Reassembly;

/// <summary>
/// Per-direction bounds of <see cref="TcpReassembler"/>. Every bound, when hit, is counted and turned into a
/// gap (<see cref="ITcpStreamConsumer.OnGap"/>) so memory per flow stays bounded whatever the peers send.
/// </summary>
/// <remarks>
/// Defaults follow the idea of Suricata's <c>stream.reassembly.memcap</c>/<c>depth</c>: OT frames are small
/// (Modbus ADU 260 bytes, IEC 104 APDU 255 bytes), the largest (ENIP, S7/TPKT) stay under 64 KiB.
/// </remarks>
public sealed class ReassemblyLimits
{
    /// <summary>Shared default instance; treat as read-only.</summary>
    public static readonly ReassemblyLimits Default = new();

    /// <summary>
    /// Most bytes the consumer may leave unconsumed (a partial frame) per direction. When exceeded the pending
    /// bytes are dropped and the consumer gets a gap. Default 256 KiB.
    /// </summary>
    public int MaxPendingBytes { get; init; } = 256 * 1024;

    /// <summary>Most out-of-order segments (stored pieces) held per direction. Default 256.</summary>
    public int MaxOutOfOrderSegments { get; init; } = 256;

    /// <summary>Most out-of-order payload bytes held per direction. Default 1 MiB.</summary>
    public int MaxOutOfOrderBytes { get; init; } = 1024 * 1024;
}
