using System.Buffers.Binary;
using OtSensor.Core.Parsing;

namespace OtSensor.Protocols.Modbus;

/// <summary>Recognises a Modbus/TCP ADU from its first bytes; also used to find the next header on resync.</summary>
/// <remarks>
/// Implementation Guide V1.0b §3.1.3: protocol identifier 0, length 2..254 (unit id plus a PDU of 1..253
/// bytes), and the function code byte present. The function code itself is not checked: code 0 is invalid
/// (Application Protocol V1.1b3 §4.1) but scanners send it first, and the parser flags it as
/// <see cref="ModbusAnomalies.UnknownFunction"/> rather than losing the flow.
/// </remarks>
public static class ModbusProbe
{
    public static ProbeResult Probe(ReadOnlySpan<byte> data, Direction direction)
    {
        _ = direction;
        // Decide as early as the bytes allow, so that resync rejects garbage without waiting.
        if (data.Length >= 3 && data[2] != 0) return ProbeResult.Unrecognized;
        if (data.Length >= 4 && data[3] != 0) return ProbeResult.Unrecognized;
        if (data.Length >= 5 && data[4] != 0) return ProbeResult.Unrecognized; // length ≤ 254: high byte 0
        if (data.Length >= 6 && !IsValidLength(data[5])) return ProbeResult.Unrecognized;
        if (data.Length < ModbusConstants.ProbeLength) return ProbeResult.Incomplete;
        return ProbeResult.Recognized;
    }

    internal static bool IsValidLength(int length)
        => length is >= ModbusConstants.MinLengthField and <= ModbusConstants.MaxLengthField;

    /// <summary>True when an MBAP header at the start of <paramref name="data"/> is structurally valid.</summary>
    internal static bool IsValidHeader(ReadOnlySpan<byte> data)
        => data.Length >= 6
            && BinaryPrimitives.ReadUInt16BigEndian(data[2..]) == 0
            && IsValidLength(BinaryPrimitives.ReadUInt16BigEndian(data[4..]));
}
