namespace OtSensor.Protocols.Tests.C37118;

/// <summary>
/// Annotated synchrophasor frames from the public captures (icsnpp C37.118_1PMU_TCP, c37_1100_clean_tcp); CHK values
/// are the captured ones (tshark: "[correct]"). Malformed twins change one field.
/// </summary>
public static class C37118Vectors
{
    /// <summary>Command "send CFG-2" (5) from the PDC to PMU 241.</summary>
    public static byte[] SendCfg2Command =>
    [
        0xAA, 0x41, // SYNC: frame type 4 command, version 1
        0x00, 0x12, // FRAMESIZE 18
        0x00, 0xF1, // IDCODE 241
        0x00, 0x00, 0x00, 0x00, // SOC 0
        0x00, 0x00, 0x00, 0x00, // FRACSEC: time quality 0, fraction 0
        0x00, 0x05, // CMD 5 send CFG-2
        0xD7, 0xD0, // CHK
    ];

    public static byte[] TurnOnCommand =>
    [
        0xAA, 0x41, 0x00, 0x12, 0x00, 0xF1, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, // command frame header
        0x00, 0x02, // CMD 2 turn on transmission
        0xA7, 0x37, // CHK
    ];

    public static byte[] TurnOffCommand =>
    [
        0xAA, 0x41, 0x00, 0x12, 0x00, 0xF1, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, // command frame header
        0x00, 0x01, // CMD 1 turn off transmission
        0x97, 0x54, // CHK
    ];

    /// <summary>CFG-2 of one PMU, "Blue PMU", 4 phasors, 50 Hz, 50 frames/s.</summary>
    public static byte[] Config2 =>
    [
        0xAA, 0x31,             // SYNC: frame type 3 CFG-2, version 1
        0x00, 0x86,             // FRAMESIZE 134
        0x00, 0xF1,             // IDCODE 241
        0x48, 0x93, 0x34, 0x4A, // SOC 2008-08-01 16:05:30
        0x00, 0x19, 0x99, 0x9A, // FRACSEC: quality 0, fraction 1677722
        0x00, 0xFF, 0xFF, 0xFF, // TIME_BASE 16777215
        0x00, 0x01,             // NUM_PMU 1
        .. "Blue PMU        "u8, // STN (16)
        0x00, 0xF1,             // IDCODE 241
        0x00, 0x06,             // FORMAT: float phasors, float analogs, rectangular
        0x00, 0x04,             // PHNMR 4
        0x00, 0x00,             // ANNMR 0
        0x00, 0x00,             // DGNMR 0
        .. "V1LPM           "u8, // CHNAM phasor 1
        .. "VALPM           "u8, // CHNAM phasor 2
        .. "VBLPM           "u8, // CHNAM phasor 3
        .. "VCLPM           "u8, // CHNAM phasor 4
        0x00, 0x00, 0x00, 0x01, // PHUNIT 1: volts, 10^-5 V per bit
        0x00, 0x00, 0x00, 0x01, // PHUNIT 2
        0x00, 0x00, 0x00, 0x01, // PHUNIT 3
        0x00, 0x00, 0x00, 0x01, // PHUNIT 4
        0x00, 0x01,             // FNOM: 50 Hz
        0x00, 0x59,             // CFGCNT 89
        0x00, 0x32,             // DATA_RATE 50 frames/s
        0xC1, 0xE2,             // CHK
    ];

    /// <summary>Data frame of PMU 241 (the phasors need the configuration to be read; only the header is decoded).</summary>
    public static byte[] DataFrame =>
    [
        0xAA, 0x01,             // SYNC: frame type 0 data, version 1
        0x00, 0x36,             // FRAMESIZE 54
        0x00, 0xF1,             // IDCODE 241
        0x48, 0x93, 0x34, 0x4A, // SOC
        0x00, 0x1E, 0xB8, 0x52, // FRACSEC
        0x08, 0x00,             // STAT
        0x42, 0xF6, 0x8F, 0x24, 0xC7, 0xC3, 0x66, 0x23, 0x43, 0x01, 0x88, 0xCB, 0xC7, 0xC3, 0x63, 0x32, // phasors 1-2
        0xC7, 0xA9, 0x56, 0x76, 0x47, 0x42, 0xFE, 0x4B, 0x47, 0xA9, 0x1C, 0xDD, 0x47, 0x43, 0xD1, 0x44, // phasors 3-4
        0x00, 0x00,             // FREQ
        0x00, 0x00,             // DFREQ
        0x47, 0xEF,             // CHK
    ];

    /// <summary>Header frame with no text (FRAMESIZE 16), the answer to "send HDR" in c37_1100_clean_tcp frame 6.</summary>
    public static byte[] EmptyHeaderFrame =>
    [
        0xAA, 0x11,             // SYNC: frame type 1 header, version 1
        0x00, 0x10,             // FRAMESIZE 16
        0x00, 0x01,             // IDCODE 1
        0x59, 0x75, 0x89, 0x33, // SOC
        0x0F, 0x04, 0x61, 0x1F, // FRACSEC: quality 0x0F, fraction
        0x51, 0x05,             // CHK
    ];

    /// <summary><see cref="DataFrame"/> with a wrong CHK.</summary>
    public static byte[] DataFrameBadChecksum
    {
        get
        {
            var bytes = DataFrame;
            bytes[^1] ^= 0xFF;
            return bytes;
        }
    }

    /// <summary><see cref="Config2"/> whose PHNMR says 40 phasors (the channel names would run far past the frame).</summary>
    public static byte[] Config2PhasorCountLie
    {
        get
        {
            var bytes = Config2;
            bytes[41] = 40;
            return bytes;
        }
    }
}
