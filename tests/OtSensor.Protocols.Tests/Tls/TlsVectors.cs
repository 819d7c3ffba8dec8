namespace OtSensor.Protocols.Tests.Tls;

/// <summary>Annotated TLS records (RFC 8446 §4–§5, RFC 5246 §7.4): a TLS 1.2 handshake's cleartext part, then encrypted data.</summary>
internal static class TlsVectors
{
    /// <summary>Client: ClientHello with SNI "plc.example", ALPN "h2", supported_versions {1.3, 1.2}; CCS; application data.</summary>
    public static readonly byte[] Client =
    [
        0x16, 0x03, 0x01, 0x00, 0x57,                       // record: handshake, TLS 1.0 record version, length 87
        0x01, 0x00, 0x00, 0x53,                             // ClientHello, length 83
        0x03, 0x03,                                         //   legacy_version TLS 1.2
        .. new byte[32],                                    //   random
        0x00,                                               //   session_id: empty
        0x00, 0x04, 0x13, 0x01, 0xC0, 0x2F,                 //   cipher_suites: 2 suites
        0x01, 0x00,                                         //   compression: null
        0x00, 0x26,                                         //   extensions, 38 bytes
        0x00, 0x00, 0x00, 0x10,                             //     server_name, length 16
        0x00, 0x0E, 0x00, 0x00, 0x0B, .. "plc.example"u8,   //       list 14, host_name, length 11
        0x00, 0x10, 0x00, 0x05,                             //     ALPN, length 5
        0x00, 0x03, 0x02, (byte)'h', (byte)'2',             //       list 3, "h2"
        0x00, 0x2B, 0x00, 0x05,                             //     supported_versions, length 5
        0x04, 0x03, 0x04, 0x03, 0x03,                       //       list 4: TLS 1.3, TLS 1.2
        0x14, 0x03, 0x03, 0x00, 0x01, 0x01,                 // record: ChangeCipherSpec
        0x17, 0x03, 0x03, 0x00, 0x04, 0xAA, 0xBB, 0xCC, 0xDD, // record: application data (skipped)
    ];

    /// <summary>Server: ServerHello (TLS 1.2, cipher 0xC02F) and Certificate in one record, ServerHelloDone in a second.</summary>
    public static readonly byte[] Server =
    [
        0x16, 0x03, 0x03, 0x00, 0x6B,                       // record: handshake, length 107
        0x02, 0x00, 0x00, 0x26,                             // ServerHello, length 38
        0x03, 0x03,                                         //   legacy_version TLS 1.2
        .. new byte[32],                                    //   random
        0x00,                                               //   session_id: empty
        0xC0, 0x2F,                                         //   cipher_suite ECDHE-RSA-AES128-GCM-SHA256
        0x00,                                               //   compression: null (no extensions)
        0x0B, 0x00, 0x00, 0x3D,                             // Certificate, length 61
        0x00, 0x00, 0x3A,                                   //   certificate_list, 58 bytes
        0x00, 0x00, 0x37,                                   //   certificate, 55 bytes (a minimal X.509 skeleton)
        0x30, 0x35,                                         //     Certificate SEQUENCE, 53 bytes
        0x30, 0x33,                                         //       tbsCertificate SEQUENCE, 51 bytes
        0xA0, 0x03, 0x02, 0x01, 0x02,                       //         [0] version v3
        0x02, 0x01, 0x01,                                   //         serialNumber 1
        0x30, 0x05, 0x06, 0x03, 0x2A, 0x03, 0x04,           //         signature AlgorithmIdentifier
        0x30, 0x00,                                         //         issuer (empty Name)
        0x30, 0x00,                                         //         validity (empty here)
        0x30, 0x1E,                                         //         subject Name
        0x31, 0x1C, 0x30, 0x1A,                             //           RDN SET, AttributeTypeAndValue
        0x06, 0x03, 0x55, 0x04, 0x03,                       //             commonName (2.5.4.3)
        0x0C, 0x13, .. "plc.example.factory"u8,             //             UTF8String
        0x16, 0x03, 0x03, 0x00, 0x04,                       // record: handshake, length 4
        0x0E, 0x00, 0x00, 0x00,                             // ServerHelloDone
        0x14, 0x03, 0x03, 0x00, 0x01, 0x01,                 // record: ChangeCipherSpec
        0x16, 0x03, 0x03, 0x00, 0x04, 0x11, 0x22, 0x33, 0x44, // record: encrypted Finished (skipped)
    ];
}
