namespace OtSensor.Protocols.Snmp;

/// <summary>Ports, tags and bounds of SNMP (RFC 3416 PDUs, RFC 1157/1901 v1/v2c messages, RFC 3412 v3 messages).</summary>
public static class SnmpConstants
{
    public const ushort AgentPort = 161;
    public const ushort TrapPort = 162;

    public const int Version1 = 0;
    public const int Version2c = 1;
    public const int Version3 = 3;

    public const byte TagSequence = 0x30;
    public const byte TagInteger = 0x02;
    public const byte TagOctetString = 0x04;
    public const byte TagNull = 0x05;
    public const byte TagOid = 0x06;

    /// <summary>PDU types: context-specific constructed tags [0]..[8] (RFC 3416 §3).</summary>
    public const int PduGet = 0;
    public const int PduGetNext = 1;
    public const int PduResponse = 2;
    public const int PduSet = 3;
    public const int PduTrapV1 = 4;
    public const int PduGetBulk = 5;
    public const int PduInform = 6;
    public const int PduTrapV2 = 7;
    public const int PduReport = 8;

    /// <summary>Variable bindings walked per PDU, and kept for details.</summary>
    public const int MaxVarbinds = 256;
    public const int KeptVarbinds = 8;

    /// <summary>Longest dotted OID written (128 arcs of up to 10 digits would exceed any real OID).</summary>
    public const int MaxOidText = 256;
}
