namespace OtSensor.Protocols.Cotp;

/// <summary>Static name tables (no allocation): TPDU types and anomaly bits.</summary>
public static class CotpNames
{
    private static readonly string?[] Types =
    [
        null, "ED", "EA", null, null, "RJ", "AK", "ER", "DR", null, null, null, "DC", "CC", "CR", "DT",
    ];

    private static readonly string[] Anomalies =
    [
        "tpkt_invalid_version", "tpkt_invalid_length", "tpkt_reserved_non_zero", "invalid_length_indicator",
        "unknown_tpdu_type", "truncated_header", "truncated_parameter", "invalid_tpdu_size", "oversized_tsap",
        "reassembly_overflow", "unexpected_user_data", "unrecognized_payload", "resynchronized", "not_tpkt",
    ];

    /// <summary>Short X.224 name of a TPDU code (high nibble), null when undefined.</summary>
    public static string? Type(int code) => Types[(code >> 4) & 0x0F];

    public static string Anomaly(int bit) => (uint)bit < (uint)Anomalies.Length ? Anomalies[bit] : "unknown";
}
