namespace OtSensor.Protocols.Goose;

/// <summary>Static name tables for GOOSE (no allocation, no <c>Enum.ToString</c>).</summary>
public static class GooseNames
{
    private static readonly string?[] Anomalies =
    [
        "invalid_length", "length_exceeds_frame", "unknown_pdu_tag", "malformed_ber", "indefinite_length",
        "truncated_pdu", "trailing_bytes", "missing_field", "duplicate_field", "field_out_of_order",
        "unknown_field", "invalid_integer", "invalid_boolean", "invalid_utc_time", "invalid_string",
        "string_too_long", "invalid_all_data", "entry_count_mismatch", "appid_out_of_range", null,
        "sequence_gap", "sequence_duplicate", "sequence_regressed", "sequence_reset", "state_number_gap",
        "state_number_regressed", "sequence_not_restarted", "configuration_revision_changed",
    ];

    /// <summary>Stream-level anomaly: a frame on the GOOSE EtherType shorter than the 8-octet header.</summary>
    public const string TruncatedHeader = "truncated_header";

    /// <summary>Stream-level anomaly, reported once per session: the publisher table is full and evicts its oldest entry.</summary>
    public const string PublisherTableFull = "publisher_table_full";

    /// <summary>Snake-case name of one <see cref="GooseAnomalies"/> bit.</summary>
    public static string Anomaly(int bit) => (uint)bit < (uint)Anomalies.Length ? Anomalies[bit] ?? "unknown" : "unknown";
}
