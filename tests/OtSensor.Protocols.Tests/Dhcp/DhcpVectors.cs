namespace OtSensor.Protocols.Tests.Dhcp;

/// <summary>Annotated DHCP messages (RFC 2131 §2 header, RFC 2132 options), one field per line.</summary>
internal static class DhcpVectors
{
    /// <summary>DHCPDISCOVER from a Windows client: host name, vendor class, parameter list, client id.</summary>
    public static readonly byte[] Discover =
    [
        0x01,                               // op: BOOTREQUEST
        0x01,                               // htype: Ethernet
        0x06,                               // hlen: 6
        0x00,                               // hops
        0x39, 0x03, 0xF3, 0x26,             // xid
        0x00, 0x00,                         // secs
        0x80, 0x00,                         // flags: broadcast
        0, 0, 0, 0,                         // ciaddr 0.0.0.0
        0, 0, 0, 0,                         // yiaddr
        0, 0, 0, 0,                         // siaddr
        0, 0, 0, 0,                         // giaddr 0.0.0.0: not relayed
        0x00, 0xE1, 0x00, 0x00, 0x03, 0xFB, // chaddr 00:e1:00:00:03:fb
        .. new byte[10],                    // chaddr padding
        .. new byte[64],                    // sname
        .. new byte[128],                   // file
        0x63, 0x82, 0x53, 0x63,             // magic cookie
        53, 1, 1,                           // option 53 message type: DISCOVER
        61, 7, 0x01, 0x00, 0xE1, 0x00, 0x00, 0x03, 0xFB, // option 61 client id: type 1 + MAC
        12, 7, (byte)'C', (byte)'o', (byte)'m', (byte)'p', (byte)'u', (byte)'b', (byte)'e', // option 12 host name "Compube"
        60, 8, (byte)'M', (byte)'S', (byte)'F', (byte)'T', (byte)' ', (byte)'5', (byte)'.', (byte)'0', // option 60 "MSFT 5.0"
        55, 4, 1, 3, 6, 15,                 // option 55 parameter request list
        0,                                  // pad
        255,                                // end
    ];

    /// <summary>DHCPACK from the server, naming the client ("KoyoDL405") in option 12 and assigning 192.168.10.131.</summary>
    public static readonly byte[] AckWithClientName =
    [
        0x02,                               // op: BOOTREPLY
        0x01,                               // htype: Ethernet
        0x06,                               // hlen
        0x00,                               // hops
        0x00, 0x00, 0x00, 0x2A,             // xid 42
        0x00, 0x00,                         // secs
        0x00, 0x00,                         // flags
        0, 0, 0, 0,                         // ciaddr
        192, 168, 10, 131,                  // yiaddr 192.168.10.131
        192, 168, 10, 1,                    // siaddr
        0, 0, 0, 0,                         // giaddr
        0x00, 0xE0, 0x62, 0x60, 0x35, 0xD0, // chaddr 00:e0:62:60:35:d0
        .. new byte[10],                    // chaddr padding
        .. new byte[64],                    // sname
        .. new byte[128],                   // file
        0x63, 0x82, 0x53, 0x63,             // magic cookie
        53, 1, 5,                           // option 53: ACK
        54, 4, 192, 168, 10, 1,             // option 54 server identifier
        51, 4, 0x00, 0x01, 0x51, 0x80,      // option 51 lease time 86400 s
        12, 9, (byte)'K', (byte)'o', (byte)'y', (byte)'o', (byte)'D', (byte)'L', (byte)'4', (byte)'0', (byte)'5', // option 12: the client's name
        255,                                // end
    ];

    /// <summary>DHCPREQUEST relayed by an agent (giaddr 10.0.0.1) with option 50 and option 81 in wire encoding.</summary>
    public static readonly byte[] RelayedRequestWithFqdn =
    [
        0x01, 0x01, 0x06, 0x01,             // op BOOTREQUEST, htype Ethernet, hlen 6, hops 1
        0x00, 0x00, 0x00, 0x07,             // xid 7
        0x00, 0x00, 0x00, 0x00,             // secs, flags
        0, 0, 0, 0,                         // ciaddr
        0, 0, 0, 0,                         // yiaddr
        0, 0, 0, 0,                         // siaddr
        10, 0, 0, 1,                        // giaddr 10.0.0.1: relayed
        0x02, 0x00, 0x00, 0x00, 0x00, 0x01, // chaddr
        .. new byte[10],                    // chaddr padding
        .. new byte[64],                    // sname
        .. new byte[128],                   // file
        0x63, 0x82, 0x53, 0x63,             // magic cookie
        53, 1, 3,                           // option 53: REQUEST
        50, 4, 10, 0, 0, 9,                 // option 50 requested IP 10.0.0.9
        81, 13,                             // option 81 client FQDN, 13 bytes
        0x05, 0x00, 0x00,                   //   flags S|E, RCODE1, RCODE2
        3, (byte)'p', (byte)'l', (byte)'c', //   label "plc"
        4, (byte)'s', (byte)'i', (byte)'t', (byte)'e', //   label "site"
        0,                                  //   root
        255,                                // end
    ];

    /// <summary>BOOTREQUEST (RFC 951) with no magic cookie: 300 bytes, vendor area zero.</summary>
    public static readonly byte[] PlainBootp =
    [
        0x01, 0x01, 0x06, 0x00,             // op BOOTREQUEST, htype, hlen, hops
        0x00, 0x00, 0x12, 0x34,             // xid
        0x00, 0x00, 0x00, 0x00,             // secs, flags
        .. new byte[16],                    // ciaddr, yiaddr, siaddr, giaddr
        0x00, 0x00, 0xBC, 0x3E, 0xEB, 0xE4, // chaddr 00:00:bc:3e:eb:e4
        .. new byte[10],                    // chaddr padding
        .. new byte[64],                    // sname
        .. new byte[128],                   // file
        .. new byte[64],                    // vendor area (RFC 951): no cookie
    ];
}
