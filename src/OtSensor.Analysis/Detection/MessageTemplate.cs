using System.Globalization;
using System.Text;
using OtSensor.Core.Protocols;

namespace OtSensor.Analysis.Detection;

/// <summary>
/// An alert message with named placeholders, e.g. <c>"{source} sent {protocol} {function} to {destination}"</c>,
/// parsed once when the catalogue loads (an unknown placeholder is a load error) and rendered when alerts are written.
/// </summary>
public sealed class MessageTemplate
{
    /// <summary>Every placeholder a template may use.</summary>
    public static readonly IReadOnlyList<string> Placeholders =
        ["source", "destination", "protocol", "function", "functionCode", "operation", "port", "count", "window", "value", "previous"];

    private readonly string[] _literals;
    private readonly int[] _fields;

    private MessageTemplate(string text, string[] literals, int[] fields)
    {
        Text = text;
        _literals = literals;
        _fields = fields;
    }

    public string Text { get; }

    /// <summary>Parses <paramref name="text"/>; null and an error message when it names an unknown placeholder or a brace is unclosed.</summary>
    public static MessageTemplate? TryParse(string text, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        var literals = new List<string>();
        var fields = new List<int>();
        int position = 0;
        while (true)
        {
            int open = text.IndexOf('{', position);
            if (open < 0)
            {
                literals.Add(text[position..]);
                break;
            }
            int close = text.IndexOf('}', open + 1);
            if (close < 0)
            {
                error = $"unclosed '{{' at {open}";
                return null;
            }
            var name = text[(open + 1)..close];
            int field = IndexOf(name);
            if (field < 0)
            {
                error = $"unknown placeholder {{{name}}} (known: {string.Join(", ", Placeholders)})";
                return null;
            }
            literals.Add(text[position..open]);
            fields.Add(field);
            position = close + 1;
        }
        error = null;
        return new MessageTemplate(text, [.. literals], [.. fields]);
    }

    private static int IndexOf(string name)
    {
        for (int i = 0; i < Placeholders.Count; i++)
            if (string.Equals(Placeholders[i], name, StringComparison.Ordinal)) return i;
        return -1;
    }

    /// <summary>The message for one alert.</summary>
    public string Render(string source, string destination, in AlertArguments arguments, long count, TimeSpan window)
    {
        var builder = new StringBuilder(Text.Length + 64);
        for (int i = 0; i < _fields.Length; i++)
        {
            builder.Append(_literals[i]);
            builder.Append(_fields[i] switch
            {
                0 => source,
                1 => destination,
                2 => ProtocolNames.Get(arguments.Protocol),
                3 => arguments.FunctionName ?? (arguments.Function >= 0 ? "function " + arguments.Function.ToString(CultureInfo.InvariantCulture) : "?"),
                4 => arguments.Function.ToString(CultureInfo.InvariantCulture),
                5 => OtOperationNames.Get(arguments.Operation),
                6 => arguments.Port.ToString(CultureInfo.InvariantCulture),
                7 => count.ToString(CultureInfo.InvariantCulture),
                8 => FormatWindow(window),
                9 => arguments.Value ?? "?",
                _ => arguments.Previous ?? "?",
            });
        }
        builder.Append(_literals[^1]);
        return builder.ToString();
    }

    private static string FormatWindow(TimeSpan window) => window.TotalSeconds switch
    {
        < 120 => window.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + " s",
        < 7200 => window.TotalMinutes.ToString("0.#", CultureInfo.InvariantCulture) + " min",
        _ => window.TotalHours.ToString("0.#", CultureInfo.InvariantCulture) + " h",
    };
}
