namespace OtSensor.Protocols.Iec104;

/// <summary>Information element layout per type id: one static table, so parsing never branches on a switch per object.</summary>
/// <remarks>
/// Sizes from IEC 60870-5-101 §7.3 (one subsection per type id) with the element definitions of §7.2.6;
/// the 104 profile (IEC 60870-5-104 §8 table 1) keeps the CP24 types out of use but they are decoded when seen.
/// </remarks>
public static class Iec104Layouts
{
    private static readonly Iec104TypeLayout[] Table = Build();

    public static Iec104TypeLayout Of(byte typeId) => Table[typeId];

    private static Iec104TypeLayout[] Build()
    {
        const byte Cp24 = Iec104Constants.Cp24Length, Cp56 = Iec104Constants.Cp56Length;
        var t = new Iec104TypeLayout[256];

        // Monitor direction, process information (101 §7.3.1).
        Point(t, 1, 2, 30, Iec104ValueKind.SinglePoint, 1, hasQuality: false);
        Point(t, 3, 4, 31, Iec104ValueKind.DoublePoint, 1, hasQuality: false);
        Point(t, 5, 6, 32, Iec104ValueKind.StepPosition, 2, hasQuality: true);
        Point(t, 7, 8, 33, Iec104ValueKind.Bitstring, 5, hasQuality: true);
        Point(t, 9, 10, 34, Iec104ValueKind.Normalized, 3, hasQuality: true);
        Point(t, 11, 12, 35, Iec104ValueKind.Scaled, 3, hasQuality: true);
        Point(t, 13, 14, 36, Iec104ValueKind.Float, 5, hasQuality: true);
        Point(t, 15, 16, 37, Iec104ValueKind.Counter, 5, hasQuality: false);
        t[17] = new(1 + 2 + Cp24, Cp24, Iec104ValueKind.Raw, false);      // SEP, CP16 elapsed time, CP24
        t[18] = new(2 + 2 + Cp24, Cp24, Iec104ValueKind.Raw, false);      // SPE, QDP, CP16 relay duration, CP24
        t[19] = new(2 + 2 + Cp24, Cp24, Iec104ValueKind.Raw, false);      // OCI, QDP, CP16 relay operating time, CP24
        t[20] = new(4 + 1, 0, Iec104ValueKind.Raw, false);                // SCD (status + change detection), QDS
        t[21] = new(2, 0, Iec104ValueKind.Normalized, false);             // NVA without quality
        t[38] = new(1 + 2 + Cp56, Cp56, Iec104ValueKind.Raw, false);
        t[39] = new(2 + 2 + Cp56, Cp56, Iec104ValueKind.Raw, false);
        t[40] = new(2 + 2 + Cp56, Cp56, Iec104ValueKind.Raw, false);

        // Control direction, process information (101 §7.3.2; 104 adds the CP56 variants 58–64).
        Command(t, 45, 58, Iec104ValueKind.SingleCommand, 1, hasQualifier: false);
        Command(t, 46, 59, Iec104ValueKind.DoubleCommand, 1, hasQualifier: false);
        Command(t, 47, 60, Iec104ValueKind.DoubleCommand, 1, hasQualifier: false);
        Command(t, 48, 61, Iec104ValueKind.Normalized, 3, hasQualifier: true);
        Command(t, 49, 62, Iec104ValueKind.Scaled, 3, hasQualifier: true);
        Command(t, 50, 63, Iec104ValueKind.Float, 5, hasQualifier: true);
        Command(t, 51, 64, Iec104ValueKind.Bitstring, 4, hasQualifier: false);

        // System information (101 §7.3.3, §7.3.4; 104 §8).
        t[70] = new(1, 0, Iec104ValueKind.Qualifier, false);   // COI
        t[100] = new(1, 0, Iec104ValueKind.Qualifier, false);  // QOI
        t[101] = new(1, 0, Iec104ValueKind.Qualifier, false);  // QCC
        t[102] = new(0, 0, Iec104ValueKind.None, false);       // address only
        t[103] = new(Cp56, Cp56, Iec104ValueKind.None, false); // the time is the element
        t[104] = new(2, 0, Iec104ValueKind.Raw, false);        // FBP test pattern 0x55AA
        t[105] = new(1, 0, Iec104ValueKind.Qualifier, false);  // QRP
        t[106] = new(2, 0, Iec104ValueKind.Raw, false);        // CP16 delay
        t[107] = new(2 + Cp56, Cp56, Iec104ValueKind.Raw, false); // TSC test sequence counter, CP56

        // Parameters (101 §7.3.5).
        t[110] = new(3, 0, Iec104ValueKind.Normalized, true);  // NVA, QPM
        t[111] = new(3, 0, Iec104ValueKind.Scaled, true);      // SVA, QPM
        t[112] = new(5, 0, Iec104ValueKind.Float, true);       // float, QPM
        t[113] = new(1, 0, Iec104ValueKind.Qualifier, false);  // QPA

        // File transfer (101 §7.3.6; 104 §8 adds F_SC_NB_1).
        t[120] = new(2 + 3 + 1, 0, Iec104ValueKind.Raw, false);         // NOF, LOF, FRQ
        t[121] = new(2 + 1 + 3 + 1, 0, Iec104ValueKind.Raw, false);     // NOF, NOS, LOF, SRQ
        t[122] = new(2 + 1 + 1, 0, Iec104ValueKind.Raw, false);         // NOF, NOS, SCQ
        t[123] = new(2 + 1 + 1 + 1, 0, Iec104ValueKind.Raw, false);     // NOF, NOS, LSQ, CHS
        t[124] = new(2 + 1 + 1, 0, Iec104ValueKind.Raw, false);         // NOF, NOS, AFQ
        t[125] = new(2 + 1 + 1, 0, Iec104ValueKind.Raw, false, Variable: true); // NOF, NOS, LOS, then LOS octets
        t[126] = new(2 + 3 + 1 + Cp56, Cp56, Iec104ValueKind.Raw, false); // NOF, LOF, SOF, CP56 creation time
        t[127] = new(2 + Cp56 + Cp56, 0, Iec104ValueKind.Raw, false);   // NOF, range start and stop (CP56 each)
        return t;
    }

    private static void Point(Iec104TypeLayout[] t, int plain, int cp24, int cp56, Iec104ValueKind kind, int length, bool hasQuality)
    {
        t[plain] = new((byte)length, 0, kind, hasQuality);
        t[cp24] = new((byte)(length + Iec104Constants.Cp24Length), Iec104Constants.Cp24Length, kind, hasQuality);
        t[cp56] = new((byte)(length + Iec104Constants.Cp56Length), Iec104Constants.Cp56Length, kind, hasQuality);
    }

    private static void Command(Iec104TypeLayout[] t, int plain, int cp56, Iec104ValueKind kind, int length, bool hasQualifier)
    {
        t[plain] = new((byte)length, 0, kind, hasQualifier);
        t[cp56] = new((byte)(length + Iec104Constants.Cp56Length), Iec104Constants.Cp56Length, kind, hasQualifier);
    }
}
