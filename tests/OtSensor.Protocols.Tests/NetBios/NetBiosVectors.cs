namespace OtSensor.Protocols.Tests.NetBios;

/// <summary>Annotated NetBIOS name service and datagram service messages (RFC 1002 §4.2, §4.4; [MS-BRWS] §2.2.1).</summary>
internal static class NetBiosVectors
{
    /// <summary>B-node registration of the unique workstation name KW-VLIPC&lt;00&gt; at 10.1.1.5.</summary>
    public static readonly byte[] Registration =
    [
        0x80, 0x0A,                                         // NAME_TRN_ID
        0x29, 0x10,                                         // flags: R 0, opcode 5 (registration), RD, B
        0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01,     // qdcount 1, arcount 1
        0x20, .. "ELFHCNFGEMEJFAEDCACACACACACACAAA"u8,       // @12 "KW-VLIPC       " suffix 0x00, first-level encoded
        0x00,                                               // root
        0x00, 0x20, 0x00, 0x01,                             // type NB, class IN
        0xC0, 0x0C,                                         // additional record: pointer to the question name
        0x00, 0x20, 0x00, 0x01,                             // type NB, class IN
        0x00, 0x04, 0x93, 0xE0,                             // ttl 300000
        0x00, 0x06,                                         // rdlength 6
        0x00, 0x00,                                         // NB_FLAGS: unique, B-node
        10, 1, 1, 5,                                        // NB_ADDRESS 10.1.1.5
    ];

    /// <summary>Node status (NBSTAT) answer listing SHENHUAJ6-PC&lt;00&gt; (unique) and WORKGROUP&lt;00&gt; (group).</summary>
    public static readonly byte[] NodeStatusResponse =
    [
        0x00, 0x01,                                         // NAME_TRN_ID
        0x84, 0x00,                                         // flags: R, opcode 0, AA
        0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00,     // ancount 1
        0x20, .. "CKAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"u8,       // @12 "*" padded with NULs: the wildcard name
        0x00,                                               // root
        0x00, 0x21, 0x00, 0x01,                             // type NBSTAT, class IN
        0x00, 0x00, 0x00, 0x00,                             // ttl 0
        0x00, 0x2B,                                         // rdlength 43
        0x02,                                               // NUM_NAMES 2
        .. "SHENHUAJ6-PC   "u8, 0x00, 0x04, 0x00,           // unique workstation name, NAME_FLAGS active
        .. "WORKGROUP      "u8, 0x00, 0x84, 0x00,           // group name, NAME_FLAGS group | active
        0x00, 0x0C, 0x29, 0xAA, 0xBB, 0xCC,                 // UNIT_ID (MAC)
    ];

    /// <summary>Direct-group datagram to WORKGROUP&lt;1D&gt; carrying a browser Host Announcement of WIN2K3LAB021, OS 5.2.</summary>
    public static readonly byte[] HostAnnouncement =
    [
        0x11,                                               // MSG_TYPE direct_group
        0x02,                                               // FLAGS: first fragment, B-node
        0x12, 0x34,                                         // DGM_ID
        192, 168, 10, 21,                                   // SOURCE_IP
        0x00, 0x8A,                                         // SOURCE_PORT 138
        0x00, 0xC1,                                         // DGM_LENGTH 193 (bytes after PACKET_OFFSET)
        0x00, 0x00,                                         // PACKET_OFFSET
        0x20, .. "FHEJEODCELDDEMEBECDADCDBCACACAAA"u8, 0x00, // SOURCE_NAME "WIN2K3LAB021" <00>
        0x20, .. "FHEPFCELEHFCEPFFFACACACACACACABN"u8, 0x00, // DESTINATION_NAME "WORKGROUP" <1D>
        0xFF, (byte)'S', (byte)'M', (byte)'B',              // SMB header: protocol
        0x25,                                               //   command: Transaction
        0x00, 0x00, 0x00, 0x00,                             //   status
        0x00, 0x00, 0x00,                                   //   flags, flags2
        .. new byte[20],                                    //   pid high, signature, reserved, tid, pid, uid, mid
        17,                                                 // word count
        0x00, 0x00,                                         //   total parameter count
        0x27, 0x00,                                         //   total data count 39
        0x00, 0x00, 0x00, 0x00,                             //   max parameter count, max data count
        0x00, 0x00,                                         //   max setup count, reserved
        0x00, 0x00,                                         //   flags
        0x00, 0x00, 0x00, 0x00,                             //   timeout
        0x00, 0x00,                                         //   reserved
        0x00, 0x00, 0x56, 0x00,                             //   parameter count 0, parameter offset 86
        0x27, 0x00,                                         //   data count 39
        0x56, 0x00,                                         //   data offset 86 (from the SMB header)
        0x03, 0x00,                                         //   setup count 3, reserved
        0x01, 0x00, 0x01, 0x00, 0x02, 0x00,                 //   setup: write mailslot, priority 1, class 2
        0x38, 0x00,                                         // byte count 56
        .. "\\MAILSLOT\\BROWSE"u8, 0x00,                    // mailslot name
        0x01,                                               // browser opcode: Host Announcement
        0x00,                                               // update count
        0xC0, 0xD4, 0x01, 0x00,                             // periodicity 120000 ms
        .. "WIN2K3LAB021"u8, 0x00, 0x00, 0x00, 0x00,        // server name, NUL padded to 16
        0x05, 0x02,                                         // OS version 5.2
        0x03, 0x10, 0x01, 0x00,                             // server type (workstation, server, NT)
        0x0F, 0x01,                                         // browser version 15.1
        0x55, 0xAA,                                         // signature
        .. "Lab PC"u8, 0x00,                                // comment
    ];
}
