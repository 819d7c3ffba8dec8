namespace OtSensor.Decoding.Tests.Packets;

/// <summary>
/// Annotated frames for the L2–L4 decoder, one comment per field. IPv4 header checksums are correct unless the
/// vector's name says otherwise. Malformed twins are built from these with <see cref="With"/> in the tests.
/// </summary>
internal static class PacketVectors
{
    /// <summary>Copy of <paramref name="vector"/> with bytes from <paramref name="index"/> replaced.</summary>
    public static byte[] With(byte[] vector, int index, params byte[] bytes)
    {
        var copy = (byte[])vector.Clone();
        bytes.CopyTo(copy, index);
        return copy;
    }

    /// <summary>Ethernet II / IPv4 / TCP (Modbus port) with 4 payload bytes and 2 bytes of Ethernet padding.</summary>
    public static byte[] EthIPv4Tcp =>
    [
        0x00, 0x1D, 0x9C, 0xC8, 0x03, 0xE7, // 0  Ethernet destination MAC 00:1d:9c:c8:03:e7
        0x00, 0x0C, 0x29, 0xAA, 0xBB, 0xCC, // 6  Ethernet source MAC 00:0c:29:aa:bb:cc
        0x08, 0x00,                         // 12 EtherType IPv4
        0x45,                               // 14 IPv4 version 4, IHL 5 (20 bytes)
        0x00,                               // 15 DSCP/ECN
        0x00, 0x2C,                         // 16 total length 44 (20 IP + 20 TCP + 4 data)
        0x04, 0xD2,                         // 18 identification 1234
        0x40, 0x00,                         // 20 flags DF, fragment offset 0
        0x40,                               // 22 TTL 64
        0x06,                               // 23 protocol TCP
        0xB2, 0x8B,                         // 24 header checksum (valid)
        0xC0, 0xA8, 0x01, 0x0A,             // 26 source 192.168.1.10
        0xC0, 0xA8, 0x01, 0x14,             // 30 destination 192.168.1.20
        0xC0, 0x00,                         // 34 TCP source port 49152
        0x01, 0xF6,                         // 36 TCP destination port 502
        0x00, 0x00, 0x00, 0x01,             // 38 sequence number 1
        0x00, 0x00, 0x00, 0x02,             // 42 acknowledgment number 2
        0x50,                               // 46 data offset 5 (20 bytes), reserved 0
        0x18,                               // 47 flags PSH|ACK
        0x20, 0x00,                         // 48 window 8192
        0x00, 0x00,                         // 50 checksum (not verified)
        0x00, 0x00,                         // 52 urgent pointer
        0xDE, 0xAD, 0xBE, 0xEF,             // 54 TCP payload (4 bytes)
        0x00, 0x00,                         // 58 Ethernet padding to 60 bytes: beyond IPv4 total length, ignored
    ];

    /// <summary>Ethernet II / IPv4 with a Router Alert option (IHL 6) / UDP BACnet broadcast.</summary>
    public static byte[] EthIPv4OptionsUdp =>
    [
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, // 0  destination MAC broadcast
        0x00, 0x0C, 0x29, 0x11, 0x22, 0x33, // 6  source MAC
        0x08, 0x00,                         // 12 EtherType IPv4
        0x46,                               // 14 version 4, IHL 6 (24 bytes)
        0x00,                               // 15 DSCP/ECN
        0x00, 0x24,                         // 16 total length 36 (24 IP + 8 UDP + 4 data)
        0x00, 0x01,                         // 18 identification 1
        0x00, 0x00,                         // 20 flags 0, offset 0
        0x80,                               // 22 TTL 128
        0x11,                               // 23 protocol UDP
        0x90, 0xC4,                         // 24 header checksum (valid)
        0x0A, 0x00, 0x00, 0x01,             // 26 source 10.0.0.1
        0x0A, 0x00, 0x00, 0xFF,             // 30 destination 10.0.0.255
        0x94, 0x04, 0x00, 0x00,             // 34 option Router Alert (type 148, length 4, value 0)
        0xBA, 0xC0,                         // 38 UDP source port 47808
        0xBA, 0xC0,                         // 40 UDP destination port 47808
        0x00, 0x0C,                         // 42 UDP length 12
        0x00, 0x00,                         // 44 UDP checksum (none)
        0x81, 0x0B, 0x00, 0x04,             // 46 UDP payload: BVLC header
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, // 50 Ethernet padding to 60 bytes
        0x00, 0x00, 0x00, 0x00,
    ];

