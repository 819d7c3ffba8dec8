using OtSensor.Core.Protocols;

namespace OtSensor.Protocols.HartIp;

/// <summary>Static names of HART-IP message types, message ids, HART commands and anomaly bits.</summary>
/// <remarks>
/// Message ids and types: HCF_SPEC-85. Command names: universal commands (HCF_SPEC-127) and common-practice
/// commands (HCF_SPEC-151) of HART 7; commands 128–253 are device specific and stay unnamed.
/// </remarks>
public static class HartIpNames
{
    private static readonly string?[] Commands = BuildCommands();
    private static readonly OtOperation[] CommandOperations = BuildCommandOperations();

    private static readonly string[] Anomalies =
    [
        "unknown_version", "unknown_message_type", "unknown_message_id", "invalid_byte_count", "length_mismatch",
        "body_too_short", "trailing_bytes", "invalid_delimiter", "hart_byte_count_mismatch", "checksum_mismatch",
        "missing_status", "direction_mismatch", "invalid_master_type",
    ];

    public static string Anomaly(int bit) => (uint)bit < (uint)Anomalies.Length ? Anomalies[bit] : "unknown";

    public static string? MessageType(byte type) => type switch
    {
        HartIpConstants.MessageTypeRequest => "Request",
        HartIpConstants.MessageTypeResponse => "Response",
        HartIpConstants.MessageTypePublish => "Publish",
        HartIpConstants.MessageTypeError => "Error",
        HartIpConstants.MessageTypeNak => "NAK",
        _ => null,
    };

    public static string? MessageId(byte id) => id switch
    {
        HartIpConstants.SessionInitiate => "Session Initiate",
        HartIpConstants.SessionClose => "Session Close",
        HartIpConstants.KeepAlive => "Keep Alive",
        HartIpConstants.TokenPassingPdu => "Token-Passing PDU",
        HartIpConstants.DirectPdu => "Direct PDU",
        HartIpConstants.ReadAuditLog => "Read Audit Log",
        HartIpConstants.Discovery => "Discovery",
        _ => null,
    };

    public static string? FrameType(int delimiter) => (delimiter & 0x07) switch
    {
        HartIpConstants.FrameTypeBurst => "BACK",
        HartIpConstants.FrameTypeStx => "STX",
        HartIpConstants.FrameTypeAck => "ACK",
        _ => null,
    };

    /// <summary>Name of a HART command; null for device-specific or unassigned numbers.</summary>
    public static string? Command(int command) => (uint)command < (uint)Commands.Length ? Commands[command] : null;

    /// <summary>What a HART command does to the device.</summary>
    public static OtOperation CommandOperation(int command)
        => (uint)command < (uint)CommandOperations.Length ? CommandOperations[command] : OtOperation.Other;

    private static string?[] BuildCommands()
    {
        var t = new string?[256];
        t[0] = "Read Unique Identifier";
        t[1] = "Read Primary Variable";
        t[2] = "Read Loop Current And Percent Of Range";
        t[3] = "Read Dynamic Variables And Loop Current";
        t[6] = "Write Polling Address";
        t[7] = "Read Loop Configuration";
        t[8] = "Read Dynamic Variable Classifications";
        t[9] = "Read Device Variables With Status";
        t[11] = "Read Unique Identifier Associated With Tag";
        t[12] = "Read Message";
        t[13] = "Read Tag, Descriptor, Date";
        t[14] = "Read Primary Variable Transducer Information";
        t[15] = "Read Device Information";
        t[16] = "Read Final Assembly Number";
        t[17] = "Write Message";
        t[18] = "Write Tag, Descriptor, Date";
        t[19] = "Write Final Assembly Number";
        t[20] = "Read Long Tag";
        t[21] = "Read Unique Identifier Associated With Long Tag";
        t[22] = "Write Long Tag";
        t[31] = "Extended Command";
        t[33] = "Read Device Variables";
        t[34] = "Write Primary Variable Damping Value";
        t[35] = "Write Primary Variable Range Values";
        t[36] = "Set Primary Variable Upper Range Value";
        t[37] = "Set Primary Variable Lower Range Value";
        t[38] = "Reset Configuration Changed Flag";
        t[39] = "EEPROM Control";
        t[40] = "Enter/Exit Fixed Current Mode";
        t[41] = "Perform Self Test";
        t[42] = "Perform Device Reset";
        t[43] = "Set Primary Variable Zero";
        t[44] = "Write Primary Variable Units";
        t[45] = "Trim Loop Current Zero";
        t[46] = "Trim Loop Current Gain";
        t[47] = "Write Primary Variable Transfer Function";
        t[48] = "Read Additional Device Status";
        t[49] = "Write Primary Variable Transducer Serial Number";
        t[50] = "Read Dynamic Variable Assignments";
        t[51] = "Write Dynamic Variable Assignments";
        t[52] = "Set Device Variable Zero";
        t[53] = "Write Device Variable Units";
        t[54] = "Read Device Variable Information";
        t[55] = "Write Device Variable Damping Value";
        t[56] = "Write Device Variable Transducer Serial Number";
        t[59] = "Write Number Of Response Preambles";
        t[71] = "Lock Device";
        t[72] = "Squawk";
        t[73] = "Find Device";
        t[74] = "Read I/O System Capabilities";
        t[75] = "Poll Sub-Device";
        t[76] = "Read Lock Device State";
        t[77] = "Send Command To Sub-Device";
        t[78] = "Read Aggregated Commands";
        t[79] = "Write Device Variable";
        t[103] = "Write Burst Period";
        t[104] = "Write Burst Trigger";
        t[105] = "Read Burst Mode Configuration";
        t[106] = "Flush Delayed Responses";
        t[107] = "Write Burst Device Variables";
        t[108] = "Write Burst Mode Command Number";
        t[109] = "Burst Mode Control";
        return t;
    }

    private static OtOperation[] BuildCommandOperations()
    {
        var t = new OtOperation[256];
        Array.Fill(t, OtOperation.Other);
        foreach (int c in (ReadOnlySpan<int>)[1, 2, 3, 7, 8, 9, 12, 13, 14, 15, 16, 20, 33, 50, 54, 74, 76, 78, 105]) t[c] = OtOperation.Read;
        foreach (int c in (ReadOnlySpan<int>)[6, 17, 18, 19, 22, 34, 35, 36, 37, 38, 39, 43, 44, 45, 46, 47, 49, 51, 52, 53, 55, 56, 59, 103, 104, 107, 108])
            t[c] = OtOperation.Write;
        foreach (int c in (ReadOnlySpan<int>)[0, 11, 21]) t[c] = OtOperation.Identification;
        foreach (int c in (ReadOnlySpan<int>)[40, 71, 79, 109]) t[c] = OtOperation.Control;
        t[41] = OtOperation.Diagnostics;
        t[48] = OtOperation.Diagnostics;
        t[42] = OtOperation.Restart;
        t[73] = OtOperation.Discovery;
        return t;
    }
}
