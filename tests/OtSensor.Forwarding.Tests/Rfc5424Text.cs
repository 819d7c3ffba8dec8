using System.Text;

namespace OtSensor.Forwarding.Tests;

/// <summary>
/// Parses an RFC 5424 message back (§6): header fields, the structured data's elements with their PARAM-VALUEs
/// unescaped (§6.3.3: <c>\"</c>, <c>\\</c>, <c>\]</c>), and MSG with its BOM. Strict: anything malformed throws, so a
/// hostile value that broke out of its quotes fails the test.
/// </summary>
internal static class Rfc5424Text
{
    public sealed record Message(int Pri, string Version, string Timestamp, string Host, string App, string ProcId, string MsgId,
        Dictionary<string, Dictionary<string, string>> Data, string Text, bool Bom);

    public static Message Parse(string m)
    {
        int i = 0;
        if (m[i++] != '<') throw new FormatException("no PRI");
        int close = m.IndexOf('>', StringComparison.Ordinal);
        int pri = int.Parse(m[i..close], System.Globalization.CultureInfo.InvariantCulture);
        i = close + 1;
        string Field()
        {
            int sp = m.IndexOf(' ', i);
            var f = m[i..sp];
            i = sp + 1;
            return f;
        }
        var version = Field();
        var ts = Field();
        var host = Field();
        var app = Field();
        var proc = Field();
        var msgId = Field();
        var data = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        if (m[i] == '-') i++;
        else
        {
            while (i < m.Length && m[i] == '[')
            {
                i++;
                int idEnd = m.IndexOfAny([' ', ']'], i);
                var id = m[i..idEnd];
                i = idEnd;
                var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
                while (m[i] == ' ')
                {
                    i++;
                    int eq = m.IndexOf('=', i);
                    var name = m[i..eq];
                    if (name.Length is 0 or > 32 || name.Any(c => c is ' ' or ']' or '"' or '=' or < '!' or > '~')) throw new FormatException($"bad PARAM-NAME '{name}'");
                    i = eq + 1;
                    if (m[i++] != '"') throw new FormatException($"{name}: value not quoted");
                    var value = new StringBuilder();
                    while (m[i] != '"')
                    {
                        if (m[i] == ']') throw new FormatException($"{name}: unescaped ]");
                        if (m[i] == '\\' && m[i + 1] is '"' or '\\' or ']')
                        {
                            value.Append(m[i + 1]);
                            i += 2;
                            continue;
                        }
                        value.Append(m[i++]);
                    }
                    i++;
                    parameters.Add(name, value.ToString());
                }
                if (m[i++] != ']') throw new FormatException($"{id}: element not closed");
                data.Add(id, parameters);
            }
        }
        string text = "";
        bool bom = false;
        if (i < m.Length)
        {
            if (m[i++] != ' ') throw new FormatException("no space before MSG");
            bom = m[i] == '\uFEFF';
            text = m[(bom ? i + 1 : i)..];
        }
        return new Message(pri, version, ts, host, app, proc, msgId, data, text, bom);
    }
}