    /// <summary>IPv4 / UDP 1234 → 5678 with 4 payload bytes, no link header (28 + 4 bytes). Used behind every link type.</summary>
    public static byte[] IPv4Udp =>
    [
        0x45,                               // 0  version 4, IHL 5
        0x00,                               // 1  DSCP/ECN
        0x00, 0x20,                         // 2  total length 32
        0x00, 0x02,                         // 4  identification 2
        0x00, 0x00,                         // 6  flags 0, offset 0
        0x40,                               // 8  TTL 64
        0x11,                               // 9  protocol UDP
        0x66, 0xC9,                         // 10 header checksum (valid)
        0x0A, 0x00, 0x00, 0x01,             // 12 source 10.0.0.1
        0x0A, 0x00, 0x00, 0x02,             // 16 destination 10.0.0.2
        0x04, 0xD2,                         // 20 UDP source port 1234
        0x16, 0x2E,                         // 22 UDP destination port 5678
        0x00, 0x0C,                         // 24 UDP length 12
        0x00, 0x00,                         // 26 UDP checksum
        0x01, 0x02, 0x03, 0x04,             // 28 UDP payload
    ];

    /// <summary>IPv6 / Hop-by-Hop (PadN) / Destination Options (PadN) / TCP SYN 40000 → 20000, no link header.</summary>
    public static byte[] IPv6ExtensionsTcp =>
    [
        0x60, 0x00, 0x00, 0x00,             // 0  version 6, traffic class 0, flow label 0
        0x00, 0x24,                         // 4  payload length 36 (8 HBH + 8 DstOpts + 20 TCP)
        0x00,                               // 6  next header Hop-by-Hop
        0x40,                               // 7  hop limit 64
        0xFE, 0x80, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, // 8  source fe80::1
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01,
        0xFE, 0x80, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, // 24 destination fe80::2
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02,
        0x3C,                               // 40 HBH next header Destination Options
        0x00,                               // 41 HBH length 0 (8 bytes)
        0x01, 0x04, 0x00, 0x00, 0x00, 0x00, // 42 option PadN, 4 bytes of padding
        0x06,                               // 48 DstOpts next header TCP
        0x00,                               // 49 DstOpts length 0 (8 bytes)
        0x01, 0x04, 0x00, 0x00, 0x00, 0x00, // 50 option PadN
        0x9C, 0x40,                         // 56 TCP source port 40000
        0x4E, 0x20,                         // 58 TCP destination port 20000 (DNP3)
        0x12, 0x34, 0x56, 0x78,             // 60 sequence number
        0x00, 0x00, 0x00, 0x00,             // 64 acknowledgment number
        0x50,                               // 68 data offset 5
        0x02,                               // 69 flags SYN
        0xFF, 0xFF,                         // 70 window 65535
        0x00, 0x00,                         // 72 checksum
        0x00, 0x00,                         // 74 urgent pointer
    ];

    /// <summary>IPv6 / Fragment header (offset 0, M=1, id 0xCAFEBABE) / first 8 bytes of a UDP datagram.</summary>
    public static byte[] IPv6FirstFragment =>
    [
        0x60, 0x00, 0x00, 0x00,             // 0  version 6
        0x00, 0x10,                         // 4  payload length 16 (8 fragment header + 8 data)
        0x2C,                               // 6  next header Fragment
        0x40,                               // 7  hop limit 64
        0x20, 0x01, 0x0D, 0xB8, 0x00, 0x00, 0x00, 0x00, // 8  source 2001:db8::1
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01,
        0x20, 0x01, 0x0D, 0xB8, 0x00, 0x00, 0x00, 0x00, // 24 destination 2001:db8::2
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02,
        0x11,                               // 40 fragment next header UDP
        0x00,                               // 41 reserved
        0x00, 0x01,                         // 42 offset 0, res 0, M=1
        0xCA, 0xFE, 0xBA, 0xBE,             // 44 identification
        0x04, 0xD2, 0x16, 0x2E,             // 48 fragment data: UDP ports 1234 → 5678
        0x00, 0x14, 0x00, 0x00,             // 52 UDP length 20, checksum
    ];

