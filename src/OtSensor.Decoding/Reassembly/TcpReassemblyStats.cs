namespace OtSensor.Decoding.Reassembly;

/// <summary>
/// Counters of one <see cref="TcpReassembler"/> (both directions), or the sum over many when
/// <see cref="Add"/> is used to build sensor-wide statistics.
/// </summary>
public struct TcpReassemblyStats
{
    /// <summary>Segments offered, including empty ones (pure ACKs) and retransmissions.</summary>
    public long Segments;
    /// <summary>Payload bytes handed to the consumer for the first time (each sequence number counted once).</summary>
    public long BytesDelivered;
    /// <summary>Segments that carried only bytes already delivered or already stored.</summary>
    public long RetransmittedSegments;
    /// <summary>Payload bytes dropped because they were already delivered (never delivered twice).</summary>
    public long RetransmittedBytes;
    /// <summary>Segments that arrived ahead of the next expected sequence number and were stored.</summary>
    public long OutOfOrderSegments;
    /// <summary>Segments that overlapped bytes already stored out of order (first copy wins).</summary>
    public long Overlaps;
    /// <summary>Overlaps whose bytes differ from the stored copy: an evasion or corruption anomaly.</summary>
    public long OverlapMismatches;
    /// <summary>Gaps reported to the consumer.</summary>
    public long Gaps;
    /// <summary>Sequence space skipped by gaps (bytes never seen).</summary>
    public long GapBytes;
    /// <summary>Times the out-of-order store was full (segment or byte bound), forcing a gap.</summary>
    public long OutOfOrderBoundHits;
    /// <summary>Times unconsumed bytes exceeded <see cref="ReassemblyLimits.MaxPendingBytes"/> and were dropped.</summary>
    public long PendingBoundHits;
    /// <summary>Out-of-order bytes discarded because the connection was reset.</summary>
    public long DroppedOnResetBytes;

    /// <summary>Adds <paramref name="other"/> to this instance, field by field.</summary>
    public void Add(in TcpReassemblyStats other)
    {
        Segments += other.Segments;
        BytesDelivered += other.BytesDelivered;
        RetransmittedSegments += other.RetransmittedSegments;
        RetransmittedBytes += other.RetransmittedBytes;
        OutOfOrderSegments += other.OutOfOrderSegments;
        Overlaps += other.Overlaps;
        OverlapMismatches += other.OverlapMismatches;
        Gaps += other.Gaps;
        GapBytes += other.GapBytes;
        OutOfOrderBoundHits += other.OutOfOrderBoundHits;
        PendingBoundHits += other.PendingBoundHits;
        DroppedOnResetBytes += other.DroppedOnResetBytes;
    }
}
