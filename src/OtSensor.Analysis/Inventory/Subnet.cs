using System.Globalization;
using OtSensor.Core.Net;

namespace OtSensor.Analysis.Inventory;

/// <summary>
/// An IP subnet of the plant: configured by the user (<c>--subnets</c>) or learned from the addresses seen (an IPv4
/// /24 or an IPv6 /64 around each private address no configured subnet covers), or the pseudo-subnet of public
/// addresses.
/// </summary>
/// <remarks>
/// Addresses are held in their 128-bit form (IPv4 mapped into ::ffff:0:0/96), so one mask test serves both
/// families: an IPv4 /24 is a 120-bit prefix here.
/// </remarks>
public sealed class Subnet
{
    private const int IPv4MappedPrefix = 96;

    private readonly string? _name;

    /// <param name="name">The user's name; null to go by the CIDR.</param>
    internal Subnet(string? name, IPAddressBytes network, int mappedPrefixLength, SubnetOrigin origin)
    {
        _name = name;
        Network = network;
        MappedPrefixLength = mappedPrefixLength;
        Origin = origin;
    }

    /// <summary>The user's name for a configured subnet; the CIDR otherwise.</summary>
    public string Name => _name ?? Cidr;

    /// <summary>The network address (host bits zero).</summary>
    public IPAddressBytes Network { get; }

    /// <summary>Prefix length over the 128-bit form (IPv4 prefixes are 96 more than written).</summary>
    public int MappedPrefixLength { get; }

    public SubnetOrigin Origin { get; }

    /// <summary>CIDR text as people write it: <c>10.10.20.0/24</c>, <c>fd00:1::/64</c>; <c>public</c> for the internet.</summary>
    public string Cidr => Origin == SubnetOrigin.Public
        ? "public"
        : string.Create(CultureInfo.InvariantCulture, $"{Network}/{(Network.IsIPv4 ? MappedPrefixLength - IPv4MappedPrefix : MappedPrefixLength)}");

    public bool Contains(IPAddressBytes address) => Mask(address, MappedPrefixLength) == Network;

    public override string ToString() => Name == Cidr ? Cidr : $"{Name} ({Cidr})";

    /// <summary>The first <paramref name="prefixLength"/> bits of <paramref name="address"/>, the rest zero.</summary>
    internal static IPAddressBytes Mask(IPAddressBytes address, int prefixLength)
    {
        ulong high = prefixLength >= 64 ? address.High : prefixLength <= 0 ? 0 : address.High & (ulong.MaxValue << (64 - prefixLength));
        ulong low = prefixLength >= 128 ? address.Low : prefixLength <= 64 ? 0 : address.Low & (ulong.MaxValue << (128 - prefixLength));
        return new IPAddressBytes(high, low);
    }

    internal static int MappedPrefix(IPAddressBytes network, int writtenPrefix) => network.IsIPv4 ? writtenPrefix + IPv4MappedPrefix : writtenPrefix;
}
