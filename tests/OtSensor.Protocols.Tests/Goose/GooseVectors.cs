using System.Buffers.Binary;
using System.Text;

namespace OtSensor.Protocols.Tests.Goose;

/// <summary>
/// Annotated GOOSE frame payloads (the bytes after EtherType 0x88B8), IEC 61850-8-1 Annex A and Annex C.
/// <see cref="GeF650"/> is frame 1 of icsnpp-iec61850-goose GOOSE.pcap; the malformed twins change one thing each.
/// </summary>
internal static class GooseVectors
{
    /// <summary>A GE F650 publishing 8 data set entries (stNum 1, sqNum 10, Ed.1 encoding).</summary>
    public static byte[] GeF650 =>
    [
        0x00, 0x01,                                     // APPID 0x0001
        0x00, 0x91,                                     // Length 145 = 8 header + 137 APDU
        0x00, 0x00,                                     // Reserved 1 (no simulation bit)
        0x00, 0x00,                                     // Reserved 2
        0x61, 0x81, 0x86,                               // goosePdu [APPLICATION 1], long-form length 134
        0x80, 0x1A,                                     // gocbRef [0], 26 octets
        .. "GEDeviceF650/LLN0$GO$gcb01"u8,
        0x81, 0x03, 0x00, 0x9C, 0x40,                   // timeAllowedToLive [1] = 40000 ms
        0x82, 0x18,                                     // datSet [2], 24 octets
        .. "GEDeviceF650/LLN0$GOOSE1"u8,
        0x83, 0x0B,                                     // goID [3], 11 octets
        .. "F650_GOOSE1"u8,
        0x84, 0x08,                                     // t [4] UtcTime
        0x38, 0x6E, 0xBB, 0xF3,                         //   seconds 946781171 = 2000-01-02T02:46:11Z
        0x42, 0x17, 0x28,                               //   fraction 0x421728 / 2^24 = 0.258165 s
        0x0A,                                           //   time quality: accuracy 10 bits
        0x85, 0x01, 0x01,                               // stNum [5] = 1
        0x86, 0x01, 0x0A,                               // sqNum [6] = 10
        0x87, 0x01, 0x00,                               // test [7] = FALSE
        0x88, 0x01, 0x01,                               // confRev [8] = 1
        0x89, 0x01, 0x00,                               // ndsCom [9] = FALSE
        0x8A, 0x01, 0x08,                               // numDatSetEntries [10] = 8
        0xAB, 0x20,                                     // allData [11], constructed, 32 octets
        0x83, 0x01, 0x00,                               //   boolean FALSE
        0x84, 0x03, 0x03, 0x00, 0x00,                   //   bit-string (3 unused bits) quality
        0x83, 0x01, 0x00, 0x84, 0x03, 0x03, 0x00, 0x00, //   boolean, quality
        0x83, 0x01, 0x00, 0x84, 0x03, 0x03, 0x00, 0x00, //   boolean, quality
        0x83, 0x01, 0x00, 0x84, 0x03, 0x03, 0x00, 0x00, //   boolean, quality
    ];

    /// <summary>Ed.2 frame with the simulation bit, APPID 0x3001, 5-octet integers (leading zero) and test/ndsCom TRUE.</summary>
    public static byte[] Ed2Simulated =>
    [
        0x30, 0x01,                                     // APPID 0x3001
        0x00, 0x53,                                     // Length 83 = 8 + 75
        0x80, 0x00,                                     // Reserved 1: Simulation bit (Ed.2)
        0x00, 0x00,                                     // Reserved 2
        0x61, 0x49,                                     // goosePdu, short-form length 73
        0x80, 0x10,                                     // gocbRef [0], 16 octets
        .. "IED1LD0/LLN0$GO$"u8,
        0x81, 0x02, 0x07, 0xD0,                         // timeAllowedToLive [1] = 2000 ms
        0x82, 0x0C,                                     // datSet [2], 12 octets
        .. "IED1LD0/LLN0"u8,
        0x84, 0x08, 0x4D, 0xDD, 0xA5, 0x1A, 0xDB, 0xE7, 0x6D, 0x00, // t [4] 2011-05-26T00:55:54.859000Z
        0x85, 0x05, 0x00, 0x00, 0x00, 0x00, 0x07,       // stNum [5] = 7, five octets with a leading zero
        0x86, 0x01, 0x00,                               // sqNum [6] = 0
        0x87, 0x01, 0xFF,                               // simulation [7] = TRUE
        0x88, 0x01, 0x02,                               // confRev [8] = 2
        0x89, 0x01, 0x01,                               // ndsCom [9] = TRUE
        0x8A, 0x01, 0x01,                               // numDatSetEntries [10] = 1
        0xAB, 0x03,                                     // allData [11], 3 octets
        0x83, 0x01, 0xFF,                               //   boolean TRUE
    ];

