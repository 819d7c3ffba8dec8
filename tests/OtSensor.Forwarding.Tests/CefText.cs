using System.Text;

namespace OtSensor.Forwarding.Tests;

/// <summary>A strict reader of CEF for the tests: header fields split on unescaped pipes, extensions unescaped.</summary>
internal static class CefText
{
    public static (string[] Header, Dictionary<string, string> Extensions) Parse(string cef)
    {
        var header = new List<string>();
        var field = new StringBuilder();
        int i = 0;
        while (header.Count < 7)
        {
            char c = cef[i++];
            if (c == '\\' && (cef[i] == '\\' || cef[i] == '|')) field.Append(cef[i++]);
            else if (c == '|')
            {
                header.Add(field.ToString());
                field.Clear();
            }
            else
            {
                Assert.False(c is '\r' or '\n', "line break in the CEF header");
                field.Append(c);
            }
        }
        var extensions = new Dictionary<string, string>(StringComparer.Ordinal);
        string? key = null;
        var value = new StringBuilder();
        int start = i;
        while (i <= cef.Length)
        {
            // A key starts at the beginning or after a space: [A-Za-z0-9_]+ followed by an unescaped '='.
            if ((i == start || cef[i - 1] == ' ') && TryKey(cef, i, out var next, out int after))
            {
                if (key is not null) extensions[key] = value.ToString().TrimEnd(' ');
                key = next;
                value.Clear();
                i = after;
                continue;
            }
            if (i == cef.Length) break;
            char c = cef[i++];
            Assert.False(c is '\r' or '\n', "raw line break in a CEF extension");
            if (c == '\\')
            {
                char e = cef[i++];
                value.Append(e switch { 'n' => '\n', 'r' => '\r', '\\' => '\\', '=' => '=', _ => throw new FormatException($"bad escape \\{e}") });
            }
            else
            {
                Assert.False(c == '=', $"unescaped '=' in the value of {key}");
                value.Append(c);
            }
        }
        if (key is not null) extensions[key] = value.ToString();
        return ([.. header], extensions);
    }

    private static bool TryKey(string s, int i, out string key, out int after)
    {
        int j = i;
        while (j < s.Length && (char.IsAsciiLetterOrDigit(s[j]) || s[j] == '_')) j++;
        key = s[i..j];
        after = j + 1;
        return j > i && j < s.Length && s[j] == '=' && (i == 0 || s[i - 1] != '\\');
    }
}
