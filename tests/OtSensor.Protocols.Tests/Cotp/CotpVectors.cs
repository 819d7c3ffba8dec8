namespace OtSensor.Protocols.Tests.Cotp;

/// <summary>COTP TPDUs inside TPKT packets (hand-built after the X.224 §13 layouts; TSAPs as S7 uses them).</summary>
internal static class CotpVectors
{
    /// <summary>CR: class 0, TPDU size 1024, calling TSAP 01 00, called TSAP 01 02 (rack 0, slot 2).</summary>
    public static readonly byte[] ConnectRequest =
    [
        0x03, 0x00, 0x00, 0x16, // TPKT length 22
        0x11,                   // LI 17
        0xE0,                   // CR, CDT 0
        0x00, 0x00,             // DST-REF 0
        0x00, 0x01,             // SRC-REF 1
        0x00,                   // class 0, no options
        0xC0, 0x01, 0x0A,       // TPDU size 2^10 = 1024
        0xC1, 0x02, 0x01, 0x00, // calling TSAP
        0xC2, 0x02, 0x01, 0x02, // called TSAP
    ];

    /// <summary>CC answering the CR above.</summary>
    public static readonly byte[] ConnectConfirm =
    [
        0x03, 0x00, 0x00, 0x16, // TPKT length 22
        0x11, 0xD0,             // LI 17, CC
        0x00, 0x01, 0x44, 0x31, // DST-REF 1, SRC-REF 0x4431
        0x00,                   // class 0
        0xC0, 0x01, 0x0A,       // TPDU size 1024
        0xC1, 0x02, 0x01, 0x00, // calling TSAP
        0xC2, 0x02, 0x01, 0x02, // called TSAP
    ];

    /// <summary>DR: reason 128 (normal).</summary>
    public static readonly byte[] DisconnectRequest =
    [
        0x03, 0x00, 0x00, 0x0B, // TPKT length 11
        0x06, 0x80,             // LI 6, DR
        0x44, 0x31, 0x00, 0x01, // DST-REF, SRC-REF
        0x80,                   // reason: normal disconnect
    ];

    /// <summary>A DT carrying <paramref name="payload"/>, with or without EOT.</summary>
    public static byte[] Data(byte[] payload, bool eot)
    {
        int length = 7 + payload.Length;
        return [0x03, 0x00, (byte)(length >> 8), (byte)length, 0x02, 0xF0, (byte)(eot ? 0x80 : 0x00), .. payload];
    }
}
