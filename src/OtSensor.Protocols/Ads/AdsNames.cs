using OtSensor.Core.Protocols;

namespace OtSensor.Protocols.Ads;

/// <summary>Static names of ADS commands (tshark 4.0 wording), ADS states, discovery services and anomaly bits.</summary>
public static class AdsNames
{
    private static readonly string?[] Commands =
    [
        "ADS Invalid", "ADS Read Device Info", "ADS Read", "ADS Write", "ADS Read State", "ADS Write Control",
        "ADS Add Device Notification", "ADS Delete Device Notification", "ADS Device Notification", "ADS Read Write",
    ];

    private static readonly string[] States =
    [
        "Invalid", "Idle", "Reset", "Init", "Start", "Run", "Stop", "SaveCfg", "LoadCfg", "PowerFailure", "PowerGood",
        "Error", "Shutdown", "Suspend", "Resume", "Config", "Reconfig",
    ];

    private static readonly string[] Anomalies =
    [
        "reserved_not_zero", "length_mismatch", "unknown_command", "not_ads_command", "data_too_short",
        "inner_length_mismatch", "unknown_ads_state", "malformed_tags",
    ];

    public static string Anomaly(int bit) => (uint)bit < (uint)Anomalies.Length ? Anomalies[bit] : "unknown";

    public static string? Command(ushort command) => command < Commands.Length ? Commands[command] : null;

    public static string? AdsState(ushort state) => state < States.Length ? States[state] : null;

    /// <summary>Discovery/route services (bit 31 clear): 1 search, 6 add route.</summary>
    public static string? DiscoveryService(uint service) => (service & ~AdsConstants.DiscoveryResponseBit) switch
    {
        1 => "Discovery",
        6 => "Add Route",
        _ => null,
    };

    /// <summary>
    /// Write Control changes the runtime's state: Run/Start start it, Stop/Shutdown stop it, Reset/Config/Reconfig
    /// restart it (TwinCAT restarts into run or config mode). Read Write on the symbol index groups 0xF000–0xF0FF
    /// (handle by name, symbol info) only looks names up, so it is a read.
    /// </summary>
    public static OtOperation Operation(ushort command, bool hasState, ushort adsState, bool hasIndex, uint indexGroup) => command switch
    {
        AdsConstants.ReadDeviceInfo => OtOperation.Identification,
        AdsConstants.Read or AdsConstants.AddNotification or AdsConstants.DeleteNotification or AdsConstants.Notification => OtOperation.Read,
        AdsConstants.Write => OtOperation.Write,
        AdsConstants.ReadState => OtOperation.Diagnostics,
        AdsConstants.ReadWrite => hasIndex && indexGroup is >= 0xF000 and <= 0xF0FF ? OtOperation.Read : OtOperation.Write,
        AdsConstants.WriteControl when hasState => adsState switch
        {
            4 or 5 => OtOperation.Start,
            6 or 12 => OtOperation.Stop,
            2 or 15 or 16 => OtOperation.Restart,
            _ => OtOperation.Control,
        },
        AdsConstants.WriteControl => OtOperation.Control,
        _ => OtOperation.Other,
    };
}
