namespace OtSensor.Protocols.Modbus;

/// <summary>
/// Outstanding requests of one flow, keyed by (unit id, transaction id): a ring in arrival order, plus a
/// key → slot index once more than <see cref="InitialSize"/> are in flight, so pairing a response or spotting a
/// reused id costs O(1) however many are outstanding.
/// </summary>
/// <remarks>
/// The ring starts small and doubles up to twice the bound, rounded up to a power of two (a polling master has one or two requests in flight;
/// memory per flow stays a few hundred bytes); while it is that small a scan of its few slots is cheaper than
/// a dictionary, so the index is built only when the ring first grows. A response usually answers the oldest request; a taken entry
/// becomes a tombstone, dropped at once at the head and compacted away only when the ring is full. When every
/// slot of a full-size ring holds a live request, the oldest is dropped (Suricata's request-flood behaviour)
/// and <see cref="Add"/> reports it. Steady state allocates nothing.
/// </remarks>
internal sealed class ModbusPendingRequests
{
    private const int InitialSize = 8;
    private readonly int _capacity;
    private readonly int _maxRingLength;
    private Dictionary<uint, int>? _slotByKey;
    private Entry[] _ring;
    private int _live;
    private int _head;
    private int _size;   // occupied slots, tombstones included

    public ModbusPendingRequests(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
        // Ring lengths are powers of two so a position wraps with a mask, not a division.
        _maxRingLength = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)(2 * capacity));
        _ring = new Entry[Math.Min(InitialSize, _maxRingLength)];
    }

    public int Count => _live;

    public int Capacity => _capacity;

    /// <summary>Adds a request; a live request with the same key is replaced (the client reused its id).</summary>
    /// <returns>True when the bound forced the oldest live request out.</returns>
    public bool Add(uint key, in ModbusRequestContext request)
    {
        if (_size == 0)
        {
            // A polling master's usual case: nothing outstanding.
            _head = 0;
            _ring[0] = new Entry { Key = key, Request = request, Live = true };
            if (_slotByKey is not null) _slotByKey[key] = 0;
            _size = 1;
            _live = 1;
            return false;
        }
        return AddBehindOthers(key, in request);
    }

    private bool AddBehindOthers(uint key, in ModbusRequestContext request)
    {
        if (TryRemove(key, out int existing))
        {
            _ring[existing].Live = false;
            _live--;
            TrimHead();
        }

        bool dropped = false;
        if (_live >= _capacity)
        {
            // At the bound: the oldest live request (always at the head, tombstones are trimmed) makes room.
            _slotByKey?.Remove(_ring[_head].Key);
            _ring[_head].Live = false;
            _live--;
            TrimHead();
            dropped = true;
        }
        if (_size == _ring.Length)
        {
            // The ring may hold up to twice the bound (live requests plus tombstones of answered ones), so a
            // compaction always frees at least half of it: amortised O(1) per request even under a flood.
            if (_ring.Length < _maxRingLength) Grow();
            else Compact();
        }

        int slot = (_head + _size) & (_ring.Length - 1);
        _ring[slot] = new Entry { Key = key, Request = request, Live = true };
        if (_slotByKey is not null) _slotByKey[key] = slot;
        _size++;
        _live++;
        return dropped;
    }

    public bool TryTake(uint key, out ModbusRequestContext request)
    {
        if (_size == 1 && _ring[_head].Key == key && _ring[_head].Live)
        {
            // The usual case: the response to the one outstanding request.
            request = _ring[_head].Request;
            _ring[_head].Live = false;
            _slotByKey?.Remove(key);
            _size = 0;
            _live = 0;
            _head = 0;
            return true;
        }
        if (!TryRemove(key, out int slot))
        {
            request = default;
            return false;
        }

        request = _ring[slot].Request;
        _ring[slot].Live = false;
        _live--;
        TrimHead();
        return true;
    }

    public void Clear()
    {
        Array.Clear(_ring);
        _slotByKey?.Clear();
        _head = 0;
        _size = 0;
        _live = 0;
    }

    /// <summary>Finds a live request by key and drops it from the index (the caller marks the slot dead).</summary>
    private bool TryRemove(uint key, out int slot)
    {
        if (_slotByKey is not null) return _slotByKey.Remove(key, out slot);
        // Small ring: responses usually answer the oldest request, so scan from the head.
        for (int i = 0; i < _size; i++)
        {
            int index = (_head + i) & (_ring.Length - 1);
            if (_ring[index].Live && _ring[index].Key == key)
            {
                slot = index;
                return true;
            }
        }
        slot = -1;
        return false;
    }

    private void TrimHead()
    {
        while (_size > 0 && !_ring[_head].Live)
        {
            _head = (_head + 1) & (_ring.Length - 1);
            _size--;
        }
        if (_size == 0) _head = 0;
    }

    /// <summary>Doubles the ring (up to the bound), unrolling it so the oldest entry is at slot 0.</summary>
    private void Grow()
    {
        var larger = new Entry[Math.Min(_ring.Length * 2, _maxRingLength)];
        _slotByKey ??= new Dictionary<uint, int>(larger.Length);
        for (int i = 0; i < _size; i++)
        {
            larger[i] = _ring[(_head + i) & (_ring.Length - 1)];
            if (larger[i].Live) _slotByKey[larger[i].Key] = i;
        }
        _ring = larger;
        _head = 0;
    }

    /// <summary>Moves live entries together from the head, keeping their order.</summary>
    private void Compact()
    {
        int write = 0;
        for (int i = 0; i < _size; i++)
        {
            int read = (_head + i) & (_ring.Length - 1);
            if (!_ring[read].Live) continue;
            int target = (_head + write) & (_ring.Length - 1);
            if (target != read)
            {
                _ring[target] = _ring[read];
                if (_slotByKey is not null) _slotByKey[_ring[target].Key] = target;
            }
            write++;
        }
        for (int i = write; i < _size; i++) _ring[(_head + i) & (_ring.Length - 1)].Live = false;
        _size = write;
    }

    private struct Entry
    {
        public uint Key;
        public ModbusRequestContext Request;
        public bool Live;
    }
}
