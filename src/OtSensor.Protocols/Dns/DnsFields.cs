namespace OtSensor.Protocols.Dns;

/// <summary>Stable names of the keys <see cref="DnsMessage.WriteDetails"/> writes and of the sessions' stream anomalies.</summary>
public static class DnsFields
{
    public const string Id = "id";
    public const string Opcode = "opcode";
    public const string OpcodeName = "opcodeName";
    public const string Rcode = "rcode";
    public const string RcodeName = "rcodeName";
    public const string Authoritative = "aa";
    public const string Truncated = "tc";
    public const string RecursionDesired = "rd";
    public const string RecursionAvailable = "ra";
    public const string QuestionCount = "qdcount";
    public const string AnswerCount = "ancount";
    public const string AuthorityCount = "nscount";
    public const string AdditionalCount = "arcount";
    public const string Questions = "questions";
    public const string Records = "records";
    public const string Name = "name";
    public const string Type = "type";
    public const string TypeName = "typeName";
    public const string Class = "class";
    public const string CacheFlush = "cacheFlush";
    public const string UnicastResponse = "unicastResponse";
    public const string Section = "section";
    public const string Ttl = "ttl";
    public const string Address = "address";
    public const string Target = "target";
    public const string Port = "port";
    public const string Text = "txt";
    public const string DataLength = "rdLength";

    /// <summary>Stream anomaly: a datagram on a DNS/LLMNR/mDNS flow shorter than the header.</summary>
    public const string NotDns = "not_dns";

    /// <summary>Stream anomaly (TCP): a length prefix below the header size; the stream is given up.</summary>
    public const string BadTcpLength = "bad_tcp_length";

    /// <summary>Stream anomaly (TCP): a gap lost the length framing; the direction is skipped from here on.</summary>
    public const string LostFraming = "lost_framing";
}
