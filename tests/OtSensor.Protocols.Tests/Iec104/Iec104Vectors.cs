namespace OtSensor.Protocols.Tests.Iec104;

/// <summary>Annotated IEC 60870-5-104 APDUs (104 §5 APCI, 101 §7 ASDU with the 104 field sizes).</summary>
internal static class Iec104Vectors
{
    public static readonly byte[] StartDtAct = [0x68, 0x04, 0x07, 0x00, 0x00, 0x00];   // start, length 4, U: STARTDT act (0x04 | 0x03)
    public static readonly byte[] StartDtCon = [0x68, 0x04, 0x0B, 0x00, 0x00, 0x00];   // U: STARTDT con
    public static readonly byte[] StopDtAct = [0x68, 0x04, 0x13, 0x00, 0x00, 0x00];    // U: STOPDT act
    public static readonly byte[] StopDtCon = [0x68, 0x04, 0x23, 0x00, 0x00, 0x00];    // U: STOPDT con
    public static readonly byte[] TestFrAct = [0x68, 0x04, 0x43, 0x00, 0x00, 0x00];    // U: TESTFR act
    public static readonly byte[] TestFrCon = [0x68, 0x04, 0x83, 0x00, 0x00, 0x00];    // U: TESTFR con

    public static readonly byte[] SFrame =
    [
        0x68, 0x04,             // start, length 4
        0x01, 0x00,             // S format, reserved 0
        0x0A, 0x00,             // N(R) = 5 (0x000A >> 1)
    ];

    public static readonly byte[] Interrogation =
    [
        0x68, 0x0E,             // start, length 14
        0x00, 0x00, 0x00, 0x00, // I: N(S) = 0, N(R) = 0
        0x64,                   // type 100 C_IC_NA_1
        0x01,                   // SQ = 0, 1 object
        0x06,                   // cause 6 Act, P/N 0, T 0
        0x00,                   // originator 0
        0x0D, 0x91,             // common address 37133 (0x910D)
        0x00, 0x00, 0x00,       // IOA 0
        0x14,                   // QOI 20: station interrogation
    ];

    public static readonly byte[] InterrogationCon =
    [
        0x68, 0x0E, 0x00, 0x00, 0x02, 0x00, // I: N(S) = 0, N(R) = 1
        0x64, 0x01,             // C_IC_NA_1, 1 object
        0x47,                   // cause 7 ActCon with P/N = 1 (negative)
        0x00, 0x0D, 0x91,       // originator 0, common address 37133
        0x00, 0x00, 0x00, 0x14, // IOA 0, QOI 20
    ];

    public static readonly byte[] SinglePointSequence =
    [
        0x68, 0x10, 0x02, 0x00, 0x02, 0x00, // I: length 16, N(S) = 1, N(R) = 1
        0x01,                   // type 1 M_SP_NA_1
        0x83,                   // SQ = 1, 3 objects
        0x14, 0x00,             // cause 20 Inrogen, originator 0
        0x0A, 0x00,             // common address 10
        0xE8, 0x03, 0x00,       // first IOA 1000
        0x01,                   // SIQ: on, good
        0x00,                   // SIQ: off, good
        0x81,                   // SIQ: on, IV (invalid)
    ];

    public static readonly byte[] DoublePoint =
    [
        0x68, 0x0E, 0x04, 0x00, 0x02, 0x00, // I: N(S) = 2
        0x03, 0x01,             // type 3 M_DP_NA_1, 1 object
        0x03, 0x00, 0x0A, 0x00, // cause 3 Spont, originator 0, common address 10
        0x02, 0x00, 0x00,       // IOA 2
        0x22,                   // DIQ: DPI 2 (on), SB substituted
    ];

    public static readonly byte[] StepPosition =
    [
        0x68, 0x0F, 0x06, 0x00, 0x02, 0x00, // I: N(S) = 3
        0x05, 0x01, 0x03, 0x00, 0x0A, 0x00, // type 5 M_ST_NA_1, 1 object, Spont, common address 10
        0x05, 0x00, 0x00,       // IOA 5
        0xFE,                   // VTI: transient 1, value -2 (0x7E sign-extended)
        0x00,                   // QDS good
    ];