    /// <summary><see cref="GeF650"/> followed by Ethernet padding, which the header Length excludes.</summary>
    public static byte[] GeF650Padded => [.. GeF650, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00];

    /// <summary>Header Length 4: below the 8-octet header it counts.</summary>
    public static byte[] GeF650BadLength => WithHeaderLength(GeF650, 4);

    /// <summary>Header Length 1000: more than the frame holds.</summary>
    public static byte[] GeF650LengthExceedsFrame => WithHeaderLength(GeF650, 1000);

    /// <summary>Header Length 120: the goosePdu (137 octets) runs past it; fields before the cut still decode.</summary>
    public static byte[] GeF650TruncatedByLength => WithHeaderLength(GeF650, 120);

    /// <summary>The goosePdu claims 255 octets (0x81 0xFF) where 134 follow: a lying length.</summary>
    public static byte[] GeF650LyingPduLength => Patch(GeF650, 10, 0xFF);

    /// <summary>goosePdu tag 0x62 instead of 0x61.</summary>
    public static byte[] GeF650WrongTag => Patch(GeF650, 8, 0x62);

    /// <summary>gocbRef length 0x84: four length octets follow ("GEDe" = 1195721829), far past the PDU.</summary>
    public static byte[] GeF650LyingGocbRefLength => Patch(GeF650, 12, 0x84);

    /// <summary>The goosePdu with an indefinite length (0x80), which BER-encoded GOOSE never uses.</summary>
    public static byte[] GeF650IndefiniteLength => Patch(GeF650, 9, 0x80);

    /// <summary>t with 7 octets instead of 8 (the stNum tag follows immediately).</summary>
    public static byte[] Ed2ShortUtcTime =>
    [
        0x30, 0x01, 0x00, 0x19, 0x00, 0x00, 0x00, 0x00, // APPID, Length 25, Reserved 1, Reserved 2
        0x61, 0x0F,                                     // goosePdu, 15 octets
        0x84, 0x07, 0x4D, 0xDD, 0xA5, 0x1A, 0xDB, 0xE7, 0x6D, // t [4] with 7 octets
        0x85, 0x01, 0x01,                               // stNum [5] = 1
        0x86, 0x01, 0x01,                               // sqNum [6] = 1
    ];

    /// <summary>stNum as a negative INTEGER (0xFF = -1), sqNum duplicated, a universal INTEGER where no field is defined.</summary>
    public static byte[] Ed2NegativeDuplicateUnknown =>
    [
        0x30, 0x01, 0x00, 0x19, 0x00, 0x00, 0x00, 0x00, // APPID, Length 25, Reserved 1, Reserved 2
        0x61, 0x0F,                                     // goosePdu, 15 octets
        0x85, 0x01, 0xFF,                               // stNum [5] = 0xFF, negative in BER
        0x86, 0x01, 0x01,                               // sqNum [6] = 1
        0x86, 0x01, 0x02,                               // sqNum [6] again
        0x02, 0x01, 0x05,                               // universal INTEGER: not an IECGoosePdu field
        0x8D, 0x01, 0x00,                               // context [13]: beyond security [12]
    ];

