namespace OtSensor.Protocols.Snmp;

/// <summary>Where one variable binding sits in its message: the OID content and the value element (RFC 3416 §3).</summary>
public struct SnmpVarbind
{
    public int OidOffset;
    public int OidLength;

    /// <summary>The value's identifier octet (0x02 INTEGER, 0x04 OCTET STRING, 0x06 OID, 0x40 IpAddress, 0x43 TimeTicks, 0x80 noSuchObject…).</summary>
    public byte ValueTag;
    public int ValueOffset;
    public int ValueLength;
}
