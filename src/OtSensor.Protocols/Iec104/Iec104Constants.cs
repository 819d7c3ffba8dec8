namespace OtSensor.Protocols.Iec104;

/// <summary>Fixed sizes and values of IEC 60870-5-104 framing and of the ASDU header.</summary>
/// <remarks>
/// IEC 60870-5-104 §5 (APCI: start 0x68, APDU length ≤ 253, four control octets), §9 (port 2404);
/// IEC 60870-5-101 §7.2 with the 104 field sizes of §9 (cause of transmission 2 octets, common address
/// 2 octets, information object address 3 octets).
/// </remarks>
public static class Iec104Constants
{
    public const int DefaultPort = 2404;

    /// <summary>START2 (§5.1).</summary>
    public const byte StartByte = 0x68;

    /// <summary>Start byte and length byte.</summary>
    public const int HeaderLength = 2;

    /// <summary>The four control field octets.</summary>
    public const int ControlLength = 4;

    /// <summary>Start, length and control field: an APDU without ASDU (S and U formats).</summary>
    public const int ApciLength = HeaderLength + ControlLength;

    /// <summary>Smallest length byte: the control field alone.</summary>
    public const int MinLengthField = ControlLength;

    /// <summary>Largest length byte (§5.1: the APDU is at most 255 octets, so control field + ASDU ≤ 253).</summary>
    public const int MaxLengthField = 253;

    /// <summary>Type id, variable structure qualifier, cause (2), common address (2).</summary>
    public const int AsduHeaderLength = 6;

    /// <summary>Information object address octets (§9, structured or unstructured).</summary>
    public const int IoaLength = 3;

    /// <summary>CP56Time2a: milliseconds (2), minutes, hours, day, month, year (101 §7.2.6.18).</summary>
    public const int Cp56Length = 7;

    /// <summary>CP24Time2a: milliseconds (2), minutes (101 §7.2.6.19).</summary>
    public const int Cp24Length = 3;

    /// <summary>The number field of the variable structure qualifier has seven bits.</summary>
    public const int MaxObjects = 127;

    /// <summary>Bytes skipped looking for a frame before the flow is declared not IEC 104.</summary>
    public const int MaxResyncBytes = 1024;

    /// <summary>Sequence numbers are 15 bits (§5.1).</summary>
    public const int SequenceModulo = 32768;
}
