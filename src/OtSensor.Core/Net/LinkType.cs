namespace OtSensor.Core.Net;

/// <summary>
/// Data link types of captured frames, with the LINKTYPE_* values of the tcpdump.org registry
/// (also used in pcap file headers and pcapng Interface Description Blocks).
/// </summary>
public enum LinkType : ushort
{
    /// <summary>BSD loopback: 4-byte address family in host byte order, then the packet.</summary>
    Null = 0,
    Ethernet = 1,
    /// <summary>Raw IP (version taken from the first nibble).</summary>
    Raw = 101,
    /// <summary>OpenBSD loopback: 4-byte address family in network byte order.</summary>
    Loop = 108,
    /// <summary>Linux cooked capture v1 (16-byte header).</summary>
    LinuxSll = 113,
    IPv4 = 228,
    IPv6 = 229,
    /// <summary>Linux cooked capture v2 (20-byte header).</summary>
    LinuxSll2 = 276,
    Unknown = ushort.MaxValue,
}
