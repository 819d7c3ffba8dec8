using OtSensor.Core.Protocols;

namespace OtSensor.Protocols.Melsec;

/// <summary>Static names of SLMP commands (SLMP Reference Manual SH-080956ENG command list) and anomaly bits.</summary>
public static class MelsecNames
{
    private static readonly string[] Anomalies =
        ["length_mismatch", "data_too_short", "unknown_command", "reserved_not_zero", "direction_mismatch", "unsolicited_response"];

    public static string Anomaly(int bit) => (uint)bit < (uint)Anomalies.Length ? Anomalies[bit] : "unknown";

    public static string? Command(int command) => command switch
    {
        0x0401 => "Device Read (batch)",
        0x1401 => "Device Write (batch)",
        0x0403 => "Device Read Random",
        0x1402 => "Device Write Random",
        0x0406 => "Device Read Block",
        0x1406 => "Device Write Block",
        0x0801 => "Entry Monitor Device",
        0x0802 => "Execute Monitor",
        0x0601 => "Memory Read",
        0x1601 => "Memory Write",
        0x0613 => "Extend Unit Read",
        0x1613 => "Extend Unit Write",
        0x1001 => "Remote Run",
        0x1002 => "Remote Stop",
        0x1003 => "Remote Pause",
        0x1005 => "Remote Latch Clear",
        0x1006 => "Remote Reset",
        0x0101 => "Read Type Name",
        0x0619 => "Self Test",
        0x1617 => "Clear Error",
        0x1630 => "Password Unlock",
        0x1631 => "Password Lock",
        0x1810 => "Read Directory/File",
        0x1811 => "Search Directory/File",
        0x1820 => "New File",
        0x1822 => "Delete File",
        0x1824 => "Copy File",
        0x1825 => "Change File State",
        0x1826 => "Change File Date",
        0x1827 => "Open File",
        0x1828 => "Read File",
        0x1829 => "Write File",
        0x182A => "Close File",
        _ => null,
    };

    /// <summary>Remote RUN/STOP/PAUSE/RESET change the CPU state; file read/write move programs and parameters.</summary>
    public static OtOperation Operation(int command) => command switch
    {
        0x0401 or 0x0403 or 0x0406 or 0x0801 or 0x0802 or 0x0601 or 0x0613 or 0x1810 or 0x1811 => OtOperation.Read,
        0x1401 or 0x1402 or 0x1406 or 0x1601 or 0x1613 or 0x1820 or 0x1822 or 0x1824 or 0x1825 or 0x1826 => OtOperation.Write,
        0x1001 => OtOperation.Start,
        0x1002 or 0x1003 => OtOperation.Stop,
        0x1006 => OtOperation.Restart,
        0x1005 or 0x1617 => OtOperation.Control,
        0x0101 => OtOperation.Identification,
        0x0619 => OtOperation.Diagnostics,
        0x1630 or 0x1631 => OtOperation.Authentication,
        0x1828 => OtOperation.ProgramUpload,
        0x1829 => OtOperation.ProgramDownload,
        _ => OtOperation.Other,
    };
}
