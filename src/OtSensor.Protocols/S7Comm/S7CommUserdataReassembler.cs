using System.Buffers;

namespace OtSensor.Protocols.S7Comm;

/// <summary>
/// Reassembles fragmented userdata answers of one direction: the data of each unit (after its 4-byte data header)
/// is appended to a pooled buffer keyed by data unit reference, function group and subfunction, until the unit
/// whose "last data unit" byte is 0. Bounded: at most <see cref="S7CommConstants.MaxUserdataReassemblies"/>
/// answers at once and <see cref="S7CommConstants.MaxUserdataReassemblyBytes"/> per answer.
/// </summary>
/// <remarks>
/// <code>
/// Userdata parameter of a response with the 8-byte extension (parameter length 12):
/// +----------+-----+--------+------------+-------------+-----+-----------+-----------+------------+
/// | 00 01 12 | 08  | method | type|group | subfunction | seq | data unit | last data | error code |
/// |          |     | (0x12) |  (8 | 4)   |  (1 = SZL)  |     | reference | unit (0=y)|    (2)     |
/// +----------+-----+--------+------------+-------------+-----+-----------+-----------+------------+
/// Data: return code, transport size, length(2), then this unit's share of the answer.
/// Unit 1 (last = 1): SZL id, index, record length, count, first records...
/// Unit n (last = 0): the remaining records, no SZL header (the client asked for it with an empty request).
/// </code>
/// Buffers are rented on first use, kept while the decoder lives (steady state allocates nothing) and returned
/// by <see cref="Reset"/>. A reassembly that never finishes holds its slot until a newer one needs it.
/// </remarks>
internal sealed class S7CommUserdataReassembler
{
    private const int InitialBuffer = 1024;

    private readonly Slot[] _slots = new Slot[S7CommConstants.MaxUserdataReassemblies];
    private long _started;

    private struct Slot
    {
        public bool InUse;
        public bool TooLarge;
        public int Key;
        public long Started;
        public int Length;
        public int DataUnits;
        public byte[]? Buffer;
    }

    /// <summary>Reassemblies in progress (for tests).</summary>
    public int InProgress
    {
        get
        {
            int n = 0;
            foreach (var slot in _slots) if (slot.InUse) n++;
            return n;
        }
    }

    /// <summary>Key of an answer: data unit reference, function group and subfunction.</summary>
    public static int KeyOf(byte dataUnitReference, int group, int subfunction)
        => dataUnitReference | ((group & 0x0F) << 8) | ((subfunction & 0xFF) << 12);

    /// <summary>The slot reassembling <paramref name="key"/>, or -1.</summary>
    public int Find(int key)
    {
        for (int i = 0; i < _slots.Length; i++)
        {
            if (_slots[i].InUse && _slots[i].Key == key) return i;
        }
        return -1;
    }

    /// <summary>Starts an answer with its first unit's data; drops the oldest unfinished answer when every slot is busy.</summary>
    public S7CommAnomalies Start(int key, ReadOnlySpan<byte> data)
    {
        var anomalies = S7CommAnomalies.None;
        int free = -1, oldest = 0;
        for (int i = 0; i < _slots.Length; i++)
        {
            if (!_slots[i].InUse)
            {
                free = i;
                break;
            }
            if (_slots[i].Started < _slots[oldest].Started) oldest = i;
        }
        if (free < 0)
        {
            free = oldest;
            anomalies |= S7CommAnomalies.UserdataReassemblyAbandoned;
        }
        ref var slot = ref _slots[free];
        slot.InUse = true;
        slot.TooLarge = false;
        slot.Key = key;
        slot.Started = ++_started;
        slot.Length = 0;
        slot.DataUnits = 0;
        return anomalies | Append(free, data);
    }

    /// <summary>Appends one unit's data; an answer growing past the bound is marked and its data dropped.</summary>
    public S7CommAnomalies Append(int index, ReadOnlySpan<byte> data)
    {
        ref var slot = ref _slots[index];
        slot.DataUnits++;
        if (slot.TooLarge) return S7CommAnomalies.None;
        int needed = slot.Length + data.Length;
        if ((uint)data.Length > (uint)(S7CommConstants.MaxUserdataReassemblyBytes - slot.Length))
        {
            slot.TooLarge = true;
            slot.Length = 0;
            return S7CommAnomalies.UserdataReassemblyTooLarge;
        }
        if (slot.Buffer is null || slot.Buffer.Length < needed)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(Math.Max(needed, Math.Max(InitialBuffer, (slot.Buffer?.Length ?? 0) * 2)), S7CommConstants.MaxUserdataReassemblyBytes));
            if (slot.Buffer is not null)
            {
                slot.Buffer.AsSpan(0, slot.Length).CopyTo(bigger);
                ArrayPool<byte>.Shared.Return(slot.Buffer);
            }
            slot.Buffer = bigger;
        }
        data.CopyTo(slot.Buffer.AsSpan(slot.Length));
        slot.Length = needed;
        return S7CommAnomalies.None;
    }

    /// <summary>True when the answer in <paramref name="index"/> outgrew the bound (no whole to decode).</summary>
    public bool IsTooLarge(int index) => _slots[index].TooLarge;

    /// <summary>The data of every unit so far; valid until the slot is released or appended to.</summary>
    public ReadOnlySpan<byte> Data(int index) => _slots[index].Buffer.AsSpan(0, _slots[index].Length);

    public int DataUnits(int index) => _slots[index].DataUnits;

    /// <summary>Frees the slot; its buffer stays for the next answer.</summary>
    public void Release(int index)
    {
        ref var slot = ref _slots[index];
        slot.InUse = false;
        slot.TooLarge = false;
        slot.Length = 0;
        slot.DataUnits = 0;
    }

    /// <summary>Forgets every answer and returns the buffers to the pool (new flow, or a gap).</summary>
    public void Reset()
    {
        for (int i = 0; i < _slots.Length; i++)
        {
            if (_slots[i].Buffer is { } buffer) ArrayPool<byte>.Shared.Return(buffer);
            _slots[i] = default;
        }
    }
}
