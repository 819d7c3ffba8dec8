namespace OtSensor.Protocols.Tests.Lldp;

/// <summary>Annotated LLDPDUs (IEEE 802.1AB-2016 §8) and a CDP frame (after the LLC header), one TLV per line.</summary>
internal static class LldpVectors
{
    /// <summary>A PROFINET device: chassis ID = NameOfStation, port-001, system name/description, capabilities, IPv4 management address.</summary>
    public static readonly byte[] ProfinetLldp =
    [
        0x02, 0x0F, 0x07, .. "versamax-pns11"u8,            // Chassis ID (1), length 15: subtype 7 local, "versamax-pns11"
        0x04, 0x09, 0x07, .. "port-001"u8,                  // Port ID (2), length 9: subtype 7 local, "port-001"
        0x06, 0x02, 0x00, 0x14,                             // TTL (3), length 2: 20 s
        0x0A, 0x08, .. "VERSAMAX"u8,                        // System Name (5), length 8
        0x0C, 0x0B, .. "GE IC695PNS"u8,                     // System Description (6), length 11
        0x0E, 0x04, 0x00, 0x84, 0x00, 0x04,                 // System Capabilities (7): bridge|station, enabled bridge
        0x10, 0x0C,                                         // Management Address (8), length 12
        0x05, 0x01, 192, 168, 1, 2,                         //   address length 5, family IPv4, 192.168.1.2
        0x02, 0x00, 0x00, 0x00, 0x01,                       //   interface subtype ifIndex, number 1
        0x00,                                               //   OID length 0
        0xFE, 0x0A, 0x00, 0x0E, 0xCF, 0x05,                 // Org specific (127), length 10: OUI 00-0E-CF, PNIO chassis MAC
        0x00, 0x09, 0x91, 0x43, 0xE0, 0x68,                 //   chassis MAC 00:09:91:43:e0:68
        0x00, 0x00,                                         // End of LLDPDU
        0x00, 0x00, 0x00, 0x00,                             // Ethernet padding
    ];

    /// <summary>CDP v2 from a Cisco switch, as the engine hands it over: SNAP OUI/PID, then the CDP header and TLVs.</summary>
    public static readonly byte[] Cdp =
    [
        0x00, 0x00, 0x0C, 0x20, 0x00,                       // SNAP: OUI 00-00-0C, PID 0x2000 (CDP)
        0x02, 0xB4, 0x12, 0x34,                             // version 2, TTL 180, checksum
        0x00, 0x01, 0x00, 0x09, .. "Ns5gt"u8,               // Device ID, length 9
        0x00, 0x02, 0x00, 0x11,                             // Addresses, length 17
        0x00, 0x00, 0x00, 0x01,                             //   count 1
        0x01, 0x01, 0xCC,                                   //   NLPID, length 1, IPv4
        0x00, 0x04, 192, 168, 10, 253,                      //   address length 4, 192.168.10.253
        0x00, 0x03, 0x00, 0x14, .. "GigabitEthernet1"u8,    // Port ID, length 20
        0x00, 0x04, 0x00, 0x08, 0x00, 0x00, 0x00, 0x28,     // Capabilities: switch | igmp
        0x00, 0x05, 0x00, 0x1A, .. "Cisco IOS 12.2\nCopy"u8, 0x00, 0x00, 0x00, // Software version, length 26 (two lines, NUL pad)
        0x00, 0x06, 0x00, 0x17, .. "cisco WS-CE500-24TT"u8, // Platform, length 23
        0x00, 0x0A, 0x00, 0x06, 0x00, 0x03,                 // Native VLAN 3
    ];
}
