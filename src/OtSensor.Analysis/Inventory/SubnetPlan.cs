using System.Globalization;
using OtSensor.Core.Net;

namespace OtSensor.Analysis.Inventory;

/// <summary>
/// Which subnet each device sits in: the longest configured prefix that covers its address, else the public
/// pseudo-subnet for an internet address, else a learned /24 (IPv4) or /64 (IPv6) around it. MAC-only devices have
/// none. Used after a run (map, connections, subnet report), never per packet.
/// </summary>
/// <remarks>
/// The configuration is a comma-separated list of <c>[name=]cidr</c>, e.g.
/// <c>control=10.10.10.0/24,supervisory=10.10.20.0/24,dmz=172.16.0.0/16</c>. A configured range may overlap a
/// learned one (a /16 that gathers several /24s) and may hold public addresses (plants that number their networks
/// from public space).
/// </remarks>
public sealed class SubnetPlan
{
    private const int LearnedIPv4Prefix = 24;
    private const int LearnedIPv6Prefix = 64;

    private readonly List<Subnet> _configured;
    private readonly Dictionary<IPAddressBytes, Subnet> _learned = [];
    private readonly Subnet _public = new("public", default, 0, SubnetOrigin.Public);

    private SubnetPlan(List<Subnet> configured)
    {
        // Longest prefix first, so the first match is the most specific.
        configured.Sort((a, b) => b.MappedPrefixLength.CompareTo(a.MappedPrefixLength));
        _configured = configured;
    }

    /// <summary>No configured subnets: every subnet is learned.</summary>
    public static SubnetPlan LearnedOnly() => new([]);

    public IReadOnlyList<Subnet> Configured => _configured;

    /// <summary>Parses <paramref name="specification"/> (see remarks); <paramref name="error"/> is a one-line reason when false.</summary>
    public static bool TryParse(string? specification, out SubnetPlan plan, out string? error)
    {
        plan = LearnedOnly();
        error = null;
        if (string.IsNullOrWhiteSpace(specification)) return true;
        var subnets = new List<Subnet>();
        foreach (var rawEntry in specification.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            int equals = rawEntry.IndexOf('=', StringComparison.Ordinal);
            string name = equals >= 0 ? rawEntry[..equals].Trim() : "";
            string cidr = equals >= 0 ? rawEntry[(equals + 1)..].Trim() : rawEntry;
            if (equals >= 0 && name.Length == 0)
            {
                error = $"subnet '{rawEntry}': empty name before '='";
                return false;
            }
            if (!TryParseCidr(cidr, out var network, out int written, out int mapped, out error))
            {
                error = $"subnet '{rawEntry}': {error}";
                return false;
            }
            var masked = Subnet.Mask(network, mapped);
            if (masked != network)
            {
                error = string.Create(CultureInfo.InvariantCulture, $"subnet '{rawEntry}': host bits are set (did you mean {masked}/{written}?)");
                return false;
            }
            if (subnets.Exists(s => s.Network == network && s.MappedPrefixLength == mapped))
            {
                error = $"subnet '{rawEntry}': given twice";
                return false;
            }
            subnets.Add(new Subnet(name.Length > 0 ? name : null, network, mapped, SubnetOrigin.Configured));
        }
        plan = new SubnetPlan(subnets);
        return true;
    }

    /// <summary>The device's subnet; null for a device known only by MAC.</summary>
    public Subnet? Of(Device device)
    {
        ArgumentNullException.ThrowIfNull(device);
        return device.HasAddress ? Of(device.Address) : null;
    }

    public Subnet Of(IPAddressBytes address)
    {
        foreach (var subnet in _configured)
            if (subnet.Contains(address)) return subnet;
        if (!address.IsPrivate) return _public;
        int mapped = address.IsIPv4 ? Subnet.MappedPrefix(address, LearnedIPv4Prefix) : LearnedIPv6Prefix;
        var network = Subnet.Mask(address, mapped);
        if (!_learned.TryGetValue(network, out var learned))
        {
            learned = new Subnet(null, network, mapped, SubnetOrigin.Learned);
            _learned.Add(network, learned);
        }
        return learned;
    }

    private static bool TryParseCidr(string text, out IPAddressBytes network, out int written, out int mapped, out string? error)
    {
        network = default;
        written = mapped = 0;
        int slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || !IPAddressBytes.TryParse(text[..slash], out network)
            || !int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out written))
        {
            error = "not a CIDR (expected an address and a prefix length, e.g. 10.10.0.0/16)";
            return false;
        }
        int maximum = network.IsIPv4 ? 32 : 128;
        if (written > maximum)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"prefix length {written} is longer than {maximum}");
            return false;
        }
        mapped = Subnet.MappedPrefix(network, written);
        error = null;
        return true;
    }
}
