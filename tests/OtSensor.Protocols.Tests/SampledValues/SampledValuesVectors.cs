using System.Buffers.Binary;

namespace OtSensor.Protocols.Tests.SampledValues;

/// <summary>Annotated Sampled Values frame payloads (the bytes after EtherType 0x88BA), IEC 61850-9-2.</summary>
internal static class SampledValuesVectors
{
    /// <summary>One ASDU as a 9-2LE merging unit sends it (sample shortened to two channels).</summary>
    public static byte[] OneAsdu =>
    [
        0x40, 0x00,                                     // APPID 0x4000
        0x00, 0x38,                                     // Length 56 = 8 header + 48 APDU
        0x00, 0x00,                                     // Reserved 1
        0x00, 0x00,                                     // Reserved 2
        0x60, 0x2E,                                     // savPdu [APPLICATION 0], 46 octets
        0x80, 0x01, 0x01,                               // noASDU [0] = 1
        0xA2, 0x29,                                     // seqASDU [2], 41 octets
        0x30, 0x27,                                     // ASDU (SEQUENCE), 39 octets
        0x80, 0x06, .. "MU0101"u8,                      // svID [0]
        0x82, 0x02, 0x0F, 0xA0,                         // smpCnt [2] = 4000
        0x83, 0x04, 0x00, 0x00, 0x00, 0x01,             // confRev [3] = 1
        0x85, 0x01, 0x02,                               // smpSynch [5] = 2 (global time)
        0x87, 0x10,                                     // sample [7], 16 octets
        0x00, 0x00, 0x03, 0xE8, 0x00, 0x00, 0x00, 0x00, //   channel 1: value 1000, quality good
        0xFF, 0xFF, 0xFC, 0x18, 0x00, 0x00, 0x00, 0x00, //   channel 2: value -1000, quality good
    ];

    /// <summary>Two ASDUs, the first with the optional datSet, refrTm and smpRate, and the simulation bit set.</summary>
    public static byte[] TwoAsdus =>
    [
        0x7F, 0xFF,                                     // APPID 0x7FFF (top of the SV range)
        0x00, 0x6E,                                     // Length 110 = 8 + 102
        0x80, 0x00,                                     // Reserved 1: Simulation bit (Ed.2)
        0x00, 0x00,                                     // Reserved 2
        0x60, 0x64,                                     // savPdu, 100 octets
        0x80, 0x01, 0x02,                               // noASDU [0] = 2
        0xA2, 0x5F,                                     // seqASDU [2], 95 octets
        0x30, 0x3E,                                     // ASDU 1, 62 octets
        0x80, 0x04, .. "MU01"u8,                        //   svID [0]
        0x81, 0x11, .. "LD0/LLN0$PhsMeas1"u8,           //   datSet [1] (optional)
        0x82, 0x02, 0x00, 0x07,                         //   smpCnt [2] = 7
        0x83, 0x04, 0x00, 0x00, 0x00, 0x03,             //   confRev [3] = 3
        0x84, 0x08, 0x4D, 0xDD, 0xA5, 0x1A, 0xDB, 0xE7, 0x6D, 0x00, // refrTm [4] 2011-05-26T00:55:54.859000Z
        0x85, 0x01, 0x01,                               //   smpSynch [5] = 1 (local)
        0x86, 0x02, 0x00, 0x50,                         //   smpRate [6] = 80 samples per period
        0x87, 0x08, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, // sample [7], one channel
        0x30, 0x1D,                                     // ASDU 2, 29 octets (counted, not decoded)
        0x80, 0x04, .. "MU01"u8,                        //   svID [0]
        0x82, 0x02, 0x00, 0x08,                         //   smpCnt [2] = 8
        0x83, 0x04, 0x00, 0x00, 0x00, 0x03,             //   confRev [3] = 3
        0x85, 0x01, 0x01,                               //   smpSynch [5]
        0x87, 0x08, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, // sample [7]
    ];

    /// <summary>noASDU 2 while seqASDU holds one ASDU.</summary>
    public static byte[] OneAsduCountLies => Patch(OneAsdu, 12, 0x02);

    /// <summary>APPID 0x0001: a GOOSE APPID on the SV EtherType.</summary>
    public static byte[] OneAsduGooseAppId => Patch(OneAsdu, 0, 0x00, 0x01);

    /// <summary>savPdu tag 0x61 (the goosePdu tag) instead of 0x60.</summary>
    public static byte[] OneAsduWrongTag => Patch(OneAsdu, 8, 0x61);

    /// <summary>The ASDU tagged SET (0x31) instead of SEQUENCE.</summary>
    public static byte[] OneAsduSetNotSequence => Patch(OneAsdu, 15, 0x31);

    /// <summary>svID tagged [9] (gmIdentity) so the ASDU lacks its svID.</summary>
    public static byte[] OneAsduMissingSvId => Patch(OneAsdu, 17, 0x89);

    /// <summary>smpCnt declared 3 octets (swallowing the confRev tag): smpCnt wrong size, BER runs off the ASDU.</summary>
    public static byte[] OneAsduBadSmpCntSize => Patch(OneAsdu, 26, 0x03);

    /// <summary>savPdu length 0x7F: more than the 46 octets present.</summary>
    public static byte[] OneAsduLyingPduLength => Patch(OneAsdu, 9, 0x7F);

    /// <summary>Header Length 200: more than the frame.</summary>
    public static byte[] OneAsduLengthExceedsFrame => WithHeaderLength(OneAsdu, 200);

    /// <summary>Header Length 6: below the header it counts.</summary>
    public static byte[] OneAsduBadLength => WithHeaderLength(OneAsdu, 6);

    private static byte[] WithHeaderLength(byte[] frame, ushort length)
    {
        var copy = (byte[])frame.Clone();
        BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(2), length);
        return copy;
    }

    private static byte[] Patch(byte[] frame, int offset, params byte[] bytes)
    {
        var copy = (byte[])frame.Clone();
        bytes.CopyTo(copy, offset);
        return copy;
    }
}