    /// <summary>numDatSetEntries 3 but allData holds 1 element, and a control character in gocbRef.</summary>
    public static byte[] Ed2EntryMismatchBadString =>
    [
        0x30, 0x01, 0x00, 0x1A, 0x00, 0x00, 0x00, 0x00, // APPID, Length 26, Reserved 1, Reserved 2
        0x61, 0x10,                                     // goosePdu, 16 octets
        0x80, 0x03, 0x41, 0x07, 0x42,                   // gocbRef [0] "A\aB": BEL is not a VisibleString octet
        0x8A, 0x01, 0x03,                               // numDatSetEntries [10] = 3
        0xAB, 0x03, 0x83, 0x01, 0x00,                   // allData [11] with one boolean
        0x8C, 0x01, 0x00,                               // security [12]: allowed, after allData
    ];

    /// <summary>allData primitive (0x8B) instead of constructed, then the goosePdu ends with 2 bytes to spare inside Length.</summary>
    public static byte[] Ed2PrimitiveAllDataTrailing =>
    [
        0x30, 0x01, 0x00, 0x11, 0x00, 0x00, 0x00, 0x00, // APPID, Length 17, Reserved 1, Reserved 2
        0x61, 0x05,                                     // goosePdu, 5 octets
        0x8B, 0x03, 0x83, 0x01, 0x00,                   // allData [11] primitive
        0xDE, 0xAD,                                     // inside Length, outside the goosePdu
    ];

    /// <summary>APPID 0x4000: the Sampled Values range.</summary>
    public static byte[] GeF650SvAppId => Patch(GeF650, 0, 0x40, 0x00);

    /// <summary>
    /// Builds a minimal valid GOOSE payload for sequence tests: every mandatory field, allData with one boolean.
    /// </summary>
    public static byte[] Frame(string gocbRef, uint stNum, uint sqNum, ushort appId = 1, uint confRev = 1)
    {
        var pdu = new List<byte>();
        Field(pdu, 0x80, Encoding.ASCII.GetBytes(gocbRef));         // gocbRef
        Field(pdu, 0x81, Unsigned(2000));                             // timeAllowedToLive
        Field(pdu, 0x82, "LD0/LLN0$DS"u8.ToArray());                  // datSet
        Field(pdu, 0x84, [0x4D, 0xDD, 0xA5, 0x1A, 0, 0, 0, 0x0A]);    // t
        Field(pdu, 0x85, Unsigned(stNum));                            // stNum
        Field(pdu, 0x86, Unsigned(sqNum));                            // sqNum
        Field(pdu, 0x87, [0x00]);                                     // test
        Field(pdu, 0x88, Unsigned(confRev));                          // confRev
        Field(pdu, 0x89, [0x00]);                                     // ndsCom
        Field(pdu, 0x8A, [0x01]);                                     // numDatSetEntries
        Field(pdu, 0xAB, [0x83, 0x01, 0x01]);                         // allData: boolean TRUE
        var apdu = new List<byte>();
        Field(apdu, 0x61, [.. pdu]);
        var frame = new byte[8 + apdu.Count];
        BinaryPrimitives.WriteUInt16BigEndian(frame, appId);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(2), (ushort)frame.Length);
        apdu.CopyTo(frame, 8);
        return frame;
    }

    private static byte[] Unsigned(uint value)
    {
        // Minimal BER INTEGER of a non-negative value: a leading zero when the top bit would read as a sign.
        var bytes = new List<byte>();
        do
        {
            bytes.Insert(0, (byte)value);
            value >>= 8;
        }
        while (value != 0);
        if ((bytes[0] & 0x80) != 0) bytes.Insert(0, 0);
        return [.. bytes];
    }

    private static void Field(List<byte> into, byte tag, byte[] content)
    {
        into.Add(tag);
        if (content.Length < 0x80)
        {
            into.Add((byte)content.Length);
        }
        else
        {
            into.Add(0x82);
            into.Add((byte)(content.Length >> 8));
            into.Add((byte)content.Length);
        }
        into.AddRange(content);
    }

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
