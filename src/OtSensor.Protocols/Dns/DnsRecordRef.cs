namespace OtSensor.Protocols.Dns;

/// <summary>Where one question or resource record sits in its message: offsets, not copies (RFC 1035 §4.1.2–§4.1.3).</summary>
public struct DnsRecordRef
{
    /// <summary>Offset of the owner name (possibly compressed) in the message.</summary>
    public int NameOffset;
    public ushort Type;
    /// <summary>The class field as sent (for mDNS the top bit is cache-flush / unicast-response).</summary>
    public ushort Class;
    public uint Ttl;
    /// <summary>Offset of RDATA; 0 for a question.</summary>
    public int DataOffset;
    public int DataLength;
    /// <summary>0 question, 1 answer, 2 authority, 3 additional.</summary>
    public byte Section;
}
