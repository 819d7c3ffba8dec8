namespace OtSensor.Protocols.EtherCat;

/// <summary>Display names of EtherCAT codes, one static string per value (no allocation, no <c>Enum.ToString</c>).</summary>
/// <remarks>Command names are the short forms of ETG.1000.4 §5.4 Table 9, as tshark 4.0 shows them (<c>ecat.cmd</c>).</remarks>
public static class EtherCatNames
{
    private static readonly string[] Commands =
    [
        "NOP", "APRD", "APWR", "APRW", "FPRD", "FPWR", "FPRW", "BRD", "BWR", "BRW", "LRD", "LWR", "LRW", "ARMW", "FRMW",
    ];

    private static readonly string?[] MailboxTypes =
    [
        "ERR", "AoE", "EoE", "CoE", "FoE", "SoE", null, null, null, null, null, null, null, null, null, "VoE",
    ];

    private static readonly string?[] CoeServices =
    [
        null, "Emergency", "SDO Request", "SDO Response", "TxPDO", "RxPDO", "TxPDO Remote Request",
        "RxPDO Remote Request", "SDO Information",
    ];

    // CiA 301 §7.2.4.3 command specifiers as CoE uses them (ETG.1000.6 §5.6.2.2–5.6.2.7); 5–7 (block) are not in CoE.
    private static readonly string?[] SdoRequests =
    [
        "Download Segment", "Initiate Download", "Initiate Upload", "Upload Segment", "Abort Transfer", null, null, null,
    ];

    private static readonly string?[] SdoResponses =
    [
        "Upload Segment", "Download Segment", "Initiate Upload", "Initiate Download", "Abort Transfer", null, null, null,
    ];

    private static readonly string?[] FoeOpcodes = [null, "Read Request", "Write Request", "Data", "Ack", "Error", "Busy"];

    private static readonly string?[] AlStates =
    [
        null, "INIT", "PREOP", "BOOT", "SAFEOP", null, null, null, "OP", null, null, null, null, null, null, null,
    ];

    private static readonly string?[] FrameTypes =
    [
        null, "EtherCAT DLPDU", null, null, "Network Variables", "Mailbox Gateway", null, null,
        null, null, null, null, null, null, null, null,
    ];

    private static readonly string[] Anomalies =
    [
        "reserved_frame_bit", "frame_length_exceeds_payload", "frame_length_mismatch", "unknown_frame_type",
        "truncated_datagram_header", "datagram_exceeds_frame", "more_without_datagram", "reserved_length_bits",
        "unknown_command", "invalid_al_state", "mailbox_truncated", "unknown_coe_service", "unknown_foe_opcode",
    ];

    /// <summary>Short name of a datagram command; null above 14.</summary>
    public static string? Command(byte command) => command < Commands.Length ? Commands[command] : null;

    /// <summary>Name of a mailbox type; null for the reserved types 6–14.</summary>
    public static string? MailboxType(byte type) => MailboxTypes[type & EtherCatConstants.MailboxTypeMask];

    /// <summary>Name of a CoE service; null for 0 and 9–15.</summary>
    public static string? CoeService(byte service) => service < CoeServices.Length ? CoeServices[service] : null;

    /// <summary>Name of an SDO command specifier (bits 5–7 of the SDO command byte), request or response.</summary>
    public static string? SdoCommand(byte specifier, bool response) => (response ? SdoResponses : SdoRequests)[specifier & 0x07];

    /// <summary>Name of an FoE opcode; null outside 1–6.</summary>
    public static string? FoeOpcode(byte opcode) => opcode < FoeOpcodes.Length ? FoeOpcodes[opcode] : null;

    /// <summary>Name of an AL state (low 4 bits of AL control or AL status); null for undefined values.</summary>
    public static string? AlState(byte state) => AlStates[state & EtherCatConstants.AlStateMask];

    /// <summary>Name of an EtherCAT frame type (high 4 bits of the frame header); null when reserved.</summary>
    public static string? FrameType(byte type) => FrameTypes[type & 0x0F];

    /// <summary>Stable name of one <see cref="EtherCatAnomalies"/> bit.</summary>
    public static string Anomaly(int bit) => (uint)bit < (uint)Anomalies.Length ? Anomalies[bit] : "unknown";
}