    public static readonly byte[] Bitstring =
    [
        0x68, 0x12, 0x08, 0x00, 0x02, 0x00, // I: N(S) = 4
        0x07, 0x01, 0x03, 0x00, 0x0A, 0x00, // type 7 M_BO_NA_1, 1 object, Spont, common address 10
        0x07, 0x00, 0x00,       // IOA 7
        0x78, 0x56, 0x34, 0x12, // BSI 0x12345678
        0x01,                   // QDS: OV overflow
    ];

    public static readonly byte[] Normalized =
    [
        0x68, 0x10, 0x0A, 0x00, 0x02, 0x00, // I: N(S) = 5
        0x09, 0x01, 0x03, 0x00, 0x0A, 0x00, // type 9 M_ME_NA_1, 1 object, Spont, common address 10
        0x09, 0x00, 0x00,       // IOA 9
        0x00, 0x40,             // NVA 0x4000 = 0.5
        0x00,                   // QDS good
    ];

    public static readonly byte[] Scaled =
    [
        0x68, 0x10, 0x0C, 0x00, 0x02, 0x00, // I: N(S) = 6
        0x0B, 0x01, 0x03, 0x00, 0x0A, 0x00, // type 11 M_ME_NB_1, 1 object, Spont, common address 10
        0x0B, 0x00, 0x00,       // IOA 11
        0x18, 0xFC,             // SVA -1000
        0x40,                   // QDS: NT not topical
    ];

    public static readonly byte[] ShortFloatWithTime =
    [
        0x68, 0x19, 0x0E, 0x00, 0x02, 0x00, // I: N(S) = 7, length 25
        0x24, 0x01, 0x03, 0x00, 0x0A, 0x00, // type 36 M_ME_TF_1, 1 object, Spont, common address 10
        0x24, 0x00, 0x00,       // IOA 36
        0x00, 0x00, 0x48, 0x41, // float 12.5
        0x00,                   // QDS good
        0x98, 0x3A,             // CP56: 15000 ms
        0x1E,                   // minute 30, IV 0
        0x0C,                   // hour 12, SU 0
        0x2F,                   // day 15, day of week 1
        0x06,                   // month 6
        0x18,                   // year 24
    ];

    public static readonly byte[] SinglePointWithTime =
    [
        0x68, 0x15, 0x10, 0x00, 0x02, 0x00, // I: N(S) = 8, length 21
        0x1E, 0x01, 0x03, 0x00, 0x0A, 0x00, // type 30 M_SP_TB_1, 1 object, Spont, common address 10
        0x1E, 0x00, 0x00,       // IOA 30
        0x01,                   // SIQ on
        0x00, 0x00, 0x00, 0x00, 0x01, 0x01, 0x00, // CP56 2000-01-01T00:00:00.000
    ];

    public static readonly byte[] Counter =
    [
        0x68, 0x12, 0x12, 0x00, 0x02, 0x00, // I: N(S) = 9
        0x0F, 0x01, 0x25, 0x00, 0x0A, 0x00, // type 15 M_IT_NA_1, 1 object, cause 37 Reqcogen, common address 10
        0x0F, 0x00, 0x00,       // IOA 15
        0x10, 0x27, 0x00, 0x00, // BCR 10000
        0x03,                   // sequence 3, no carry, valid
    ];

    public static readonly byte[] SingleCommandSelect =
    [
        0x68, 0x0E, 0x02, 0x00, 0x00, 0x00, // I: N(S) = 1
        0x2D, 0x01, 0x06, 0x00, 0x0A, 0x00, // type 45 C_SC_NA_1, 1 object, Act, common address 10
        0x2D, 0x00, 0x00,       // IOA 45
        0x81,                   // SCO: S/E select, QU 0, SCS on
    ];