    /// <summary>Ethernet II / ARP request: who has 192.168.1.1, tell 192.168.1.10.</summary>
    public static byte[] EthArpRequest =>
    [
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, // 0  destination MAC broadcast
        0x00, 0x0C, 0x29, 0xAA, 0xBB, 0xCC, // 6  source MAC
        0x08, 0x06,                         // 12 EtherType ARP
        0x00, 0x01,                         // 14 hardware type Ethernet
        0x08, 0x00,                         // 16 protocol type IPv4
        0x06,                               // 18 hardware address length 6
        0x04,                               // 19 protocol address length 4
        0x00, 0x01,                         // 20 operation request
        0x00, 0x0C, 0x29, 0xAA, 0xBB, 0xCC, // 22 sender MAC
        0xC0, 0xA8, 0x01, 0x0A,             // 28 sender IP 192.168.1.10
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, // 32 target MAC (unknown)
        0xC0, 0xA8, 0x01, 0x01,             // 38 target IP 192.168.1.1
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, // 42 Ethernet padding (18 bytes)
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    ];

    /// <summary>IEEE 802.3 length frame / LLC (STP BPDU SAPs), the start of a spanning-tree BPDU.</summary>
    public static byte[] Eth8023LlcStp =>
    [
        0x01, 0x80, 0xC2, 0x00, 0x00, 0x00, // 0  destination MAC STP multicast
        0x00, 0x0C, 0x29, 0xAA, 0xBB, 0xCC, // 6  source MAC
        0x00, 0x26,                         // 12 802.3 length 38
        0x42,                               // 14 LLC DSAP (spanning tree)
        0x42,                               // 15 LLC SSAP
        0x03,                               // 16 LLC control UI
        0x00, 0x00, 0x00, 0x00,             // 17 BPDU protocol id, version, type (truncated here)
    ];

    /// <summary>IEEE 802.3 length frame / LLC SNAP (OUI 00-00-00) carrying EtherType IPv4, then <see cref="IPv4Udp"/>.</summary>
    public static byte[] Eth8023SnapIPv4Udp =>
    [
        0x00, 0x1D, 0x9C, 0xC8, 0x03, 0xE7, // 0  destination MAC
        0x00, 0x0C, 0x29, 0xAA, 0xBB, 0xCC, // 6  source MAC
        0x00, 0x28,                         // 12 802.3 length 40 (8 LLC/SNAP + 32 IP)
        0xAA,                               // 14 LLC DSAP SNAP
        0xAA,                               // 15 LLC SSAP SNAP
        0x03,                               // 16 LLC control UI
        0x00, 0x00, 0x00,                   // 17 SNAP OUI 00-00-00 (RFC 1042)
        0x08, 0x00,                         // 20 SNAP protocol id IPv4
        .. IPv4Udp,                         // 22 IPv4/UDP (see IPv4Udp)
    ];

    /// <summary>Ethernet / 802.1ad S-tag 100 / 802.1Q C-tag 200 / 0x9100 tag 300 / IPv4/UDP.</summary>
    public static byte[] EthThreeVlanIPv4Udp =>
    [
        0x00, 0x1D, 0x9C, 0xC8, 0x03, 0xE7, // 0  destination MAC
        0x00, 0x0C, 0x29, 0xAA, 0xBB, 0xCC, // 6  source MAC
        0x88, 0xA8,                         // 12 TPID 802.1ad S-tag
        0x00, 0x64,                         // 14 TCI: PCP 0, DEI 0, VID 100
        0x81, 0x00,                         // 16 TPID 802.1Q C-tag
        0xA0, 0xC8,                         // 18 TCI: PCP 5, DEI 0, VID 200
        0x91, 0x00,                         // 20 TPID 0x9100
        0x01, 0x2C,                         // 22 TCI: VID 300
        0x08, 0x00,                         // 24 EtherType IPv4
        .. IPv4Udp,                         // 26 IPv4/UDP
    ];

