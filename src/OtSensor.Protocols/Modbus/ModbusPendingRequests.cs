namespace OtSensor.Protocols.Modbus;

/// <summary>
/// Outstanding requests of one flow, keyed by (unit id, transaction id), in a fixed ring so that steady
/// state allocates nothing.
/// </summary>
/// <remarks>
/// Entries are kept in arrival order. A response usually answers the oldest request, so lookup scans
/// from the head. A taken entry becomes a tombstone; tombstones at the head are dropped at once and
/// those in the middle are compacted away only when the ring is full. When all slots hold live
/// requests, the oldest is dropped (Suricata's request-flood behaviour) and <see cref="Add"/> reports it.
/// </remarks>
internal sealed class ModbusPendingRequests
{
    private readonly Entry[] _ring;
    private int _head;
    private int _size;   // occupied slots, tombstones included
    private int _live;

    public ModbusPendingRequests(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _ring = new Entry[capacity];
    }

    public int Count => _live;

    public int Capacity => _ring.Length;

    /// <summary>Adds a request; a live request with the same key is replaced (the client reused its id).</summary>
    /// <returns>True when the bound forced the oldest live request out.</returns>
    public bool Add(uint key, in ModbusRequestContext request)
    {
        if (TryFind(key, out int existing))
        {
            _ring[existing].Live = false;
            _live--;
            TrimHead();
        }

        bool dropped = false;
        if (_size == _ring.Length)
        {
            if (_live < _size)
            {
                Compact();
            }
            else
            {
                _ring[_head].Live = false;
                _live--;
                TrimHead();
                dropped = true;
            }
        }

        int slot = (_head + _size) % _ring.Length;
        _ring[slot] = new Entry { Key = key, Request = request, Live = true };
        _size++;
        _live++;
        return dropped;
    }

    public bool TryTake(uint key, out ModbusRequestContext request)
    {
        if (!TryFind(key, out int slot))
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
        _head = 0;
        _size = 0;
        _live = 0;
    }

    private bool TryFind(uint key, out int slot)
    {
        for (int i = 0; i < _size; i++)
        {
            int index = (_head + i) % _ring.Length;
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
            _head = (_head + 1) % _ring.Length;
            _size--;
        }
        if (_size == 0) _head = 0;
    }

    /// <summary>Moves live entries together from the head, keeping their order.</summary>
    private void Compact()
    {
        int write = 0;
        for (int i = 0; i < _size; i++)
        {
            int read = (_head + i) % _ring.Length;
            if (!_ring[read].Live) continue;
            int target = (_head + write) % _ring.Length;
            if (target != read) _ring[target] = _ring[read];
            write++;
        }
        for (int i = write; i < _size; i++) _ring[(_head + i) % _ring.Length].Live = false;
        _size = write;
    }

    private struct Entry
    {
        public uint Key;
        public ModbusRequestContext Request;
        public bool Live;
    }
}
