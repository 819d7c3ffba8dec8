namespace OtSensor.Protocols.Tests.Dns;

/// <summary>Annotated DNS, mDNS and LLMNR messages (RFC 1035 §4.1, RFC 6762, RFC 4795), offsets in comments.</summary>
internal static class DnsVectors
{
    /// <summary>Standard query for A plc1.example.com, recursion desired.</summary>
    public static readonly byte[] Query =
    [
        0x12, 0x34,                                         // id
        0x01, 0x00,                                         // flags: QR 0, opcode 0, RD
        0x00, 0x01,                                         // qdcount 1
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00,                 // ancount, nscount, arcount 0
        4, (byte)'p', (byte)'l', (byte)'c', (byte)'1',      // @12 label "plc1"
        7, (byte)'e', (byte)'x', (byte)'a', (byte)'m', (byte)'p', (byte)'l', (byte)'e', // @17 label "example"
        3, (byte)'c', (byte)'o', (byte)'m', 0,              // @25 label "com", root
        0x00, 0x01,                                         // qtype A
        0x00, 0x01,                                         // qclass IN
    ];

    /// <summary>Response: CNAME plc1 → www.example.com, A www.example.com 10.1.2.3 (both names compressed).</summary>
    public static readonly byte[] Response =
    [
        0x12, 0x34,                                         // id
        0x81, 0x80,                                         // flags: QR, RD, RA, rcode 0
        0x00, 0x01, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00,     // qdcount 1, ancount 2
        4, (byte)'p', (byte)'l', (byte)'c', (byte)'1',      // @12 "plc1"
        7, (byte)'e', (byte)'x', (byte)'a', (byte)'m', (byte)'p', (byte)'l', (byte)'e', // @17 "example"
        3, (byte)'c', (byte)'o', (byte)'m', 0,              // @25 "com", root
        0x00, 0x01, 0x00, 0x01,                             // qtype A, qclass IN
        0xC0, 0x0C,                                         // @34 answer 1 name: pointer to @12
        0x00, 0x05, 0x00, 0x01,                             // type CNAME, class IN
        0x00, 0x00, 0x01, 0x2C,                             // ttl 300
        0x00, 0x06,                                         // rdlength 6
        3, (byte)'w', (byte)'w', (byte)'w', 0xC0, 0x11,     // @46 "www" + pointer to @17 "example.com"
        0xC0, 0x2E,                                         // @52 answer 2 name: pointer to @46 "www.example.com"
        0x00, 0x01, 0x00, 0x01,                             // type A, class IN
        0x00, 0x00, 0x00, 0x3C,                             // ttl 60
        0x00, 0x04,                                         // rdlength 4
        10, 1, 2, 3,                                        // 10.1.2.3
    ];

    /// <summary>mDNS announcement: PTR, SRV, TXT ty=EK1100, unique A Compube.local 192.168.0.17.</summary>
    public static readonly byte[] MdnsAnnouncement =
    [
        0x00, 0x00,                                         // id 0 (RFC 6762 §18.1)
        0x84, 0x00,                                         // flags: QR, AA
        0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0x00,     // qdcount 0, ancount 4
        5, (byte)'_', (byte)'h', (byte)'t', (byte)'t', (byte)'p', // @12 "_http"
        4, (byte)'_', (byte)'t', (byte)'c', (byte)'p',      // @18 "_tcp"
        5, (byte)'l', (byte)'o', (byte)'c', (byte)'a', (byte)'l', 0, // @23 "local", root
        0x00, 0x0C, 0x00, 0x01,                             // @30 type PTR, class IN (shared: no cache-flush)
        0x00, 0x00, 0x11, 0x94,                             // ttl 4500
        0x00, 0x06,                                         // rdlength 6
        3, (byte)'D', (byte)'e', (byte)'v', 0xC0, 0x0C,     // @40 "Dev" + pointer to @12
        0xC0, 0x28,                                         // @46 SRV name: pointer to @40 "Dev._http._tcp.local"
        0x00, 0x21, 0x80, 0x01,                             // type SRV, class IN | cache-flush
        0x00, 0x00, 0x00, 0x78,                             // ttl 120
        0x00, 0x10,                                         // rdlength 16
        0x00, 0x00, 0x00, 0x00, 0x00, 0x50,                 // priority 0, weight 0, port 80
        7, (byte)'C', (byte)'o', (byte)'m', (byte)'p', (byte)'u', (byte)'b', (byte)'e', 0xC0, 0x17, // @64 "Compube" + pointer to @23 "local"
        0xC0, 0x28,                                         // @74 TXT name: pointer to @40
        0x00, 0x10, 0x80, 0x01,                             // type TXT, class IN | cache-flush
        0x00, 0x00, 0x11, 0x94,                             // ttl 4500
        0x00, 0x11,                                         // rdlength 17
        9, (byte)'t', (byte)'y', (byte)'=', (byte)'E', (byte)'K', (byte)'1', (byte)'1', (byte)'0', (byte)'0', // "ty=EK1100"
        6, (byte)'p', (byte)'a', (byte)'t', (byte)'h', (byte)'=', (byte)'/', // "path=/"
        0xC0, 0x40,                                         // @103 A name: pointer to @64 "Compube.local"
        0x00, 0x01, 0x80, 0x01,                             // type A, class IN | cache-flush (unique record)
        0x00, 0x00, 0x00, 0x78,                             // ttl 120
        0x00, 0x04,                                         // rdlength 4
        192, 168, 0, 17,                                    // 192.168.0.17
    ];

    /// <summary>LLMNR response for A WIN10: 10.0.0.5.</summary>
    public static readonly byte[] LlmnrResponse =
    [
        0xBE, 0xEF,                                         // id
        0x80, 0x00,                                         // flags: QR
        0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00,     // qdcount 1, ancount 1
        5, (byte)'W', (byte)'I', (byte)'N', (byte)'1', (byte)'0', 0, // @12 "WIN10", root
        0x00, 0x01, 0x00, 0x01,                             // qtype A, qclass IN
        0xC0, 0x0C,                                         // answer name: pointer to @12
        0x00, 0x01, 0x00, 0x01,                             // type A, class IN
        0x00, 0x00, 0x00, 0x1E,                             // ttl 30
        0x00, 0x04,                                         // rdlength 4
        10, 0, 0, 5,                                        // 10.0.0.5
    ];

    /// <summary>A query whose name is a pointer to itself.</summary>
    public static readonly byte[] SelfPointer =
    [
        0x00, 0x01, 0x01, 0x00,                             // id, flags RD
        0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,     // qdcount 1
        0xC0, 0x0C,                                         // @12 pointer to @12
        0x00, 0x01, 0x00, 0x01,                             // qtype A, qclass IN
    ];

    /// <summary>A response whose answer name points forward to the next answer's name, which points back.</summary>
    public static readonly byte[] PointerPair =
    [
        0x00, 0x02, 0x81, 0x80,                             // id, flags QR RD RA
        0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00,     // ancount 2
        0xC0, 0x1A,                                         // @12 answer 1 name: pointer forward to @26
        0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x00, 0x3C, 0x00, 0x00, // type A, class IN, ttl 60, rdlength 0
        0xC0, 0x0C,                                         // @26 answer 2 name: pointer back to @12
        0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x00, 0x3C, 0x00, 0x00, // type A, class IN, ttl 60, rdlength 0
    ];
}
