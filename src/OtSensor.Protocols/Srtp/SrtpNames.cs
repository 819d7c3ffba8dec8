using OtSensor.Core.Protocols;

namespace OtSensor.Protocols.Srtp;

/// <summary>Static names of SRTP service request codes (DFRWS 2017, Table 2) and anomaly bits.</summary>
public static class SrtpNames
{
    private static readonly string[] Anomalies = ["unknown_service", "invalid_message_type", "direction_mismatch", "unsolicited_response", "init_not_zero"];

    public static string Anomaly(int bit) => (uint)bit < (uint)Anomalies.Length ? Anomalies[bit] : "unknown";

    public static string? Service(int code) => code switch
    {
        0x00 => "PLC Short Status",
        0x03 => "Return Control Program Names",
        0x04 => "Read System Memory",
        0x05 => "Read Task Memory",
        0x06 => "Read Program Block Memory",
        0x07 => "Write System Memory",
        0x08 => "Write Task Memory",
        0x09 => "Write Program Block Memory",
        0x20 => "Programmer Logon",
        0x21 => "Change PLC CPU Privilege Level",
        0x22 => "Set Control ID",
        0x23 => "Set PLC State",
        0x24 => "Set PLC Date/Time",
        0x25 => "Return PLC Date/Time",
        0x38 => "Return Fault Table",
        0x39 => "Clear Fault Table",
        0x3F => "Program Store",
        0x40 => "Program Load",
        0x43 => "Return Controller Type and ID",
        0x44 => "Toggle Force System Memory",
        _ => null,
    };

    /// <summary>
    /// Program Store uploads from the PLC, Program Load downloads to it; Set PLC State (run or stop: where the target
    /// state sits in the message is not public) is control.
    /// </summary>
    public static OtOperation Operation(int code) => code switch
    {
        0x00 or 0x38 => OtOperation.Diagnostics,
        0x03 or 0x04 or 0x05 or 0x06 or 0x25 => OtOperation.Read,
        0x07 or 0x08 or 0x09 or 0x22 or 0x39 => OtOperation.Write,
        0x20 or 0x21 => OtOperation.Authentication,
        0x23 => OtOperation.Control,
        0x24 => OtOperation.TimeSync,
        0x3F => OtOperation.ProgramUpload,
        0x40 => OtOperation.ProgramDownload,
        0x43 => OtOperation.Identification,
        0x44 => OtOperation.Control,
        _ => OtOperation.Other,
    };
}
