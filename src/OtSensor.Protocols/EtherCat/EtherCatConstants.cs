namespace OtSensor.Protocols.EtherCat;

/// <summary>Sizes, bit masks and register addresses of EtherCAT frames, datagrams and mailboxes.</summary>
/// <remarks>
/// IEC 61158-4-12 / ETG.1000.4 §5.3 (frame and datagram structure), ETG.1000.4 §6 (register map: AL control
/// 0x0120, AL status 0x0130, distributed clocks 0x0900–0x09FF), ETG.1000.6 §5.6 (mailbox header).
/// </remarks>
public static class EtherCatConstants
{
    /// <summary>EtherType of EtherCAT frames (IEEE registration, ETG.1000.4 §5.3.1).</summary>
    public const ushort EtherType = 0x88A4;

    /// <summary>UDP port of EtherCAT frames over UDP/IP (0x88A4, ETG.1000.4 §5.3.2).</summary>
    public const ushort UdpPort = 0x88A4;

    public const int FrameHeaderLength = 2;
    public const int FrameLengthMask = 0x07FF;
    public const int FrameReservedBit = 0x0800;
    public const int FrameTypeShift = 12;

    /// <summary>Cmd(1) Idx(1) Address(4) Len(2) IRQ(2).</summary>
    public const int DatagramHeaderLength = 10;
    public const int WorkingCounterLength = 2;

    /// <summary>Header and working counter: the smallest datagram (no data) takes 12 bytes.</summary>
    public const int DatagramOverhead = DatagramHeaderLength + WorkingCounterLength;

    public const int DatagramLengthMask = 0x07FF;
    public const int DatagramReservedMask = 0x3800;
    public const int CirculatingBit = 0x4000;
    public const int MoreBit = 0x8000;

    /// <summary>Largest command value ETG.1000.4 §5.4 defines (FRMW).</summary>
    public const byte MaxCommand = 14;

    public const ushort AlControlRegister = 0x0120;
    public const ushort AlStatusRegister = 0x0130;
    public const int AlStateMask = 0x0F;
    public const int AlErrorBit = 0x10;

    public const ushort DistributedClockFirst = 0x0900;
    public const ushort DistributedClockLast = 0x09FF;

    /// <summary>SyncManager areas (process RAM) start here; registers are below (ETG.1000.4 §6.1).</summary>
    public const ushort ProcessRamStart = 0x1000;

    /// <summary>Length(2) Address(2) Channel/Priority(1) Type/Counter(1).</summary>
    public const int MailboxHeaderLength = 6;

    /// <summary>Largest mailbox service length accepted when recognising a mailbox (tshark uses the same bound).</summary>
    public const int MaxMailboxLength = 1500;

    public const int MailboxTypeMask = 0x0F;
    public const int MailboxCounterShift = 4;
    public const int MailboxCounterMask = 0x07;

    /// <summary>Error reply service: Type(2) = 1, Detail(2) (ETG.1000.6 §5.6.3).</summary>
    public const int MailboxErrorLength = 4;

    /// <summary>CoE header: Number (9 bits), reserved (3), Service (4) (ETG.1000.6 §5.6.2.1).</summary>
    public const int CoeHeaderLength = 2;
    public const int CoeNumberMask = 0x01FF;
    public const int CoeServiceShift = 12;

    /// <summary>SDO command byte, index (2), subindex (1) after the CoE header (ETG.1000.6 §5.6.2.2).</summary>
    public const int SdoHeaderLength = 4;
    public const int SdoSpecifierShift = 5;
    public const int SdoCompleteAccessBit = 0x10;
    public const int SdoAbortCodeLength = 4;

    /// <summary>OpCode(1) reserved(1) then a 32-bit password, packet number or error code (ETG.1000.6 §5.6.4).</summary>
    public const int FoeHeaderLength = 6;

    /// <summary>Longest file name written to the event log; longer names are cut.</summary>
    public const int MaxFileNameLength = 255;
}
