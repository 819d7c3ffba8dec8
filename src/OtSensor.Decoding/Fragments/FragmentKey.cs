using OtSensor.Core.Net;

namespace OtSensor.Decoding.Fragments;

/// <summary>
/// Identifies one datagram being reassembled: RFC 791 §3.2 (source, destination, protocol, identification)
/// for IPv4; RFC 8200 §4.5 (source, destination, identification) for IPv6, where protocol is the Fragment
/// header's next header and is the same in every fragment.
/// </summary>
internal readonly record struct FragmentKey(IPAddressBytes Source, IPAddressBytes Destination, uint Identification, byte Protocol, bool IsIPv6);
