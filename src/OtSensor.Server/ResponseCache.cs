namespace OtSensor.Server;

/// <summary>
/// The last serialized body of a read-only listing per variant, valid while the store's
/// <see cref="Outputs.Store.SensorStore.InventoryVersion"/> is unchanged: between two snapshots (a second apart while a
/// capture plays, forever when none does) repeated polls of a large inventory cost a copy, not a query and a serialization.
/// </summary>
internal sealed class ResponseCache
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (long Version, byte[] Body)> _entries = new(StringComparer.Ordinal);

    public bool TryGet(string key, long version, out byte[] body)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var entry) && entry.Version == version)
            {
                body = entry.Body;
                return true;
            }
        }
        body = [];
        return false;
    }

    public void Set(string key, long version, byte[] body)
    {
        lock (_lock) _entries[key] = (version, body);
    }
}
