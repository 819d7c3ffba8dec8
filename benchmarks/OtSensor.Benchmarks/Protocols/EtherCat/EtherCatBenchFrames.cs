namespace OtSensor.Benchmarks.Protocols.EtherCat;

/// <summary>
/// EtherCAT frames shaped like the public ethercrab/TwinCAT captures: the cyclic process-data frame (LRW, ARMW of
/// the DC system time, FPRD of AL status), a CoE SDO exchange through the mailbox, and an AL control broadcast.
/// </summary>
internal static class EtherCatBenchFrames
{
    /// <summary>Cyclic frame: three chained datagrams, as it returns (working counters filled).</summary>
    public static readonly byte[] Cyclic =
    [
        0x3A, 0x10,                         // frame header: Length 58 (24 + 20 + 14), Type 1
        0x0C, 0x01,                         // LRW, Idx 1
        0x00, 0x00, 0x00, 0x00,             // logical address 0
        0x0C, 0x80,                         // Len 12, M
        0x00, 0x00,                         // IRQ
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, // process image
        0x03, 0x00,                         // WKC 3
        0x0D, 0x02,                         // ARMW, Idx 2
        0x00, 0x00, 0x10, 0x09,             // ADP 0, ADO 0x0910 (DC system time)
        0x08, 0x80,                         // Len 8, M
        0x00, 0x00,                         // IRQ
        1, 2, 3, 4, 5, 6, 7, 8,             // system time
        0x02, 0x00,                         // WKC 2
        0x04, 0x03,                         // FPRD, Idx 3
        0xE9, 0x03, 0x30, 0x01,             // station 0x03E9, ADO 0x0130 (AL status)
        0x02, 0x00,                         // Len 2
        0x00, 0x00,                         // IRQ
        0x08, 0x00,                         // OP
        0x01, 0x00,                         // WKC 1
    ];

    /// <summary>FPWR into the receive mailbox: CoE SDO initiate upload request.</summary>
    public static readonly byte[] CoeRequest =
    [
        0x1C, 0x10,                         // frame header: Length 28, Type 1
        0x05, 0xDE, 0x01, 0x10, 0x00, 0x10, // FPWR, Idx, station 0x1001, ADO 0x1000
        0x10, 0x00, 0x00, 0x00,             // Len 16, IRQ
        0x0A, 0x00, 0x00, 0x00, 0x00, 0x13, // mailbox: Length 10, Address 0, Channel 0, CoE counter 1
        0x00, 0x20, 0x40, 0x0A, 0x10, 0x00, // CoE SDO Request, initiate upload 0x100A:00
        0x00, 0x00, 0x00, 0x00,
        0x01, 0x00,                         // WKC 1
    ];

    /// <summary>FPRD from the send mailbox, answered: CoE SDO initiate upload response.</summary>
    public static readonly byte[] CoeResponse =
    [
        0x1C, 0x10,                         // frame header: Length 28, Type 1
        0x04, 0xE2, 0x01, 0x10, 0x80, 0x10, // FPRD, Idx, station 0x1001, ADO 0x1080
        0x10, 0x00, 0x00, 0x00,             // Len 16, IRQ
        0x0A, 0x00, 0x00, 0x00, 0x00, 0x13, // mailbox: Length 10, CoE counter 1
        0x00, 0x30, 0x4B, 0x0A, 0x10, 0x00, // CoE SDO Response, initiate upload 0x100A:00
        0x38, 0x30, 0x00, 0x00,             // "80"
        0x01, 0x00,                         // WKC 1
    ];

    /// <summary>BWR of AL control requesting SAFEOP.</summary>
    public static readonly byte[] AlControl =
    [
        0x0E, 0x10,                         // frame header: Length 14, Type 1
        0x08, 0x04, 0x00, 0x00, 0x20, 0x01, // BWR, Idx, ADP 0, ADO 0x0120
        0x02, 0x00, 0x00, 0x00,             // Len 2, IRQ
        0x04, 0x00,                         // SAFEOP
        0x03, 0x00,                         // WKC 3
    ];

    /// <summary>A polling cycle: ten cyclic frames for each mailbox exchange and state change.</summary>
    public static readonly byte[][] Mix =
    [
        Cyclic, Cyclic, Cyclic, Cyclic, Cyclic, Cyclic, Cyclic, Cyclic, Cyclic, Cyclic, CoeRequest, CoeResponse, AlControl,
    ];

    /// <summary>Datagrams in <see cref="Mix"/>.</summary>
    public const int MixDatagrams = (10 * 3) + 3;
}
