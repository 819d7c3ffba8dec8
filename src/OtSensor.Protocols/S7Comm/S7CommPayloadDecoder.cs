using OtSensor.Core.Parsing;
using OtSensor.Protocols.Cotp;
using OtSensor.Protocols.Registry;

namespace OtSensor.Protocols.S7Comm;

/// <summary>S7comm on a TPKT/COTP connection: each COTP TSDU starting with 0x32 is one S7comm PDU.</summary>
/// <remarks>
/// <para>Userdata answers too long for one PDU (SZL reads, block lists...) come as several data units sharing a
/// data unit reference, all but the last with "last data unit" = 1; the client fetches each next unit with an
/// empty request. Each unit is still reported as its own record (as tshark lists each fragment); the units'
/// data are reassembled per direction (<see cref="S7CommUserdataReassembler"/>, bounded and pooled), and the
/// last unit's record carries the SZL decoded from the whole answer, so identity records split over units are
/// read whole.</para>
/// <para>A unit with a data unit reference and "last" set, whose earlier units were never seen (capture started
/// mid-answer, units out of order), is flagged and read as a continuation (no SZL header).</para>
/// </remarks>
public sealed class S7CommPayloadDecoder : ICotpPayloadDecoder
{
    private readonly S7CommUserdataReassembler _toServer = new();
    private readonly S7CommUserdataReassembler _toClient = new();

    /// <summary>Reassemblies in progress in <paramref name="direction"/> (for tests).</summary>
    public int ReassembliesInProgress(Direction direction) => (direction == Direction.ToServer ? _toServer : _toClient).InProgress;

    public bool Accepts(ReadOnlySpan<byte> tsdu) => !tsdu.IsEmpty && tsdu[0] == S7CommConstants.ProtocolId;

    public void Decode(ReadOnlySpan<byte> tsdu, Direction direction, IProtocolEventSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        S7CommParser.Parse(tsdu, szlContinuation: false, out var message);
        // Only answers (response and push types) with the parameter extension can be fragmented.
        if (!message.IsUserdata || !message.IsResponse || (message.DataUnitReference == 0 && !message.MoreDataUnits))
        {
            sink.OnS7Comm(in message);
            return;
        }

        var reassembler = direction == Direction.ToServer ? _toServer : _toClient;
        int key = S7CommUserdataReassembler.KeyOf(message.DataUnitReference, message.UserdataGroup, message.UserdataSubfunction);
        int slot = reassembler.Find(key);
        S7CommAnomalies anomalies;
        if (slot < 0)
        {
            if (message.MoreDataUnits)
            {
                // First unit: it carries the SZL header, as parsed.
                anomalies = reassembler.Start(key, message.UserdataPayload);
            }
            else
            {
                S7CommParser.Parse(tsdu, szlContinuation: true, out message);
                anomalies = S7CommAnomalies.UserdataFragmentWithoutStart;
            }
            var flagged = message.WithAnomalies(anomalies);
            sink.OnS7Comm(in flagged);
            return;
        }

        // A later unit: its data continues the records, no SZL header.
        S7CommParser.Parse(tsdu, szlContinuation: true, out message);
        anomalies = reassembler.Append(slot, message.UserdataPayload);
        if (message.MoreDataUnits)
        {
            var middle = message.WithAnomalies(anomalies);
            sink.OnS7Comm(in middle);
            return;
        }
        var last = reassembler.IsTooLarge(slot)
            ? message.WithAnomalies(anomalies)
            : message.WithReassembled(reassembler.Data(slot), reassembler.DataUnits(slot)).WithAnomalies(anomalies);
        sink.OnS7Comm(in last);
        reassembler.Release(slot);
    }

    public void Reset(Direction direction)
    {
        if (direction == Direction.ToServer) _toServer.Reset();
        else _toClient.Reset();
    }
}
