namespace OtSensor.Protocols.Goose;

/// <summary>Wire constants of IEC 61850-8-1 GOOSE (Annex A, Annex C) and the decoder's bounds.</summary>
public static class GooseConstants
{
    /// <summary>GOOSE EtherType (IEC 61850-8-1 Annex C, Table C.2; IEEE registered 0x88B8).</summary>
    public const ushort EtherType = 0x88B8;

    /// <summary>APPID, Length, Reserved 1, Reserved 2: two octets each (IEC 61850-8-1 Annex C, Figure C.1).</summary>
    public const int HeaderLength = 8;

    /// <summary>goosePdu: [APPLICATION 1] IMPLICIT SEQUENCE, constructed (0x61).</summary>
    public const byte GoosePduTag = 0x61;

    /// <summary>Reserved 1 bit 15: "Simulation" (IEC 61850-8-1 Ed.2 Annex C.2.3.1).</summary>
    public const ushort SimulationBit = 0x8000;

    /// <summary>APPID ranges of IEC 61850-8-1 Annex C.2.3.1: type 1 GOOSE 0x0000–0x3FFF, type 1A (trip) 0x8000–0xBFFF.</summary>
    public const ushort AppIdType1Max = 0x3FFF;
    public const ushort AppIdType1AMin = 0x8000;
    public const ushort AppIdType1AMax = 0xBFFF;

    /// <summary>ObjectReference / VisibleString size bound of IEC 61850-7-2 Ed.2 (129 octets; 65 in Ed.1).</summary>
    public const int MaxVisibleStringLength = 129;

    /// <summary>UtcTime: 4 octets seconds, 3 octets fraction, 1 octet quality (IEC 61850-8-1 §8.1.3.7).</summary>
    public const int UtcTimeLength = 8;

    /// <summary>Highest goosePdu field tag: security [12] (IEC 61850-8-1 Annex A, IECGoosePdu).</summary>
    public const int MaxFieldTag = 12;

    /// <summary>Default bound of the per-session publisher table (source MAC, APPID, gocbRef); the oldest is evicted.</summary>
    public const int DefaultMaxPublishers = 1024;
}
