using System.Text.Json;

namespace OtSensor.Protocols.ProfinetRt;

/// <summary>Writes a PNIOStatus (ErrorCode, ErrorDecode, ErrorCode1, ErrorCode2) as eight hex digits, e.g. "cf81fd0f".</summary>
public static class PnioStatusText
{
    public static void Write(Utf8JsonWriter writer, string name, uint status)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Span<char> text = stackalloc char[8];
        const string Hex = "0123456789abcdef";
        for (int i = 0; i < 8; i++) text[i] = Hex[(int)(status >> (28 - (4 * i))) & 0xF];
        writer.WriteString(name, text);
    }
}
