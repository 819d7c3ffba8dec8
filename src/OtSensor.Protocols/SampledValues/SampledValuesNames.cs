namespace OtSensor.Protocols.SampledValues;

/// <summary>Static name tables for Sampled Values (no allocation, no <c>Enum.ToString</c>).</summary>
public static class SampledValuesNames
{
    private static readonly string[] Anomalies =
    [
        "invalid_length", "length_exceeds_frame", "unknown_pdu_tag", "malformed_ber", "indefinite_length",
        "truncated_pdu", "trailing_bytes", "missing_field", "unknown_field", "invalid_field", "invalid_string",
        "asdu_count_mismatch", "invalid_asdu", "appid_out_of_range",
    ];

    /// <summary>Stream-level anomaly: a frame on the SV EtherType shorter than the 8-octet header.</summary>
    public const string TruncatedHeader = "truncated_header";

    public static string Anomaly(int bit) => (uint)bit < (uint)Anomalies.Length ? Anomalies[bit] : "unknown";
}
