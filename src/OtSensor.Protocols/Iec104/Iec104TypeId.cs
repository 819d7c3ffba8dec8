namespace OtSensor.Protocols.Iec104;

/// <summary>ASDU type identification (IEC 60870-5-101 §7.2.1 table 8, IEC 60870-5-104 §8 table 1).</summary>
/// <remarks>
/// Member names are the standard mnemonics without underscores (<c>M_SP_NA_1</c> → <c>MSpNa1</c>); the mnemonics
/// themselves are in <see cref="Iec104Names.TypeId"/>. Other values are reserved (1–127 standard, 128–255 private).
/// </remarks>
public enum Iec104TypeId : byte
{
    /// <summary>M_SP_NA_1: Single-point information.</summary>
    MSpNa1 = 1,

    /// <summary>M_SP_TA_1: Single-point information with time tag (CP24).</summary>
    MSpTa1 = 2,

    /// <summary>M_DP_NA_1: Double-point information.</summary>
    MDpNa1 = 3,

    /// <summary>M_DP_TA_1: Double-point information with time tag (CP24).</summary>
    MDpTa1 = 4,

    /// <summary>M_ST_NA_1: Step position information.</summary>
    MStNa1 = 5,

    /// <summary>M_ST_TA_1: Step position information with time tag (CP24).</summary>
    MStTa1 = 6,

    /// <summary>M_BO_NA_1: Bitstring of 32 bit.</summary>
    MBoNa1 = 7,

    /// <summary>M_BO_TA_1: Bitstring of 32 bit with time tag (CP24).</summary>
    MBoTa1 = 8,

    /// <summary>M_ME_NA_1: Measured value, normalized value.</summary>
    MMeNa1 = 9,

    /// <summary>M_ME_TA_1: Measured value, normalized value with time tag (CP24).</summary>
    MMeTa1 = 10,

    /// <summary>M_ME_NB_1: Measured value, scaled value.</summary>
    MMeNb1 = 11,

    /// <summary>M_ME_TB_1: Measured value, scaled value with time tag (CP24).</summary>
    MMeTb1 = 12,

    /// <summary>M_ME_NC_1: Measured value, short floating point value.</summary>
    MMeNc1 = 13,

    /// <summary>M_ME_TC_1: Measured value, short floating point value with time tag (CP24).</summary>
    MMeTc1 = 14,

    /// <summary>M_IT_NA_1: Integrated totals.</summary>
    MItNa1 = 15,

    /// <summary>M_IT_TA_1: Integrated totals with time tag (CP24).</summary>
    MItTa1 = 16,

    /// <summary>M_EP_TA_1: Event of protection equipment with time tag (CP24).</summary>
    MEpTa1 = 17,

    /// <summary>M_EP_TB_1: Packed start events of protection equipment with time tag (CP24).</summary>
    MEpTb1 = 18,

    /// <summary>M_EP_TC_1: Packed output circuit information of protection equipment with time tag (CP24).</summary>
    MEpTc1 = 19,

    /// <summary>M_PS_NA_1: Packed single-point information with status change detection.</summary>
    MPsNa1 = 20,

    /// <summary>M_ME_ND_1: Measured value, normalized value without quality descriptor.</summary>
    MMeNd1 = 21,

    /// <summary>M_SP_TB_1: Single-point information with time tag CP56Time2a.</summary>
    MSpTb1 = 30,

    /// <summary>M_DP_TB_1: Double-point information with time tag CP56Time2a.</summary>
    MDpTb1 = 31,

    /// <summary>M_ST_TB_1: Step position information with time tag CP56Time2a.</summary>
    MStTb1 = 32,

    /// <summary>M_BO_TB_1: Bitstring of 32 bit with time tag CP56Time2a.</summary>
    MBoTb1 = 33,

    /// <summary>M_ME_TD_1: Measured value, normalized value with time tag CP56Time2a.</summary>
    MMeTd1 = 34,

    /// <summary>M_ME_TE_1: Measured value, scaled value with time tag CP56Time2a.</summary>
    MMeTe1 = 35,

    /// <summary>M_ME_TF_1: Measured value, short floating point value with time tag CP56Time2a.</summary>
    MMeTf1 = 36,

    /// <summary>M_IT_TB_1: Integrated totals with time tag CP56Time2a.</summary>
    MItTb1 = 37,

    /// <summary>M_EP_TD_1: Event of protection equipment with time tag CP56Time2a.</summary>
    MEpTd1 = 38,

