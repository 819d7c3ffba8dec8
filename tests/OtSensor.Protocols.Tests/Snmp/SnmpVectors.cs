namespace OtSensor.Protocols.Tests.Snmp;

/// <summary>Annotated SNMP messages (RFC 3416 PDUs in BER, RFC 1901 v2c and RFC 3412 v3 wrappers).</summary>
internal static class SnmpVectors
{
    /// <summary>v2c GetResponse with sysDescr.0, sysObjectID.0 and sysName.0 from the agent.</summary>
    public static readonly byte[] SystemGroupResponse =
    [
        0x30, 0x5E,                                         // Message SEQUENCE, 94 bytes
        0x02, 0x01, 0x01,                                   //   version 1 (v2c)
        0x04, 0x06, .. "public"u8,                          //   community (6 bytes; only the length is recorded)
        0xA2, 0x51,                                         //   GetResponse-PDU [2], 81 bytes
        0x02, 0x02, 0x30, 0x39,                             //     request-id 12345
        0x02, 0x01, 0x00,                                   //     error-status noError
        0x02, 0x01, 0x00,                                   //     error-index 0
        0x30, 0x45,                                         //     variable-bindings, 69 bytes
        0x30, 0x18,                                         //       VarBind, 24 bytes
        0x06, 0x08, 0x2B, 0x06, 0x01, 0x02, 0x01, 0x01, 0x01, 0x00, // sysDescr.0
        0x04, 0x0C, .. "SCALANCE X20"u8,                    //         OCTET STRING
        0x30, 0x17,                                         //       VarBind, 23 bytes
        0x06, 0x08, 0x2B, 0x06, 0x01, 0x02, 0x01, 0x01, 0x02, 0x00, // sysObjectID.0
        0x06, 0x0B, 0x2B, 0x06, 0x01, 0x04, 0x01, 0x81, 0xA3, 0x1E, 0x01, 0x02, 0x03, // 1.3.6.1.4.1.20894.1.2.3 (hypothetical product)
        0x30, 0x10,                                         //       VarBind, 16 bytes
        0x06, 0x08, 0x2B, 0x06, 0x01, 0x02, 0x01, 0x01, 0x05, 0x00, // sysName.0
        0x04, 0x04, .. "sw-1"u8,                            //         OCTET STRING
    ];

    /// <summary>v2c GetRequest for the same three objects (values NULL).</summary>
    public static readonly byte[] SystemGroupRequest =
    [
        0x30, 0x43,                                         // Message SEQUENCE, 67 bytes
        0x02, 0x01, 0x01,                                   //   version v2c
        0x04, 0x06, .. "public"u8,                          //   community
        0xA0, 0x36,                                         //   GetRequest-PDU [0], 54 bytes
        0x02, 0x02, 0x30, 0x39,                             //     request-id 12345
        0x02, 0x01, 0x00, 0x02, 0x01, 0x00,                 //     error-status, error-index
        0x30, 0x2A,                                         //     variable-bindings, 42 bytes
        0x30, 0x0C, 0x06, 0x08, 0x2B, 0x06, 0x01, 0x02, 0x01, 0x01, 0x01, 0x00, 0x05, 0x00, // sysDescr.0, NULL
        0x30, 0x0C, 0x06, 0x08, 0x2B, 0x06, 0x01, 0x02, 0x01, 0x01, 0x02, 0x00, 0x05, 0x00, // sysObjectID.0, NULL
        0x30, 0x0C, 0x06, 0x08, 0x2B, 0x06, 0x01, 0x02, 0x01, 0x01, 0x05, 0x00, 0x05, 0x00, // sysName.0, NULL
    ];

    /// <summary>v3 message with privacy: the scoped PDU is an encrypted OCTET STRING.</summary>
    public static readonly byte[] V3Encrypted =
    [
        0x30, 0x27,                                         // Message SEQUENCE, 39 bytes
        0x02, 0x01, 0x03,                                   //   msgVersion 3
        0x30, 0x0E,                                         //   msgGlobalData, 14 bytes
        0x02, 0x02, 0x01, 0x00,                             //     msgID 256
        0x02, 0x02, 0x05, 0xDC,                             //     msgMaxSize 1500
        0x04, 0x01, 0x07,                                   //     msgFlags auth | priv | reportable
        0x02, 0x01, 0x03,                                   //     msgSecurityModel USM
        0x04, 0x08, 0, 0, 0, 0, 0, 0, 0, 0,                 //   msgSecurityParameters (opaque here)
        0x04, 0x08, 0xDE, 0xAD, 0xBE, 0xEF, 1, 2, 3, 4,     //   encryptedPDU
    ];
}
