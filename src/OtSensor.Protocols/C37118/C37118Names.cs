using OtSensor.Core.Protocols;

namespace OtSensor.Protocols.C37118;

/// <summary>Static names of frame types, commands and anomaly bits (tshark 4.0 wording for frame types).</summary>
public static class C37118Names
{
    private static readonly string[] FrameTypes =
        ["Data Frame", "Header Frame", "Configuration Frame 1", "Configuration Frame 2", "Command Frame", "Configuration Frame 3"];

    private static readonly string[] Anomalies =
    [
        "checksum_mismatch", "frame_size_mismatch", "reserved_frame_type", "unknown_version", "frame_too_short",
        "unknown_command", "trailing_bytes", "no_pmu",
    ];

    public static string Anomaly(int bit) => (uint)bit < (uint)Anomalies.Length ? Anomalies[bit] : "unknown";

    public static string? FrameType(int type) => (uint)type < (uint)FrameTypes.Length ? FrameTypes[type] : null;

    public static string? Command(ushort command) => command switch
    {
        1 => "Turn off transmission of data frames",
        2 => "Turn on transmission of data frames",
        3 => "Send HDR frame",
        4 => "Send CFG-1 frame",
        5 => "Send CFG-2 frame",
        6 => "Send CFG-3 frame",
        8 => "Extended frame",
        >= 0x0100 and <= 0x0FFF => "User designated",
        _ => null,
    };

    /// <summary>
    /// Data frames deliver measurements (read); header and configuration frames describe the PMU (identification);
    /// turning transmission off or on stops or starts the stream; the send-HDR/CFG commands ask for identification.
    /// </summary>
    public static OtOperation Operation(int frameType, bool hasCommand, ushort command) => frameType switch
    {
        C37118Constants.FrameTypeData => OtOperation.Read,
        C37118Constants.FrameTypeHeader or C37118Constants.FrameTypeConfig1 or C37118Constants.FrameTypeConfig2
            or C37118Constants.FrameTypeConfig3 => OtOperation.Identification,
        C37118Constants.FrameTypeCommand when hasCommand => command switch
        {
            1 => OtOperation.Stop,
            2 => OtOperation.Start,
            >= 3 and <= 6 => OtOperation.Identification,
            _ => OtOperation.Other,
        },
        _ => OtOperation.Other,
    };
}
