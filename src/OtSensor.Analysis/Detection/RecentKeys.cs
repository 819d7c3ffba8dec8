namespace OtSensor.Analysis.Detection;

/// <summary>
/// A fixed-capacity table of 64-bit keys with the capture time each was last seen: the distinct-value memory of the
/// anomaly counters (which destinations, ports or targets a source already tried within its window).
/// </summary>
/// <remarks>
/// Allocated once; open addressing over at most <see cref="Probes"/> slots. When those are all taken, the slot seen
/// longest ago is overwritten, so a hostile stream of distinct keys costs evictions, never memory: a key forgotten too
/// early only makes a count run high, on traffic that is already a flood. Keys are never deleted, so a lookup can stop
/// at the first empty slot.
/// </remarks>
internal sealed class RecentKeys
{
    private const int Probes = 8;
    private readonly ulong[] _keys;
    private readonly long[] _times;
    private readonly int _mask;
    private readonly int _shift;

    /// <param name="capacityLog2">Slots as a power of two.</param>
    public RecentKeys(int capacityLog2)
    {
        _keys = new ulong[1 << capacityLog2];
        _times = new long[1 << capacityLog2];
        _mask = (1 << capacityLog2) - 1;
        _shift = 64 - capacityLog2;
    }

    /// <summary>Slots in use (bounded by the capacity).</summary>
    public int Count { get; private set; }

    /// <summary>Keys written over while still remembered (the table was full around them).</summary>
    public long Evictions { get; private set; }

    public int Capacity => _keys.Length;

    /// <summary>Records <paramref name="key"/> at <paramref name="time"/>; true when it was not seen at or after <paramref name="since"/>.</summary>
    public bool Add(ulong key, long time, long since)
    {
        if (key == 0) key = 1;
        int start = (int)((key * 0x9E3779B97F4A7C15UL) >> _shift);
        int victim = start;
        long oldest = long.MaxValue;
        var keys = _keys;
        var times = _times;
        for (int probe = 0; probe < Probes; probe++)
        {
            int slot = (start + probe) & _mask;
            ulong k = keys[slot];
            if (k == key)
            {
                bool fresh = times[slot] < since;
                times[slot] = time;
                return fresh;
            }
            if (k == 0)
            {
                keys[slot] = key;
                times[slot] = time;
                Count++;
                return true;
            }
            if (times[slot] < oldest)
            {
                oldest = times[slot];
                victim = slot;
            }
        }
        if (oldest >= since) Evictions++;
        keys[victim] = key;
        times[victim] = time;
        return true;
    }

    /// <summary>A key from parts: a kind tag, a source and up to two values, mixed so nearby values spread.</summary>
    public static ulong Key(int kind, int source, ulong a, ulong b = 0)
    {
        ulong h = ((ulong)(uint)kind << 56) ^ ((ulong)(uint)source * 0xBF58476D1CE4E5B9UL);
        h ^= (a + 0x9E3779B97F4A7C15UL) * 0x94D049BB133111EBUL;
        h = (h ^ (h >> 31)) * 0xBF58476D1CE4E5B9UL;
        h ^= (b + 0x632BE59BD9B4E019UL) * 0x9E3779B97F4A7C15UL;
        return h ^ (h >> 29);
    }
}
