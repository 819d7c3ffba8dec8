namespace OtSensor.Protocols.Iec104;

/// <summary>Display names of IEC 104 codes, one static string per value (no allocation, no <c>Enum.ToString</c>).</summary>
/// <remarks>
/// Type ids are the standard mnemonics (IEC 60870-5-101 §7.2.1, 104 §8); cause and U-function names follow
/// tshark 4.0 (<c>iec60870_asdu.causetx</c>, <c>iec60870_104.utype</c>) so conformance output reads the same.
/// </remarks>
public static class Iec104Names
{
    private static readonly string?[] TypeIds = BuildTypeIds();
    private static readonly string?[] Causes = BuildCauses();

    private static readonly string[] Anomalies =
    [
        "asdu_too_short", "unexpected_data", "invalid_u_function", "reserved_bits_set", "zero_objects",
        "objects_truncated", "trailing_bytes", "unknown_type_id", "cause_not_used", "reserved_cause",
        "unexpected_direction", "send_sequence_gap", "invalid_time", "common_address_not_used", "sequence_not_allowed",
    ];

    /// <summary>Mnemonic of a type id (<c>M_SP_NA_1</c>); null when reserved or private.</summary>
    public static string? TypeId(byte typeId) => TypeIds[typeId];

    /// <summary>Name of a cause of transmission (6 bits); null when reserved.</summary>
    public static string? Cause(int cause) => (uint)cause < (uint)Causes.Length ? Causes[cause] : null;

    /// <summary>"I", "S" or "U".</summary>
    public static string Apci(Iec104ApciType type) => type switch
    {
        Iec104ApciType.I => "I",
        Iec104ApciType.S => "S",
        _ => "U",
    };

    /// <summary>Name of a U function (one bit); null for none or several bits.</summary>
    public static string? UFunction(Iec104UFunction function) => function switch
    {
        Iec104UFunction.StartDtAct => "STARTDT act",
        Iec104UFunction.StartDtCon => "STARTDT con",
        Iec104UFunction.StopDtAct => "STOPDT act",
        Iec104UFunction.StopDtCon => "STOPDT con",
        Iec104UFunction.TestFrAct => "TESTFR act",
        Iec104UFunction.TestFrCon => "TESTFR con",
        _ => null,
    };

    /// <summary>Stable name of one <see cref="Iec104Anomalies"/> bit.</summary>
    public static string Anomaly(int bit) => (uint)bit < (uint)Anomalies.Length ? Anomalies[bit] : "unknown";

    private static string?[] BuildTypeIds()
    {
        var t = new string?[256];
        t[1] = "M_SP_NA_1";
        t[2] = "M_SP_TA_1";
        t[3] = "M_DP_NA_1";
        t[4] = "M_DP_TA_1";
        t[5] = "M_ST_NA_1";
        t[6] = "M_ST_TA_1";
        t[7] = "M_BO_NA_1";
        t[8] = "M_BO_TA_1";
        t[9] = "M_ME_NA_1";
        t[10] = "M_ME_TA_1";
        t[11] = "M_ME_NB_1";
        t[12] = "M_ME_TB_1";
        t[13] = "M_ME_NC_1";
        t[14] = "M_ME_TC_1";
        t[15] = "M_IT_NA_1";
        t[16] = "M_IT_TA_1";
        t[17] = "M_EP_TA_1";
        t[18] = "M_EP_TB_1";
        t[19] = "M_EP_TC_1";
        t[20] = "M_PS_NA_1";
        t[21] = "M_ME_ND_1";
        t[30] = "M_SP_TB_1";
        t[31] = "M_DP_TB_1";
        t[32] = "M_ST_TB_1";
        t[33] = "M_BO_TB_1";
        t[34] = "M_ME_TD_1";
        t[35] = "M_ME_TE_1";
        t[36] = "M_ME_TF_1";
        t[37] = "M_IT_TB_1";
        t[38] = "M_EP_TD_1";
        t[39] = "M_EP_TE_1";
        t[40] = "M_EP_TF_1";
        t[45] = "C_SC_NA_1";
        t[46] = "C_DC_NA_1";
        t[47] = "C_RC_NA_1";
        t[48] = "C_SE_NA_1";
        t[49] = "C_SE_NB_1";
        t[50] = "C_SE_NC_1";
        t[51] = "C_BO_NA_1";
        t[58] = "C_SC_TA_1";
        t[59] = "C_DC_TA_1";
        t[60] = "C_RC_TA_1";
        t[61] = "C_SE_TA_1";
        t[62] = "C_SE_TB_1";
        t[63] = "C_SE_TC_1";
        t[64] = "C_BO_TA_1";
        t[70] = "M_EI_NA_1";
        t[100] = "C_IC_NA_1";
        t[101] = "C_CI_NA_1";
        t[102] = "C_RD_NA_1";
        t[103] = "C_CS_NA_1";
        t[104] = "C_TS_NA_1";
        t[105] = "C_RP_NA_1";
        t[106] = "C_CD_NA_1";
        t[107] = "C_TS_TA_1";
        t[110] = "P_ME_NA_1";
        t[111] = "P_ME_NB_1";
        t[112] = "P_ME_NC_1";
        t[113] = "P_AC_NA_1";
        t[120] = "F_FR_NA_1";
        t[121] = "F_SR_NA_1";
        t[122] = "F_SC_NA_1";
        t[123] = "F_LS_NA_1";
        t[124] = "F_AF_NA_1";
        t[125] = "F_SG_NA_1";
        t[126] = "F_DR_TA_1";
        t[127] = "F_SC_NB_1";
        return t;
    }

    private static string?[] BuildCauses()
    {
        // IEC 60870-5-101 §7.2.3; 14–19 and 42–43 reserved, 48–63 private.
        var t = new string?[64];
        t[1] = "Per/Cyc";
        t[2] = "Back";
        t[3] = "Spont";
        t[4] = "Init";
        t[5] = "Req";
        t[6] = "Act";
        t[7] = "ActCon";
        t[8] = "Deact";
        t[9] = "DeactCon";
        t[10] = "ActTerm";
        t[11] = "Retrem";
        t[12] = "Retloc";
        t[13] = "File";
        t[20] = "Inrogen";
        string[] groups = ["Inro1", "Inro2", "Inro3", "Inro4", "Inro5", "Inro6", "Inro7", "Inro8", "Inro9", "Inro10", "Inro11", "Inro12", "Inro13", "Inro14", "Inro15", "Inro16"];
        for (int i = 0; i < groups.Length; i++) t[21 + i] = groups[i];
        t[37] = "Reqcogen";
        t[38] = "Reqco1";
        t[39] = "Reqco2";
        t[40] = "Reqco3";
        t[41] = "Reqco4";
        t[44] = "UkTypeId";
        t[45] = "UkCauseTx";
        t[46] = "UkComAdrASDU";
        t[47] = "UkIOA";
        return t;
    }
}
