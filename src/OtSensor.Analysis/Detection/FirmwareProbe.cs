using OtSensor.Core.Protocols;

namespace OtSensor.Analysis.Detection;

/// <summary>
/// Catches the firmware version an identity message states (Modbus 43/14, S7 SZL, CIP identity...) into a reused
/// buffer, so comparing it with the version learned for the device allocates nothing unless it changed.
/// </summary>
internal sealed class FirmwareProbe : IIdentityReceiver
{
    private const int MaxLength = 64;
    private readonly byte[] _value = new byte[MaxLength];

    public int Length { get; private set; }

    public void Clear() => Length = 0;

    public void OnIdentity(IdentityField field, ReadOnlySpan<byte> value, string source)
    {
        if (field != IdentityField.Firmware) return;
        value = value.Trim((byte)' ').Trim((byte)0);
        if (value.Length > MaxLength) value = value[..MaxLength];
        value.CopyTo(_value);
        Length = value.Length;
    }

    /// <summary>The version equals <paramref name="known"/> (printable ASCII compared byte for char).</summary>
    public bool Matches(string known)
    {
        if (known.Length != Length) return false;
        for (int i = 0; i < Length; i++)
            if (known[i] != Printable(_value[i])) return false;
        return true;
    }

    public override string ToString()
    {
        Span<char> text = stackalloc char[Length];
        for (int i = 0; i < Length; i++) text[i] = Printable(_value[i]);
        return new string(text);
    }

    private static char Printable(byte b) => b is >= 0x20 and < 0x7F ? (char)b : '?';
}
