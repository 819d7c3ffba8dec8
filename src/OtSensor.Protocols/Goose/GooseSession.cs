using OtSensor.Core.Net;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Registry;

namespace OtSensor.Protocols.Goose;

/// <summary>
/// One pipeline's GOOSE state: decodes every frame on EtherType 0x88B8 and judges each publisher's stNum/sqNum
/// against its previous frame, in a bounded table (<see cref="GooseConstants.DefaultMaxPublishers"/>, oldest evicted).
/// </summary>
/// <remarks>
/// IEC 61850-7-2 (GOOSE message) and IEC 61850-8-1 §18.1: a publisher repeats its data set with sqNum counting up;
/// a value change increments stNum and restarts sqNum at 0 (Ed.1 devices: 1); both roll over at 2^32 − 1. So, for
/// (previous → current) of one publisher:
/// <code>
///   same stNum:   sqNum +1 ok | same: sequence_duplicate | +2 or more: sequence_gap
///                 lower, now 0/1: sequence_reset (restart) | lower otherwise: sequence_regressed
///   stNum +1:     stateChange; sqNum not 0/1: sequence_not_restarted
///   stNum +2..:   stateChange, state_number_gap (and sequence_not_restarted as above)
///   stNum lower:  stateChange; now stNum 0/1 with sqNum 0/1: sequence_reset | otherwise: state_number_regressed
/// </code>
/// A publisher's first frame sets no sequence bit and <c>stateChange</c> false. Frames without gocbRef, stNum or
/// sqNum are not tracked.
/// </remarks>
public sealed class GooseSession : IFrameSession
{
    private readonly GoosePublisherTable _publishers;
    private bool _fullReported;

    public GooseSession()
        : this(GooseConstants.DefaultMaxPublishers)
    {
    }

    /// <param name="maxPublishers">Bound of the publisher table; the least recently seen publisher is evicted beyond it.</param>
    public GooseSession(int maxPublishers) => _publishers = new GoosePublisherTable(maxPublishers);

    /// <summary>Publishers currently tracked.</summary>
    public int PublisherCount => _publishers.Count;

    public void OnFrame(ReadOnlySpan<byte> payload, MacAddress source, MacAddress destination, IProtocolEventSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        if (!GooseParser.TryDecode(payload, out var d))
        {
            sink.OnStreamAnomaly(ProtocolId.Goose, GooseNames.TruncatedHeader);
            return;
        }
        var message = new GooseMessage(d);
        if (d.Has(GooseFieldPresence.GocbRef | GooseFieldPresence.StNum | GooseFieldPresence.SqNum))
        {
            ref var publisher = ref _publishers.Get(source.Value, d.AppId, GoosePublisherTable.Hash(d.GocbRef), out bool evicted);
            if (evicted && !_fullReported)
            {
                _fullReported = true;
                sink.OnStreamAnomaly(ProtocolId.Goose, GooseNames.PublisherTableFull);
            }
            var anomalies = GooseAnomalies.None;
            bool stateChange = false;
            if (publisher.Seen)
            {
                anomalies = Compare(publisher.StNum, publisher.SqNum, d.StNum, d.SqNum, out stateChange);
                if (publisher.HasConfRev && d.Has(GooseFieldPresence.ConfRev) && publisher.ConfRev != d.ConfRev)
                    anomalies |= GooseAnomalies.ConfigurationRevisionChanged;
            }
            publisher.Seen = true;
            publisher.StNum = d.StNum;
            publisher.SqNum = d.SqNum;
            if (d.Has(GooseFieldPresence.ConfRev))
            {
                publisher.ConfRev = d.ConfRev;
                publisher.HasConfRev = true;
            }
            message = message.WithSequence(anomalies, stateChange);
        }
        sink.OnGoose(in message);
    }

    public void Reset()
    {
        _publishers.Clear();
        _fullReported = false;
    }

    /// <summary>The verdict on one publisher's (stNum, sqNum) after its previous pair; see the table in the remarks.</summary>
    public static GooseAnomalies Compare(uint lastStNum, uint lastSqNum, uint stNum, uint sqNum, out bool stateChange)
    {
        stateChange = stNum != lastStNum;
        bool restarted = sqNum <= 1;
        if (!stateChange)
        {
            if (sqNum == lastSqNum) return GooseAnomalies.SequenceDuplicate;
            if (sqNum == unchecked(lastSqNum + 1) || (lastSqNum == uint.MaxValue && restarted)) return GooseAnomalies.None;
            if (sqNum > lastSqNum) return GooseAnomalies.SequenceGap;
            return restarted ? GooseAnomalies.SequenceReset : GooseAnomalies.SequenceRegressed;
        }
        var notRestarted = restarted ? GooseAnomalies.None : GooseAnomalies.SequenceNotRestarted;
        if (stNum == unchecked(lastStNum + 1) || (lastStNum == uint.MaxValue && stNum <= 1)) return notRestarted;
        if (stNum > lastStNum) return GooseAnomalies.StateNumberGap | notRestarted;
        return stNum <= 1 && restarted ? GooseAnomalies.SequenceReset : GooseAnomalies.StateNumberRegressed;
    }
}
