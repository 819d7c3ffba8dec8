using OtSensor.Core.Net;

namespace OtSensor.Engine.Pipeline;

/// <summary>
/// Decides which bad IPv4 header checksums become <c>anomalies.jsonl</c> records: the first
/// <see cref="RecordsPerSender"/> of each sender; every one is still counted in <c>summary.json</c>.
/// </summary>
/// <remarks>
/// <para>A capture taken on the sending host carries the checksum its network card was to fill in (checksum offload):
/// zero or stale on every packet that host sent, which is why tshark does not validate IPv4 checksums by default
/// (Suricata's <c>checksum-validation: auto</c> and Zeek's checksum warning exist for the same reason). Recording each
/// one filled the record cap with one artefact (814,410 of the public concatenation's 831,120 records) and hid the
/// anomalies after it. A sender whose checksums are wrong shows it in its first few records; a corrupted packet from
/// a sender whose checksums are otherwise right is recorded, as it is one of that sender's first few bad ones.</para>
/// <para>Bounded: a direct-mapped table of <see cref="Slots"/> senders; a sender that collides with another takes over
/// its slot and may be recorded a few times more. Only packets with a bad checksum reach it.</para>
/// </remarks>
internal sealed class ChecksumAnomalyLimiter
{
    /// <summary>Records kept per sender.</summary>
    public const int RecordsPerSender = 3;
    private const int Slots = 4096;
    private readonly IPAddressBytes[] _senders = new IPAddressBytes[Slots];
    private readonly int[] _recorded = new int[Slots];

    /// <summary>Bad checksums seen but not recorded.</summary>
    public long Unrecorded { get; private set; }

    /// <summary>Whether this bad checksum from <paramref name="sender"/> is recorded (true for its first few).</summary>
    public bool ShouldRecord(IPAddressBytes sender)
    {
        int slot = (int)((sender.Low ^ sender.High) * 0x9E37_79B9_7F4A_7C15UL >> 52) & (Slots - 1);
        if (_senders[slot] != sender)
        {
            _senders[slot] = sender;
            _recorded[slot] = 0;
        }
        if (_recorded[slot] < RecordsPerSender)
        {
            _recorded[slot]++;
            return true;
        }
        Unrecorded++;
        return false;
    }
}
