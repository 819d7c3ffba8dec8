using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;

namespace OtSensor.Protocols.Iec104;

/// <summary>Maps a type id (and, for file transfer, who sends it) to the protocol-neutral <see cref="OtOperation"/>.</summary>
/// <remarks>
/// Monitor types (1–44, 70) report process data: <see cref="OtOperation.Read"/> responses. Commands and set-points
/// (45–64) are <see cref="OtOperation.Control"/>. Interrogation, counter interrogation and read (100–102) are reads;
/// clock synchronisation and delay acquisition (103, 106) time sync; test commands (104, 107) diagnostics;
/// reset process (105) restart; parameters (110–113) writes. File transfer (101 §7.3.6, 104 §8) moves a file
/// from the station that sends F_FR/F_SR/F_SG/F_LS to the one that sends F_SC/F_AF: when the file leaves the
/// controlled station (server) it is an upload, when it leaves the controlling station a download.
/// </remarks>
public static class Iec104Operations
{
    public static OtOperation Of(byte typeId, Direction direction)
    {
        bool fromServer = direction == Direction.ToClient;
        return typeId switch
        {
            (>= 1 and <= 44) or 70 => OtOperation.Read,
            >= 45 and <= 69 => OtOperation.Control,
            100 or 101 or 102 => OtOperation.Read,
            103 or 106 => OtOperation.TimeSync,
            104 or 107 => OtOperation.Diagnostics,
            105 => OtOperation.Restart,
            >= 110 and <= 113 => OtOperation.Write,
            120 or 121 or 123 or 125 => fromServer ? OtOperation.ProgramUpload : OtOperation.ProgramDownload, // sent by the file's holder
            122 or 124 => fromServer ? OtOperation.ProgramDownload : OtOperation.ProgramUpload,               // sent by the file's receiver
            126 => OtOperation.Read,                 // directory listing
            127 => OtOperation.ProgramUpload,        // query log: the controlling station asks for an archive file
            _ => OtOperation.Other,
        };
    }

    /// <summary>Operation of an S- or U-format APDU: TESTFR is a link test, STARTDT/STOPDT switch data transfer on or off.</summary>
    public static OtOperation OfControl(Iec104ApciType type, Iec104UFunction function)
    {
        if (type != Iec104ApciType.U) return OtOperation.None;
        return function is Iec104UFunction.TestFrAct or Iec104UFunction.TestFrCon ? OtOperation.Diagnostics : OtOperation.Other;
    }

    /// <summary>True for monitor-direction types (process information and end of initialization).</summary>
    public static bool IsMonitor(byte typeId) => typeId is (>= 1 and <= 44) or 70;

    /// <summary>True for control-direction process and system commands.</summary>
    public static bool IsCommand(byte typeId) => typeId is (>= 45 and <= 69) or (>= 100 and <= 107);
}
