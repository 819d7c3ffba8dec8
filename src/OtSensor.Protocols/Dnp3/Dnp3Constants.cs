namespace OtSensor.Protocols.Dnp3;

/// <summary>Fixed sizes, codes and default bounds of DNP3 (IEEE 1815-2012).</summary>
public static class Dnp3Constants
{
    /// <summary>IANA port for DNP3 over TCP and UDP (IEEE 1815-2012 Annex E, "DNP3 over IP").</summary>
    public const ushort DefaultPort = 20000;

    /// <summary>First start octet of every link frame (§9.2.4.1.3.1).</summary>
    public const byte Start1 = 0x05;

    /// <summary>Second start octet of every link frame.</summary>
    public const byte Start2 = 0x64;

    /// <summary>Link header: start (2), length (1), control (1), destination (2), source (2), CRC (2).</summary>
    public const int LinkHeaderLength = 10;

    /// <summary>Smallest LENGTH field: control, destination and source (§9.2.4.1.3.2).</summary>
    public const int MinLengthField = 5;

    /// <summary>User data carried by one link frame at most (LENGTH 255 minus the 5 header octets).</summary>
    public const int MaxUserData = 250;

    /// <summary>User data octets covered by one CRC (§9.2.4.1.3.6).</summary>
    public const int BlockSize = 16;

    /// <summary>Length of a CRC field.</summary>
    public const int CrcLength = 2;

    /// <summary>Largest link frame: header plus 250 user octets in 16 blocks, each with its CRC.</summary>
    public const int MaxFrameLength = LinkHeaderLength + MaxUserData + (((MaxUserData + BlockSize - 1) / BlockSize) * CrcLength);

    /// <summary>Bytes the probe needs to check the header CRC.</summary>
    public const int ProbeLength = LinkHeaderLength;

    /// <summary>Link control: DIR bit, set when the frame comes from a master (§9.2.4.1.3.3).</summary>
    public const byte ControlDir = 0x80;

    /// <summary>Link control: PRM bit, set on primary (initiating) frames.</summary>
    public const byte ControlPrm = 0x40;

    /// <summary>Link control: FCB (primary) bit.</summary>
    public const byte ControlFcb = 0x20;

    /// <summary>Link control: FCV (primary) or DFC (secondary) bit.</summary>
    public const byte ControlFcvDfc = 0x10;

    /// <summary>Primary link function 3: confirmed user data.</summary>
    public const byte LinkConfirmedUserData = 3;

    /// <summary>Primary link function 4: unconfirmed user data.</summary>
    public const byte LinkUnconfirmedUserData = 4;

    /// <summary>Transport header FIN bit (§8.2.1.1).</summary>
    public const byte TransportFin = 0x80;

    /// <summary>Transport header FIR bit.</summary>
    public const byte TransportFir = 0x40;

    /// <summary>Transport sequence number mask (0–63).</summary>
    public const byte TransportSeqMask = 0x3F;

    /// <summary>Application control FIR bit (§4.2.2.1).</summary>
    public const byte AppFir = 0x80;

    /// <summary>Application control FIN bit.</summary>
    public const byte AppFin = 0x40;

    /// <summary>Application control CON bit: the sender asks for an application confirm.</summary>
    public const byte AppCon = 0x20;

    /// <summary>Application control UNS bit: unsolicited response, or a confirm of one.</summary>
    public const byte AppUns = 0x10;

    /// <summary>Application sequence number mask (0–15).</summary>
    public const byte AppSeqMask = 0x0F;

    /// <summary>
    /// Default bound on a reassembled application fragment. A transport sequence number wraps after 64 segments
    /// of at most 249 octets; Suricata raises <c>too_long_reassembly</c> past 63 × 255 octets, the same bound.
    /// </summary>
    public const int DefaultMaxFragmentLength = 63 * 255;

    /// <summary>Object headers walked per fragment at most (Suricata's <c>DNP3_MAX_OBJECTS</c>).</summary>
    public const int MaxObjects = 2048;

    /// <summary>Points counted per fragment at most (Suricata's <c>DNP3_MAX_POINTS</c>).</summary>
    public const int MaxPoints = 16384;

    /// <summary>Outstanding requests remembered per flow for pairing (Suricata's <c>DNP3_DEFAULT_REQ_FLOOD_COUNT</c> is larger; its transaction bound is 32).</summary>
    public const int MaxOutstandingRequests = 32;

    /// <summary>Garbage skipped while resynchronising before the stream is given up as not DNP3.</summary>
    public const int MaxResyncBytes = 4096;

    /// <summary>Objects, controls and attributes written per record to <c>events.jsonl</c> at most.</summary>
    public const int MaxDetailEntries = 64;
}
