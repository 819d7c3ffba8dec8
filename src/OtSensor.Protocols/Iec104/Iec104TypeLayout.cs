namespace OtSensor.Protocols.Iec104;

/// <summary>The size and decoding of one type id's information element (without the address).</summary>
/// <param name="ElementLength">Octets after the address, time tag included; 0 with <see cref="Iec104ValueKind.None"/> for C_RD_NA_1.</param>
/// <param name="TimeLength">Trailing time tag octets: 0, 3 (CP24Time2a) or 7 (CP56Time2a).</param>
/// <param name="Kind">How the leading value is decoded.</param>
/// <param name="HasQuality">True when a quality/qualifier octet follows the value (QDS, QOS, QPM).</param>
/// <param name="Variable">True for F_SG_NA_1, whose segment length is in the element (LOS).</param>
public readonly record struct Iec104TypeLayout(byte ElementLength, byte TimeLength, Iec104ValueKind Kind, bool HasQuality, bool Variable = false)
{
    public bool IsKnown => Kind != Iec104ValueKind.Unknown;
}
