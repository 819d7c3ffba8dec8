using System.Numerics;

namespace OtSensor.Decoding.Packets;

/// <summary>
/// Stable output names of the <see cref="DecodeAnomalies"/> bits (lowercase with underscores, used as
/// anomaly record types and counter names). Indexed by bit number so lookups allocate nothing.
/// </summary>
/// <remarks>Names are part of the output contract: add new ones, never rename.</remarks>
public static class DecodeAnomalyNames
{
    /// <summary>Name for a bit without a table entry (a newer bit than this table).</summary>
    public const string Unknown = "unknown";

    private static readonly string[] Names =
    [
        "frame_too_short",                  // 0
        "too_many_vlan_tags",               // 1
        "unknown_link_type",                // 2
        "arp_truncated",                    // 3
        "ipv4_header_truncated",            // 4
        "ipv4_bad_version",                 // 5
        "ipv4_bad_header_length",           // 6
        "ipv4_total_length_too_large",      // 7
        "ipv4_total_length_too_small",      // 8
        "ipv4_bad_checksum",                // 9
        "ipv4_bad_options",                 // 10
        "ipv6_header_truncated",            // 11
        "ipv6_payload_length_too_large",    // 12
        "ipv6_extension_header_truncated",  // 13
        "ipv6_too_many_extension_headers",  // 14
        "tcp_header_truncated",             // 15
        "tcp_bad_data_offset",              // 16
        "tcp_bad_flags",                    // 17
        "udp_header_truncated",             // 18
        "udp_bad_length",                   // 19
        "icmp_truncated",                   // 20
        "fragment_overlap",                 // 21
        "fragment_too_large",               // 22
        "fragment_limit_reached",           // 23
        "link_header_truncated",            // 24
        "trailing_bytes",                   // 25
        "zero_port",                        // 26
        "source_address_multicast",         // 27
        "ipv6_bad_version",                 // 28
    ];

    /// <summary>Number of named bits (bits 0 .. Count-1).</summary>
    public static int Count => Names.Length;

    /// <summary>Name of bit number <paramref name="bit"/> (0–63), or <see cref="Unknown"/>.</summary>
    public static string Get(int bit) => (uint)bit < (uint)Names.Length ? Names[bit] : Unknown;

    /// <summary>Name of a single-bit value; the lowest set bit when several are set; <see cref="Unknown"/> for none.</summary>
    public static string Get(DecodeAnomalies anomaly)
        => anomaly == DecodeAnomalies.None ? Unknown : Get(BitOperations.TrailingZeroCount((ulong)anomaly));

    /// <summary>Enumerates the bit numbers set in <paramref name="anomalies"/>, lowest first, without allocating.</summary>
    public static DecodeAnomalyBitEnumerator SetBits(DecodeAnomalies anomalies) => new(anomalies);
}
