using OtSensor.Core.Net;
using OtSensor.Core.Protocols;

namespace OtSensor.Analysis.Detection;

/// <summary>
/// The learned picture of normal traffic (sensor-reference §4.3, inferred: "a set of learned tuples"): hosts with the
/// operations they issue, and the connections, protocols and function codes between pairs of hosts. Saved to and
/// loaded from <c>baseline.json</c> (<see cref="BaselineFile"/>), so a later run can start operational.
/// </summary>
public sealed class Baseline
{
    private readonly List<BaselineHost> _hosts = [];
    private readonly Dictionary<IPAddressBytes, int> _byAddress = [];
    private readonly Dictionary<MacAddress, int> _byMac = [];
    private readonly HashSet<BaselineKey> _tuples = [];
    private readonly int _maxEntries;

    public Baseline(int maxEntries = 1_000_000) => _maxEntries = maxEntries;

    public IReadOnlyList<BaselineHost> Hosts => _hosts;
    public IReadOnlyCollection<BaselineKey> Tuples => _tuples;
    /// <summary>Entries not learned because the baseline was full.</summary>
    public long Dropped { get; private set; }
    /// <summary>Muted alert patterns carried with the baseline: alert id, source and destination address text.</summary>
    public List<(string Alert, string Source, string Destination)> Muted { get; } = [];

    public BaselineHost this[int index] => _hosts[index];

    /// <summary>The host for an IP address (or a MAC when <paramref name="address"/> is empty), if known.</summary>
    public BaselineHost? Find(IPAddressBytes address, MacAddress mac)
    {
        if (!address.IsEmpty) return _byAddress.TryGetValue(address, out int i) ? _hosts[i] : null;
        return !mac.IsZero && _byMac.TryGetValue(mac, out int j) ? _hosts[j] : null;
    }

    /// <summary>Adds a host (not yet learned); null when the baseline is full.</summary>
    public BaselineHost? Add(IPAddressBytes address, MacAddress mac)
    {
        if (Find(address, mac) is { } known) return known;
        if (_hosts.Count + _tuples.Count >= _maxEntries)
        {
            Dropped++;
            return null;
        }
        var host = new BaselineHost(_hosts.Count, address, address.IsEmpty ? mac : default);
        _hosts.Add(host);
        if (!address.IsEmpty) _byAddress[address] = host.Index;
        else _byMac[mac] = host.Index;
        return host;
    }

    public bool Contains(in BaselineKey key) => _tuples.Contains(key);

    /// <summary>Learns a tuple; false when it was known already or the baseline is full.</summary>
    public bool Learn(in BaselineKey key)
    {
        if (_tuples.Contains(key)) return false;
        if (_hosts.Count + _tuples.Count >= _maxEntries)
        {
            Dropped++;
            return false;
        }
        return _tuples.Add(key);
    }

    /// <summary>Protocol by its event-log id (<see cref="ProtocolNames"/>); false for an unknown name.</summary>
    internal static bool TryParseProtocol(string? name, out ProtocolId protocol)
    {
        for (int i = 0; i < 256; i++)
        {
            var candidate = (ProtocolId)i;
            if (string.Equals(ProtocolNames.Get(candidate), name, StringComparison.Ordinal) && (i == 0 || ProtocolNames.Get(candidate) != "unknown"))
            {
                protocol = candidate;
                return true;
            }
        }
        protocol = default;
        return false;
    }
}