    public static readonly byte[] DoubleCommand =
    [
        0x68, 0x0E, 0x04, 0x00, 0x00, 0x00, // I: N(S) = 2
        0x2E, 0x01, 0x06, 0x00, 0x0A, 0x00, // type 46 C_DC_NA_1, 1 object, Act, common address 10
        0x2E, 0x00, 0x00,       // IOA 46
        0x01,                   // DCO: execute, DCS 1 (off)
    ];

    public static readonly byte[] SetPointFloat =
    [
        0x68, 0x12, 0x06, 0x00, 0x00, 0x00, // I: N(S) = 3
        0x32, 0x01, 0x06, 0x00, 0x0A, 0x00, // type 50 C_SE_NC_1, 1 object, Act, common address 10
        0x32, 0x00, 0x00,       // IOA 50
        0x00, 0x00, 0x80, 0xBF, // float -1.0
        0x00,                   // QOS: execute
    ];

    public static readonly byte[] ClockSync =
    [
        0x68, 0x14, 0x08, 0x00, 0x00, 0x00, // I: N(S) = 4, length 20
        0x67, 0x01, 0x06, 0x00, 0x0A, 0x00, // type 103 C_CS_NA_1, 1 object, Act, common address 10
        0x00, 0x00, 0x00,       // IOA 0
        0xE8, 0x03, 0x05, 0x11, 0x23, 0x0C, 0x19, // CP56 2025-12-03T17:05:01.000
    ];

    public static readonly byte[] ResetProcess =
    [
        0x68, 0x0E, 0x0A, 0x00, 0x00, 0x00, // I: N(S) = 5
        0x69, 0x01, 0x06, 0x00, 0x0A, 0x00, // type 105 C_RP_NA_1, 1 object, Act, common address 10
        0x00, 0x00, 0x00, 0x01, // IOA 0, QRP 1: general reset
    ];

    public static readonly byte[] ReadCommand =
    [
        0x68, 0x0D, 0x0C, 0x00, 0x00, 0x00, // I: N(S) = 6
        0x66, 0x01, 0x05, 0x00, 0x0A, 0x00, // type 102 C_RD_NA_1, 1 object, Req, common address 10
        0x64, 0x00, 0x00,       // IOA 100, no element
    ];

    public static readonly byte[] EndOfInit =
    [
        0x68, 0x0E, 0x00, 0x00, 0x00, 0x00, // I: N(S) = 0
        0x46, 0x01, 0x04, 0x00, 0x0A, 0x00, // type 70 M_EI_NA_1, 1 object, Init, common address 10
        0x00, 0x00, 0x00, 0x00, // IOA 0, COI 0: local power switch on
    ];

    public static readonly byte[] FileSegment =
    [
        0x68, 0x14, 0x00, 0x00, 0x00, 0x00, // I: N(S) = 0, length 20
        0x7D, 0x01, 0x0D, 0x00, 0x0A, 0x00, // type 125 F_SG_NA_1, 1 object, cause 13 File, common address 10
        0x01, 0x00, 0x00,       // IOA 1
        0x02, 0x00,             // NOF file 2
        0x01,                   // NOS section 1
        0x03,                   // LOS 3 segment octets
        0xAA, 0xBB, 0xCC,       // segment
    ];

    public static readonly byte[] TwoObjectsNoSequence =
    [
        0x68, 0x1A, 0x14, 0x00, 0x02, 0x00, // I: N(S) = 10, length 26
        0x0D, 0x02, 0x03, 0x00, 0x0A, 0x00, // type 13 M_ME_NC_1, SQ = 0, 2 objects, Spont, common address 10
        0x01, 0x00, 0x00, 0x00, 0x00, 0x80, 0x3F, 0x00, // IOA 1, 1.0, QDS good
        0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x40, 0x80, // IOA 2, 2.0, QDS IV
    ];

    // ---- malformed twins ----

    /// <summary>The single-point sequence with the number raised to 5: the ASDU ends after 3 objects.</summary>
    public static readonly byte[] TruncatedObjects =
    [
        0x68, 0x10, 0x02, 0x00, 0x02, 0x00, 0x01,
        0x85,                   // SQ = 1, 5 objects declared, only 3 present
        0x14, 0x00, 0x0A, 0x00, 0xE8, 0x03, 0x00, 0x01, 0x00, 0x81,
    ];