    /// <summary>Ethernet with four stacked 802.1Q tags (one more than <c>DecodedPacket.MaxVlanTags</c>).</summary>
    public static byte[] EthFourVlanIPv4Udp =>
    [
        0x00, 0x1D, 0x9C, 0xC8, 0x03, 0xE7, // 0  destination MAC
        0x00, 0x0C, 0x29, 0xAA, 0xBB, 0xCC, // 6  source MAC
        0x81, 0x00, 0x00, 0x01,             // 12 tag 1: TPID 802.1Q, VID 1
        0x81, 0x00, 0x00, 0x02,             // 16 tag 2: VID 2
        0x81, 0x00, 0x00, 0x03,             // 20 tag 3: VID 3
        0x81, 0x00, 0x00, 0x04,             // 24 tag 4: VID 4 (over the bound)
        0x08, 0x00,                         // 28 EtherType IPv4
        .. IPv4Udp,                         // 30 IPv4/UDP
    ];

    /// <summary>Linux cooked v1 (incoming, Ethernet ARPHRD, 6-byte address) / IPv4/UDP.</summary>
    public static byte[] SllIPv4Udp =>
    [
        0x00, 0x00,                         // 0  packet type 0 (to us)
        0x00, 0x01,                         // 2  ARPHRD_ETHER
        0x00, 0x06,                         // 4  link-layer address length 6
        0x00, 0x0C, 0x29, 0xAA, 0xBB, 0xCC, // 6  source MAC
        0x00, 0x00,                         // 12 address padding to 8 bytes
        0x08, 0x00,                         // 14 protocol EtherType IPv4
        .. IPv4Udp,                         // 16 IPv4/UDP
    ];

    /// <summary>Linux cooked v2 (outgoing, Ethernet ARPHRD, 6-byte address) / IPv4/UDP.</summary>
    public static byte[] Sll2IPv4Udp =>
    [
        0x08, 0x00,                         // 0  protocol EtherType IPv4
        0x00, 0x00,                         // 2  reserved
        0x00, 0x00, 0x00, 0x02,             // 4  interface index 2
        0x00, 0x01,                         // 8  ARPHRD_ETHER
        0x04,                               // 10 packet type 4 (outgoing)
        0x06,                               // 11 link-layer address length 6
        0x00, 0x0C, 0x29, 0xAA, 0xBB, 0xCC, // 12 source MAC
        0x00, 0x00,                         // 18 address padding to 8 bytes
        .. IPv4Udp,                         // 20 IPv4/UDP
    ];

    /// <summary>BSD loopback (DLT_NULL) written by a little-endian host: AF_INET = 2 / IPv4/UDP.</summary>
    public static byte[] NullLittleEndianIPv4Udp =>
    [
        0x02, 0x00, 0x00, 0x00,             // 0  address family 2 (AF_INET), little-endian
        .. IPv4Udp,                         // 4  IPv4/UDP
    ];

    /// <summary>BSD loopback (DLT_NULL) written by a big-endian host: AF_INET6 = 30 (macOS) / IPv6/TCP.</summary>
    public static byte[] NullBigEndianIPv6Tcp =>
    [
        0x00, 0x00, 0x00, 0x1E,             // 0  address family 30 (AF_INET6 on Darwin), big-endian
        .. IPv6ExtensionsTcp,               // 4  IPv6/HBH/DstOpts/TCP
    ];

    /// <summary>OpenBSD loopback (DLT_LOOP), family always big-endian: AF_INET6 = 24 / IPv6/TCP.</summary>
    public static byte[] LoopIPv6Tcp =>
    [
        0x00, 0x00, 0x00, 0x18,             // 0  address family 24 (AF_INET6 on OpenBSD), big-endian
        .. IPv6ExtensionsTcp,               // 4  IPv6/HBH/DstOpts/TCP
    ];

