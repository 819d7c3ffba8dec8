using System.Numerics;
using System.Runtime.CompilerServices;
using OtSensor.Core.Net;
using OtSensor.Decoding.Packets;

namespace OtSensor.Decoding.Flows;

/// <summary>
/// The 5-tuple (plus VLAN id) that identifies a flow, in canonical order so both directions of a conversation
/// produce the same key: the endpoint that sorts lower (address, then port) is always <see cref="First"/>.
/// </summary>
/// <remarks>
/// The hash is computed once at construction from both address <see cref="ulong"/>s, the ports, the protocol
/// and the VLAN id (multiply-rotate mixing), so dictionary lookups and the table's last-flow cache compare an
/// int before the 40 bytes of fields. Canonical order rather than a symmetric hash keeps equality exact.
/// </remarks>
public readonly struct FlowKey : IEquatable<FlowKey>
{
    private readonly ulong _firstHigh;
    private readonly ulong _firstLow;
    private readonly ulong _secondHigh;
    private readonly ulong _secondLow;
    private readonly ushort _firstPort;
    private readonly ushort _secondPort;
    private readonly ushort _vlanId;
    private readonly byte _protocol;
    private readonly int _hash;

    /// <summary>Builds the canonical key; the argument order does not matter.</summary>
    public FlowKey(IPAddressBytes addressA, ushort portA, IPAddressBytes addressB, ushort portB, byte protocol, ushort vlanId = 0)
        : this(addressA, portA, addressB, portB, protocol, vlanId, out _)
    {
    }

    /// <summary>Builds the canonical key and reports whether endpoint A became <see cref="First"/>.</summary>
    public FlowKey(IPAddressBytes addressA, ushort portA, IPAddressBytes addressB, ushort portB, byte protocol, ushort vlanId, out bool aIsFirst)
    {
        aIsFirst = Compare(addressA, portA, addressB, portB) <= 0;
        if (aIsFirst)
        {
            (_firstHigh, _firstLow, _firstPort) = (addressA.High, addressA.Low, portA);
            (_secondHigh, _secondLow, _secondPort) = (addressB.High, addressB.Low, portB);
        }
        else
        {
            (_firstHigh, _firstLow, _firstPort) = (addressB.High, addressB.Low, portB);
            (_secondHigh, _secondLow, _secondPort) = (addressA.High, addressA.Low, portA);
        }
        _protocol = protocol;
        _vlanId = vlanId;
        _hash = ComputeHash(_firstHigh, _firstLow, _secondHigh, _secondLow,
            ((ulong)_firstPort << 48) | ((ulong)_secondPort << 32) | ((ulong)_vlanId << 8) | _protocol);
    }

    /// <summary>The key of a decoded IP packet; <paramref name="sourceIsFirst"/> tells which endpoint sent it.</summary>
    /// <param name="packet">A decoded IP packet (ports are zero for non-TCP/UDP transports).</param>
    /// <param name="useVlan">Include the outermost VLAN id (12 bits), so overlapping address plans on different VLANs stay apart.</param>
    /// <param name="sourceIsFirst">True when the packet's source is <see cref="First"/>.</param>
    public static FlowKey FromPacket(in DecodedPacket packet, bool useVlan, out bool sourceIsFirst)
    {
        bool hasPorts = packet.Transport is TransportLayer.Tcp or TransportLayer.Udp;
        ushort vlan = useVlan && packet.VlanCount > 0 ? (ushort)(packet.VlanTags[0] & 0x0FFF) : (ushort)0;
        return new FlowKey(
            packet.SourceIP, hasPorts ? packet.SourcePort : (ushort)0,
            packet.DestinationIP, hasPorts ? packet.DestinationPort : (ushort)0,
            packet.IPProtocol, vlan, out sourceIsFirst);
    }

    /// <summary>The endpoint that sorts lower (address, then port).</summary>
    public FlowEndpoint First => new(new IPAddressBytes(_firstHigh, _firstLow), _firstPort);

    /// <summary>The endpoint that sorts higher.</summary>
    public FlowEndpoint Second => new(new IPAddressBytes(_secondHigh, _secondLow), _secondPort);

    /// <summary>Whether <paramref name="address"/> and <paramref name="port"/> are <see cref="First"/> (compared in place, no endpoint built).</summary>
    public bool IsFirst(in IPAddressBytes address, ushort port)
        => address.Low == _firstLow && address.High == _firstHigh && port == _firstPort;

    /// <summary>Whether <paramref name="address"/> and <paramref name="port"/> are <see cref="Second"/>.</summary>
    public bool IsSecond(in IPAddressBytes address, ushort port)
        => address.Low == _secondLow && address.High == _secondHigh && port == _secondPort;

    /// <summary>IPv4 protocol / IPv6 next header (6 TCP, 17 UDP, ...).</summary>
    public byte Protocol => _protocol;

    /// <summary>Outermost VLAN id, or 0 (untagged or VLANs not used for tracking).</summary>
    public ushort VlanId => _vlanId;

    public bool Equals(FlowKey other)
        => _hash == other._hash
            && _firstLow == other._firstLow && _secondLow == other._secondLow
            && _firstHigh == other._firstHigh && _secondHigh == other._secondHigh
            && _firstPort == other._firstPort && _secondPort == other._secondPort
            && _protocol == other._protocol && _vlanId == other._vlanId;

    public override bool Equals(object? obj) => obj is FlowKey other && Equals(other);

    public override int GetHashCode() => _hash;

    public static bool operator ==(FlowKey left, FlowKey right) => left.Equals(right);

    public static bool operator !=(FlowKey left, FlowKey right) => !left.Equals(right);

    public override string ToString()
        => string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{First.Address}:{First.Port} <-> {Second.Address}:{Second.Port} proto {_protocol} vlan {_vlanId}");

    private static int Compare(IPAddressBytes a, ushort aPort, IPAddressBytes b, ushort bPort)
    {
        if (a.High != b.High) return a.High < b.High ? -1 : 1;
        if (a.Low != b.Low) return a.Low < b.Low ? -1 : 1;
        return aPort.CompareTo(bPort);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int ComputeHash(ulong a, ulong b, ulong c, ulong d, ulong e)
    {
        ulong h = Mix(0x243F_6A88_85A3_08D3UL, a);
        h = Mix(h, b);
        h = Mix(h, c);
        h = Mix(h, d);
        h = Mix(h, e);
        h ^= h >> 31;
        return (int)(h ^ (h >> 32));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mix(ulong h, ulong value)
        => BitOperations.RotateLeft(h ^ (value * 0x9E37_79B9_7F4A_7C15UL), 27) * 0x94D0_49BB_1331_11EBUL;
}
