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

    /// <summary>
    /// Recognises a new flow as Modbus/TCP by content, strictly: the bytes must be whole MBAP frames back to back
    /// (each header valid, each function code a public, user-defined or UMAS code, or its exception), ending
    /// exactly at the end of the data or with a last frame still arriving. One header that merely looks right is
    /// not enough: other protocols (MELSOFT, HART-IP) start with two zero bytes and a small length too.
    /// </summary>
    public static ProbeResult Recognize(ReadOnlySpan<byte> data, Direction direction)
    {
        int completeFrames = 0;
        while (true)
        {
            if (data.IsEmpty) return ProbeResult.Recognized; // the frames ended exactly with the data
            var header = Probe(data, direction);
            if (header == ProbeResult.Unrecognized) return ProbeResult.Unrecognized;
            if (header == ProbeResult.Incomplete) return completeFrames > 0 ? ProbeResult.Recognized : ProbeResult.Incomplete;
            if (!IsPlausibleFunction(data[ModbusConstants.MbapHeaderLength])) return ProbeResult.Unrecognized;
            int frameLength = BinaryPrimitives.ReadUInt16BigEndian(data[4..]) + ModbusConstants.LengthFieldBase;
            if (frameLength > data.Length) return completeFrames > 0 ? ProbeResult.Recognized : ProbeResult.Incomplete;
            completeFrames++;
            data = data[frameLength..];
        }
    }

    /// <summary>
    /// Recognises one UDP datagram as Modbus over UDP, strictly: exactly one MBAP frame whose length field
    /// accounts for every byte of the datagram, with a public, user-defined or UMAS function code. The
    /// Implementation Guide V1.0b specifies TCP only; Modbus over UDP is the de facto convention of carrying the
    /// same MBAP ADU one per datagram (port 502), so a datagram is never part of an ADU, nor several ADUs.
    /// </summary>
    public static ProbeResult RecognizeDatagram(ReadOnlySpan<byte> datagram, Direction direction)
    {
        if (datagram.Length < ModbusConstants.MbapHeaderLength + 1 || Probe(datagram, direction) != ProbeResult.Recognized)
            return ProbeResult.Unrecognized;
        int frameLength = BinaryPrimitives.ReadUInt16BigEndian(datagram[4..]) + ModbusConstants.LengthFieldBase;
        return frameLength == datagram.Length && IsPlausibleFunction(datagram[ModbusConstants.MbapHeaderLength])
            ? ProbeResult.Recognized
            : ProbeResult.Unrecognized;
    }

    /// <summary>
    /// Public function codes (Application Protocol V1.1b3 §5.1, including 0, which scanners send), the
    /// user-defined ranges 65–72 and 100–110, Schneider UMAS (90), and their exception responses.
    /// </summary>
    internal static bool IsPlausibleFunction(byte code)
    {
        int function = code & 0x7F;
        return function is (>= 0 and <= 8) or 11 or 12 or (>= 15 and <= 17) or (>= 20 and <= 24) or 43
            or (>= 65 and <= 72) or 90 or (>= 100 and <= 110);
    }

    internal static bool IsValidLength(int length)
        => length is >= ModbusConstants.MinLengthField and <= ModbusConstants.MaxLengthField;

    /// <summary>True when an MBAP header at the start of <paramref name="data"/> is structurally valid.</summary>
    internal static bool IsValidHeader(ReadOnlySpan<byte> data)
        => data.Length >= 6
            && BinaryPrimitives.ReadUInt16BigEndian(data[2..]) == 0
            && IsValidLength(BinaryPrimitives.ReadUInt16BigEndian(data[4..]));
}
