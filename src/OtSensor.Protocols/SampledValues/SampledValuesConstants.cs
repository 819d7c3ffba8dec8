namespace OtSensor.Protocols.SampledValues;

/// <summary>Wire constants of IEC 61850-9-2 Sampled Values (the 8-octet header is shared with GOOSE, IEC 61850-8-1 Annex C).</summary>
public static class SampledValuesConstants
{
    /// <summary>Sampled Values EtherType (IEC 61850-9-2; IEEE registered 0x88BA).</summary>
    public const ushort EtherType = 0x88BA;

    /// <summary>APPID, Length, Reserved 1, Reserved 2: two octets each.</summary>
    public const int HeaderLength = 8;

    /// <summary>savPdu: [APPLICATION 0] IMPLICIT SEQUENCE, constructed (0x60).</summary>
    public const byte SavPduTag = 0x60;

    /// <summary>Reserved 1 bit 15: "Simulation" (IEC 61850-9-2 Ed.2).</summary>
    public const ushort SimulationBit = 0x8000;

    /// <summary>APPID range reserved for Sampled Values (IEC 61850-9-2: 0x4000–0x7FFF).</summary>
    public const ushort AppIdMin = 0x4000;
    public const ushort AppIdMax = 0x7FFF;

    /// <summary>VisibleString bound of svID and datSet (IEC 61850-7-2 Ed.2 ObjectReference, 129 octets).</summary>
    public const int MaxVisibleStringLength = 129;

    /// <summary>ASDU: universal SEQUENCE, constructed (0x30).</summary>
    public const byte AsduTag = 0x30;
}