    /// <summary>An interrogation whose length byte (16) counts two octets more than its one object uses.</summary>
    public static readonly byte[] InterrogationTrailing =
    [
        0x68, 0x10, 0x00, 0x00, 0x00, 0x00, 0x64, 0x01, 0x06, 0x00, 0x0D, 0x91, 0x00, 0x00, 0x00, 0x14,
        0xDE, 0xAD,             // two octets no object accounts for
    ];

    /// <summary>An I frame with only type id and VSQ: the ASDU header is cut short.</summary>
    public static readonly byte[] AsduTooShort = [0x68, 0x06, 0x00, 0x00, 0x00, 0x00, 0x64, 0x01];

    /// <summary>A U frame with STARTDT act and STOPDT act both set (tshark utype 5).</summary>
    public static readonly byte[] UTwoFunctions = [0x68, 0x04, 0x17, 0x00, 0x00, 0x00];

    /// <summary>An S frame whose length byte claims 6: two data octets an S frame cannot have.</summary>
    public static readonly byte[] SFrameWithData = [0x68, 0x06, 0x01, 0x00, 0x0A, 0x00, 0x19, 0x19];

    /// <summary>A reserved type id (24) with one 3-octet "object": the body is kept raw.</summary>
    public static readonly byte[] ReservedType =
    [
        0x68, 0x0D, 0x00, 0x00, 0x00, 0x00, 0x18, 0x01, 0x03, 0x00, 0x0A, 0x00, 0x01, 0x02, 0x03,
    ];

    /// <summary>An interrogation with cause 0 and common address 0.</summary>
    public static readonly byte[] CauseAndAddressZero =
    [
        0x68, 0x0E, 0x00, 0x00, 0x00, 0x00, 0x64, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x14,
    ];

    /// <summary>A short float with time whose CP56 says month 13, hour 25.</summary>
    public static readonly byte[] BadTime =
    [
        0x68, 0x19, 0x0E, 0x00, 0x02, 0x00, 0x24, 0x01, 0x03, 0x00, 0x0A, 0x00, 0x24, 0x00, 0x00,
        0x00, 0x00, 0x48, 0x41, 0x00,
        0x98, 0x3A, 0x1E, 0x19, 0x2F, 0x0D, 0x18, // hour 25, month 13
    ];

    /// <summary>Length byte 254 (above 253): impossible.</summary>
    public static readonly byte[] LengthTooLarge = [0x68, 0xFE, 0x00, 0x00, 0x00, 0x00];

    /// <summary>Length byte 3 (below the 4 control octets): impossible.</summary>
    public static readonly byte[] LengthTooSmall = [0x68, 0x03, 0x07, 0x00, 0x00];

    public static readonly string[] WellFormedNames =
    [
        nameof(StartDtAct), nameof(StartDtCon), nameof(StopDtAct), nameof(StopDtCon), nameof(TestFrAct), nameof(TestFrCon), nameof(SFrame),
        nameof(Interrogation), nameof(SinglePointSequence), nameof(DoublePoint), nameof(StepPosition), nameof(Bitstring), nameof(Normalized),
        nameof(Scaled), nameof(ShortFloatWithTime), nameof(SinglePointWithTime), nameof(Counter), nameof(SingleCommandSelect), nameof(DoubleCommand),
        nameof(SetPointFloat), nameof(ClockSync), nameof(ResetProcess), nameof(ReadCommand), nameof(EndOfInit), nameof(FileSegment),
        nameof(TwoObjectsNoSequence),
    ];

    public static byte[] Get(string name) => (byte[])typeof(Iec104Vectors).GetField(name, System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Public)!.GetValue(null)!;

    public static TheoryData<string> WellFormed()
    {
        var data = new TheoryData<string>();
        foreach (var name in WellFormedNames) data.Add(name);
        return data;
    }
}
