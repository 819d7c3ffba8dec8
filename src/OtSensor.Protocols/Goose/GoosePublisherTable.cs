using System.Numerics;

namespace OtSensor.Protocols.Goose;

/// <summary>
/// The last stNum/sqNum/confRev of each GOOSE publisher, keyed by (source MAC, APPID, gocbRef), in a fixed-capacity
/// table that evicts the least recently seen publisher when full. Allocates only in its constructor.
/// </summary>
/// <remarks>
/// The gocbRef is kept as a 64-bit FNV-1a hash, not as text: two control blocks of one sender and APPID that
/// collide in 64 bits are not a practical concern, and it keeps the entry small. Lookup is a chained hash over
/// <c>_buckets</c> (entry index + 1, 0 = empty); recency is a doubly linked list through <c>Older</c>/<c>Newer</c>,
/// whose head is the eviction victim. Both are index arrays, so no entry is ever allocated.
/// </remarks>
internal sealed class GoosePublisherTable
{
    private readonly Entry[] _entries;
    private readonly int[] _buckets;
    private int _count;
    private int _oldest = -1;
    private int _newest = -1;

    public GoosePublisherTable(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _entries = new Entry[capacity];
        _buckets = new int[(int)BitOperations.RoundUpToPowerOf2((uint)capacity * 2)];
    }

    public int Count => _count;

    public int Capacity => _entries.Length;

    /// <summary>Finds or adds the publisher's entry and makes it the most recently seen.</summary>
    /// <param name="evicted">True when the table was full and its oldest publisher was dropped to make room.</param>
    /// <returns>The entry; <see cref="Entry.Seen"/> is false for a new publisher.</returns>
    public ref Entry Get(ulong mac, ushort appId, ulong referenceHash, out bool evicted)
    {
        evicted = false;
        int bucket = Bucket(mac, appId, referenceHash);
        for (int i = _buckets[bucket] - 1; i >= 0; i = _entries[i].NextInBucket)
        {
            ref var e = ref _entries[i];
            if (e.Mac == mac && e.AppId == appId && e.ReferenceHash == referenceHash)
            {
                Touch(i);
                return ref e;
            }
        }

        int index;
        if (_count < _entries.Length)
        {
            index = _count++;
        }
        else
        {
            index = _oldest;
            evicted = true;
            Unlink(index);
            RemoveFromBucket(index);
        }
        ref var entry = ref _entries[index];
        entry = default;
        entry.Mac = mac;
        entry.AppId = appId;
        entry.ReferenceHash = referenceHash;
        entry.NextInBucket = _buckets[bucket] - 1;
        _buckets[bucket] = index + 1;
        Append(index);
        return ref entry;
    }

    public void Clear()
    {
        Array.Clear(_entries);
        Array.Clear(_buckets);
        _count = 0;
        _oldest = _newest = -1;
    }

    /// <summary>FNV-1a, 64-bit: the gocbRef as a key without keeping its text.</summary>
    public static ulong Hash(ReadOnlySpan<byte> value)
    {
        ulong hash = 0xCBF29CE484222325UL;
        foreach (byte b in value) hash = (hash ^ b) * 0x100000001B3UL;
        return hash;
    }

    private int Bucket(ulong mac, ushort appId, ulong referenceHash)
    {
        ulong h = (referenceHash ^ (mac * 0x9E3779B97F4A7C15UL) ^ appId) * 0xBF58476D1CE4E5B9UL;
        return (int)(h >> 32) & (_buckets.Length - 1);
    }

    private void RemoveFromBucket(int index)
    {
        ref var e = ref _entries[index];
        int bucket = Bucket(e.Mac, e.AppId, e.ReferenceHash);
        if (_buckets[bucket] - 1 == index)
        {
            _buckets[bucket] = e.NextInBucket + 1;
            return;
        }
        for (int i = _buckets[bucket] - 1; i >= 0; i = _entries[i].NextInBucket)
        {
            if (_entries[i].NextInBucket == index)
            {
                _entries[i].NextInBucket = e.NextInBucket;
                return;
            }
        }
    }

    private void Touch(int index)
    {
        if (index == _newest) return;
        Unlink(index);
        Append(index);
    }

    private void Unlink(int index)
    {
        ref var e = ref _entries[index];
        if (e.Older >= 0) _entries[e.Older].Newer = e.Newer;
        else _oldest = e.Newer;
        if (e.Newer >= 0) _entries[e.Newer].Older = e.Older;
        else _newest = e.Older;
    }

    private void Append(int index)
    {
        ref var e = ref _entries[index];
        e.Older = _newest;
        e.Newer = -1;
        if (_newest >= 0) _entries[_newest].Newer = index;
        else _oldest = index;
        _newest = index;
    }

    /// <summary>One publisher: its key and the values of its last frame.</summary>
    internal struct Entry
    {
        public ulong Mac;
        public ulong ReferenceHash;
        public ushort AppId;
        public bool Seen;
        public uint StNum;
        public uint SqNum;
        public uint ConfRev;
        public bool HasConfRev;
        internal int NextInBucket;
        internal int Older;
        internal int Newer;
    }
}