    /// <summary>M_EP_TE_1: Packed start events of protection equipment with time tag CP56Time2a.</summary>
    MEpTe1 = 39,

    /// <summary>M_EP_TF_1: Packed output circuit information of protection equipment with time tag CP56Time2a.</summary>
    MEpTf1 = 40,

    /// <summary>C_SC_NA_1: Single command.</summary>
    CScNa1 = 45,

    /// <summary>C_DC_NA_1: Double command.</summary>
    CDcNa1 = 46,

    /// <summary>C_RC_NA_1: Regulating step command.</summary>
    CRcNa1 = 47,

    /// <summary>C_SE_NA_1: Set-point command, normalized value.</summary>
    CSeNa1 = 48,

    /// <summary>C_SE_NB_1: Set-point command, scaled value.</summary>
    CSeNb1 = 49,

    /// <summary>C_SE_NC_1: Set-point command, short floating point value.</summary>
    CSeNc1 = 50,

    /// <summary>C_BO_NA_1: Bitstring of 32 bit command.</summary>
    CBoNa1 = 51,

    /// <summary>C_SC_TA_1: Single command with time tag CP56Time2a.</summary>
    CScTa1 = 58,

    /// <summary>C_DC_TA_1: Double command with time tag CP56Time2a.</summary>
    CDcTa1 = 59,

    /// <summary>C_RC_TA_1: Regulating step command with time tag CP56Time2a.</summary>
    CRcTa1 = 60,

    /// <summary>C_SE_TA_1: Set-point command, normalized value with time tag CP56Time2a.</summary>
    CSeTa1 = 61,

    /// <summary>C_SE_TB_1: Set-point command, scaled value with time tag CP56Time2a.</summary>
    CSeTb1 = 62,

    /// <summary>C_SE_TC_1: Set-point command, short floating point value with time tag CP56Time2a.</summary>
    CSeTc1 = 63,

    /// <summary>C_BO_TA_1: Bitstring of 32 bit command with time tag CP56Time2a.</summary>
    CBoTa1 = 64,

    /// <summary>M_EI_NA_1: End of initialization.</summary>
    MEiNa1 = 70,

    /// <summary>C_IC_NA_1: Interrogation command.</summary>
    CIcNa1 = 100,

    /// <summary>C_CI_NA_1: Counter interrogation command.</summary>
    CCiNa1 = 101,

    /// <summary>C_RD_NA_1: Read command.</summary>
    CRdNa1 = 102,

    /// <summary>C_CS_NA_1: Clock synchronization command.</summary>
    CCsNa1 = 103,

    /// <summary>C_TS_NA_1: Test command.</summary>
    CTsNa1 = 104,

    /// <summary>C_RP_NA_1: Reset process command.</summary>
    CRpNa1 = 105,

    /// <summary>C_CD_NA_1: Delay acquisition command.</summary>
    CCdNa1 = 106,

    /// <summary>C_TS_TA_1: Test command with time tag CP56Time2a.</summary>
    CTsTa1 = 107,

    /// <summary>P_ME_NA_1: Parameter of measured value, normalized value.</summary>
    PMeNa1 = 110,

    /// <summary>P_ME_NB_1: Parameter of measured value, scaled value.</summary>
    PMeNb1 = 111,

    /// <summary>P_ME_NC_1: Parameter of measured value, short floating point value.</summary>
    PMeNc1 = 112,

    /// <summary>P_AC_NA_1: Parameter activation.</summary>
    PAcNa1 = 113,

    /// <summary>F_FR_NA_1: File ready.</summary>
    FFrNa1 = 120,

    /// <summary>F_SR_NA_1: Section ready.</summary>
    FSrNa1 = 121,

    /// <summary>F_SC_NA_1: Call directory, select file, call file, call section.</summary>
    FScNa1 = 122,

    /// <summary>F_LS_NA_1: Last section, last segment.</summary>
    FLsNa1 = 123,

    /// <summary>F_AF_NA_1: Ack file, ack section.</summary>
    FAfNa1 = 124,

    /// <summary>F_SG_NA_1: Segment.</summary>
    FSgNa1 = 125,

    /// <summary>F_DR_TA_1: Directory.</summary>
    FDrTa1 = 126,

    /// <summary>F_SC_NB_1: Query log, request archive file.</summary>
    FScNb1 = 127,
}
