using OtSensor.Core.Protocols;

namespace OtSensor.Protocols.Fins;

/// <summary>Static names of FINS command codes (W342 command list), FINS/TCP commands and anomaly bits.</summary>
public static class FinsNames
{
    private static readonly string[] Anomalies =
    [
        "invalid_icf", "reserved_not_zero", "invalid_gateway_count", "unknown_command", "frame_too_short",
        "direction_mismatch", "invalid_tcp_header", "tcp_error",
    ];

    public static string Anomaly(int bit) => (uint)bit < (uint)Anomalies.Length ? Anomalies[bit] : "unknown";

    /// <summary>Name of a command code (MRC &lt;&lt; 8 | SRC); null when not in the tables.</summary>
    public static string? Command(int code) => code switch
    {
        0x0101 => "Memory Area Read",
        0x0102 => "Memory Area Write",
        0x0103 => "Memory Area Fill",
        0x0104 => "Multiple Memory Area Read",
        0x0105 => "Memory Area Transfer",
        0x0201 => "Parameter Area Read",
        0x0202 => "Parameter Area Write",
        0x0203 => "Parameter Area Clear",
        0x0304 => "Program Area Protect",
        0x0305 => "Program Area Protect Clear",
        0x0306 => "Program Area Read",
        0x0307 => "Program Area Write",
        0x0308 => "Program Area Clear",
        0x0401 => "Run",
        0x0402 => "Stop",
        0x0501 => "Controller Data Read",
        0x0502 => "Connection Data Read",
        0x0601 => "Controller Status Read",
        0x0620 => "Cycle Time Read",
        0x0701 => "Clock Read",
        0x0702 => "Clock Write",
        0x0920 => "Message Read",
        0x0C01 => "Access Right Acquire",
        0x0C02 => "Access Right Forced Acquire",
        0x0C03 => "Access Right Release",
        0x2101 => "Error Clear",
        0x2102 => "Error Log Read",
        0x2103 => "Error Log Clear",
        0x2140 => "FINS Write Access Log Read",
        0x2141 => "FINS Write Access Log Clear",
        0x2201 => "File Name Read",
        0x2202 => "Single File Read",
        0x2203 => "Single File Write",
        0x2204 => "File Memory Format",
        0x2205 => "File Delete",
        0x2207 => "File Copy",
        0x2208 => "File Name Change",
        0x220A => "Memory Area-File Transfer",
        0x220B => "Parameter Area-File Transfer",
        0x220C => "Program Area-File Transfer",
        0x2215 => "Create/Delete Directory",
        0x2301 => "Forced Set/Reset",
        0x2302 => "Forced Set/Reset Cancel",
        _ => null,
    };

    public static string? TcpCommand(uint command) => command switch
    {
        FinsConstants.TcpNodeAddressClient => "Node Address Data Send (client)",
        FinsConstants.TcpNodeAddressServer => "Node Address Data Send (server)",
        FinsConstants.TcpFrameSend => "FINS Frame Send",
        FinsConstants.TcpFrameSendError => "FINS Frame Send Error Notification",
        FinsConstants.TcpConnectionConfirmation => "Connection Confirmation",
        _ => null,
    };

    /// <summary>What a FINS command does: program area and file transfers move programs, 04 01/04 02 start and stop.</summary>
    public static OtOperation Operation(int code) => code switch
    {
        0x0101 or 0x0104 or 0x0201 or 0x0701 or 0x0920 or 0x2201 => OtOperation.Read,
        0x0102 or 0x0103 or 0x0105 or 0x0202 or 0x0203 or 0x2204 or 0x2205 or 0x2207 or 0x2208 or 0x220A or 0x220B or 0x2215 => OtOperation.Write,
        0x0306 or 0x2202 => OtOperation.ProgramUpload,
        0x0307 or 0x0308 or 0x2203 or 0x220C => OtOperation.ProgramDownload,
        0x0401 => OtOperation.Start,
        0x0402 => OtOperation.Stop,
        0x0501 or 0x0502 => OtOperation.Identification,
        0x0601 or 0x0620 or 0x2101 or 0x2102 or 0x2103 or 0x2140 or 0x2141 => OtOperation.Diagnostics,
        0x0702 => OtOperation.TimeSync,
        0x0304 or 0x0305 or 0x0C01 or 0x0C02 or 0x0C03 or 0x2301 or 0x2302 => OtOperation.Control,
        _ => OtOperation.Other,
    };
}