    /// <summary>IPv4 / ICMP echo request with 4 data bytes, no link header.</summary>
    public static byte[] IPv4IcmpEcho =>
    [
        0x45, 0x00, 0x00, 0x20,             // 0  version 4, IHL 5, total length 32
        0x00, 0x03, 0x00, 0x00,             // 4  identification 3, no fragmentation
        0x40, 0x01, 0x66, 0xD8,             // 8  TTL 64, protocol ICMP, checksum (valid)
        0x0A, 0x00, 0x00, 0x01,             // 12 source 10.0.0.1
        0x0A, 0x00, 0x00, 0x02,             // 16 destination 10.0.0.2
        0x08,                               // 20 ICMP type 8 (echo request)
        0x00,                               // 21 code 0
        0x00, 0x00,                         // 22 checksum (not verified)
        0x00, 0x01, 0x00, 0x01,             // 24 identifier 1, sequence 1
        0x61, 0x62, 0x63, 0x64,             // 28 data "abcd"
    ];

    /// <summary>IPv4 / ICMP port unreachable quoting an IPv4/UDP header (the quote is not decoded).</summary>
    public static byte[] IPv4IcmpPortUnreachable =>
    [
        0x45, 0x00, 0x00, 0x38,             // 0  version 4, IHL 5, total length 56
        0x00, 0x04, 0x00, 0x00,             // 4  identification 4
        0x40, 0x01, 0x66, 0xBF,             // 8  TTL 64, protocol ICMP, checksum (valid)
        0x0A, 0x00, 0x00, 0x02,             // 12 source 10.0.0.2
        0x0A, 0x00, 0x00, 0x01,             // 16 destination 10.0.0.1
        0x03,                               // 20 ICMP type 3 (destination unreachable)
        0x03,                               // 21 code 3 (port unreachable)
        0x00, 0x00,                         // 22 checksum
        0x00, 0x00, 0x00, 0x00,             // 24 unused
        0x45, 0x00, 0x00, 0x20,             // 28 quoted IPv4 header: version, IHL, total length 32
        0x00, 0x02, 0x00, 0x00,             // 32 identification, flags
        0x40, 0x11, 0x66, 0xC9,             // 36 TTL, protocol UDP, checksum
        0x0A, 0x00, 0x00, 0x01,             // 40 source 10.0.0.1
        0x0A, 0x00, 0x00, 0x02,             // 44 destination 10.0.0.2
        0x04, 0xD2, 0x16, 0x2E,             // 48 quoted UDP ports 1234 → 5678
        0x00, 0x0C, 0x00, 0x00,             // 52 quoted UDP length, checksum
    ];

    /// <summary>IPv6 / ICMPv6 neighbor solicitation (type 135), no link header.</summary>
    public static byte[] IPv6IcmpV6NeighborSolicitation =>
    [
        0x60, 0x00, 0x00, 0x00,             // 0  version 6
        0x00, 0x18,                         // 4  payload length 24
        0x3A,                               // 6  next header ICMPv6
        0xFF,                               // 7  hop limit 255 (RFC 4861 requires it)
        0xFE, 0x80, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, // 8  source fe80::1
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01,
        0xFF, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, // 24 destination ff02::1:ff00:2 (solicited-node)
        0x00, 0x00, 0x00, 0x01, 0xFF, 0x00, 0x00, 0x02,
        0x87,                               // 40 ICMPv6 type 135 (neighbor solicitation)
        0x00,                               // 41 code 0
        0x00, 0x00,                         // 42 checksum
        0x00, 0x00, 0x00, 0x00,             // 44 reserved
        0xFE, 0x80, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, // 48 target fe80::2
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02,
    ];

    /// <summary>IPv4 first fragment (MF, offset 0, id 7) carrying the 8-byte UDP header only.</summary>
    public static byte[] IPv4FirstFragment =>
    [
        0x45, 0x00, 0x00, 0x1C,             // 0  version 4, IHL 5, total length 28
        0x00, 0x07,                         // 4  identification 7
        0x20, 0x00,                         // 6  flags MF, fragment offset 0
        0x40, 0x11, 0x46, 0xC8,             // 8  TTL 64, protocol UDP, checksum (valid)
        0x0A, 0x00, 0x00, 0x01,             // 12 source 10.0.0.1
        0x0A, 0x00, 0x00, 0x02,             // 16 destination 10.0.0.2
        0x04, 0xD2, 0x16, 0x2E,             // 20 fragment data: UDP ports 1234 → 5678
        0x00, 0x14, 0x00, 0x00,             // 24 UDP length 20 (whole datagram), checksum
    ];
}
