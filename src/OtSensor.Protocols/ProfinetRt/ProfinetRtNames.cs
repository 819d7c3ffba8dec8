namespace OtSensor.Protocols.ProfinetRt;

/// <summary>Display names of RT-layer codes (RTA PDU types, alarm types), one static string per value.</summary>
/// <remarks>IEC 61158-6-10 §4.10.3 (PDUType), §5.2 AlarmType coding; spelling close to tshark's pn_io value strings.</remarks>
public static class ProfinetRtNames
{
    private static readonly string?[] RtaPduTypes = [null, "DATA-RTA-PDU", "NACK-RTA-PDU", "ACK-RTA-PDU", "ERR-RTA-PDU"];

    private static readonly string?[] AlarmTypes =
    [
        null, "Diagnosis", "Process", "Pull", "Plug", "Status", "Update", "Media Redundancy",
        "Controlled by Supervisor", "Released", "Plug Wrong Submodule", "Return of Submodule",
        "Diagnosis disappears", "Multicast Communication Mismatch", "Port Data Change Notification",
        "Sync Data Changed Notification", "Isochronous Mode Problem Notification", "Network component Problem Notification",
        "Time data changed Notification", "Dynamic Frame Packing Problem Notification", "MRPD Problem Notification",
    ];

    private static readonly string[] Anomalies =
    [
        "truncated", "var_part_beyond_frame", "bad_pdu_type", "block_malformed", "unexpected_block",
    ];

    public static string? RtaPduType(int type) => (uint)type < (uint)RtaPduTypes.Length ? RtaPduTypes[type] : null;

    public static string? AlarmType(int type) => (uint)type < (uint)AlarmTypes.Length ? AlarmTypes[type] : null;

    public static string Anomaly(int bit) => (uint)bit < (uint)Anomalies.Length ? Anomalies[bit] : "unknown";
}
