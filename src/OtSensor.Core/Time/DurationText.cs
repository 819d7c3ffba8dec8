using System.Globalization;

namespace OtSensor.Core.Time;

/// <summary>
/// Durations as people write them on the command line and in configuration files: <c>90s</c>, <c>2m</c>, <c>1.5h</c>,
/// <c>7d</c>, a bare number of seconds, or <c>hh:mm:ss</c>.
/// </summary>
public static class DurationText
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        text = text.Trim();
        if (text.Contains(':', StringComparison.Ordinal)) return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out duration) && duration >= TimeSpan.Zero;
        double unit = char.ToLowerInvariant(text[^1]) switch
        {
            's' => 1,
            'm' => 60,
            'h' => 3600,
            'd' => 86400,
            _ => 0,
        };
        var number = unit == 0 ? text : text[..^1];
        if (unit == 0) unit = 1;
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || value < 0 || value * unit > TimeSpan.MaxValue.TotalSeconds / 2) return false;
        duration = TimeSpan.FromSeconds(value * unit);
        return true;
    }
}
