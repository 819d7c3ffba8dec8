using System.Text;

namespace OtSensor.Analysis.Inventory;

/// <summary>
/// The evidence-carrying attributes of one device. A statement replaces the current value only when it is
/// strictly more confident (the first of equally confident statements stays), and callers ask
/// <see cref="Accepts"/> before building a value string, so repeated identity polls allocate nothing.
/// </summary>
public sealed class DeviceEvidence
{
    private const int MaxValueLength = 128;
    private readonly Evidence[] _values = new Evidence[(int)DeviceAttribute.Count];

    public Evidence this[DeviceAttribute attribute] => _values[(int)attribute];

    public string? Value(DeviceAttribute attribute) => _values[(int)attribute].Value;

    public bool IsEmpty
    {
        get
        {
            foreach (var e in _values)
                if (e.HasValue) return false;
            return true;
        }
    }

    /// <summary>Would a statement of this confidence replace the current value?</summary>
    public bool Accepts(DeviceAttribute attribute, byte confidence)
    {
        ref readonly var current = ref _values[(int)attribute];
        return !current.HasValue || confidence > current.Confidence;
    }

    /// <summary>States a value; kept when more confident than the current one. Returns whether it was kept.</summary>
    public bool Set(DeviceAttribute attribute, string value, string source, string? detail, byte confidence)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == 0 || !Accepts(attribute, confidence)) return false;
        _values[(int)attribute] = new Evidence(value, source, detail, confidence);
        return true;
    }

    /// <summary>States a value given as wire bytes (printable ASCII kept, trimmed, bounded): the string is made only when kept.</summary>
    public bool Set(DeviceAttribute attribute, ReadOnlySpan<byte> value, string source, string? detail, byte confidence)
    {
        if (!Accepts(attribute, confidence)) return false;
        var text = Clean(value);
        return text.Length > 0 && Set(attribute, text, source, detail, confidence);
    }

    /// <summary>Removes a value (the classifier re-runs from scratch at the end of each run).</summary>
    internal void Clear(DeviceAttribute attribute) => _values[(int)attribute] = default;

    /// <summary>Takes every attribute of <paramref name="other"/> that is more confident than ours (device merging).</summary>
    internal void Absorb(DeviceEvidence other)
    {
        for (int i = 0; i < _values.Length; i++)
        {
            var e = other._values[i];
            if (e.HasValue) Set((DeviceAttribute)i, e.Value!, e.Source, e.Detail, e.Confidence);
        }
    }

    /// <summary>Printable ASCII only, trimmed and bounded: device strings are attacker-controlled.</summary>
    private static string Clean(ReadOnlySpan<byte> value)
    {
        if (value.Length > MaxValueLength) value = value[..MaxValueLength];
        var builder = new StringBuilder(value.Length);
        foreach (byte b in value)
            builder.Append(b is >= 0x20 and < 0x7F ? (char)b : ' ');
        return builder.ToString().Trim();
    }
}
