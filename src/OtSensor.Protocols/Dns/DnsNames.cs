namespace OtSensor.Protocols.Dns;

/// <summary>Static names for record types, opcodes, response codes, sections and anomaly bits.</summary>
/// <remarks>Type names are the IANA "Resource Record (RR) TYPEs" mnemonics, as tshark 4.0 prints them in <c>dns.qry.type</c>.</remarks>
public static class DnsNames
{
    private static readonly string?[] Opcodes = ["Query", "IQuery", "Status", null, "Notify", "Update", "DSO"];

    private static readonly string?[] Rcodes =
    [
        "NoError", "FormErr", "ServFail", "NXDomain", "NotImp", "Refused", "YXDomain", "YXRRSet", "NXRRSet", "NotAuth", "NotZone", "DSOTYPENI",
    ];

    private static readonly string[] Sections = ["question", "answer", "authority", "additional"];

    private static readonly string[] Anomalies =
    [
        "truncated", "record_truncated", "compression_loop", "name_too_long", "bad_label_type", "trailing_bytes",
        "too_many_records", "reserved_bit_set", "unknown_opcode", "bad_address_length", "query_with_answers", "bad_tcp_length",
    ];

    /// <summary>Mnemonic of a record type; null when not in the table.</summary>
    public static string? Type(int type) => type switch
    {
        1 => "A", 2 => "NS", 5 => "CNAME", 6 => "SOA", 10 => "NULL", 12 => "PTR", 13 => "HINFO", 15 => "MX", 16 => "TXT",
        17 => "RP", 18 => "AFSDB", 24 => "SIG", 25 => "KEY", 28 => "AAAA", 29 => "LOC", 33 => "SRV", 35 => "NAPTR",
        36 => "KX", 37 => "CERT", 39 => "DNAME", 41 => "OPT", 42 => "APL", 43 => "DS", 44 => "SSHFP", 45 => "IPSECKEY",
        46 => "RRSIG", 47 => "NSEC", 48 => "DNSKEY", 49 => "DHCID", 50 => "NSEC3", 51 => "NSEC3PARAM", 52 => "TLSA",
        53 => "SMIMEA", 55 => "HIP", 59 => "CDS", 60 => "CDNSKEY", 61 => "OPENPGPKEY", 62 => "CSYNC", 63 => "ZONEMD",
        64 => "SVCB", 65 => "HTTPS", 99 => "SPF", 249 => "TKEY", 250 => "TSIG", 251 => "IXFR", 252 => "AXFR",
        253 => "MAILB", 254 => "MAILA", 255 => "ANY", 256 => "URI", 257 => "CAA",
        _ => null,
    };

    public static string? Opcode(int opcode) => (uint)opcode < (uint)Opcodes.Length ? Opcodes[opcode] : null;

    public static string? Rcode(int rcode) => (uint)rcode < (uint)Rcodes.Length ? Rcodes[rcode] : null;

    public static string Section(int section) => (uint)section < (uint)Sections.Length ? Sections[section] : "unknown";

    /// <summary>Stable name of one <see cref="DnsAnomalies"/> bit.</summary>
    public static string Anomaly(int bit) => (uint)bit < (uint)Anomalies.Length ? Anomalies[bit] : "unknown";
}
