using OtSensor.Core.Parsing;

namespace OtSensor.Protocols.Fox;

/// <summary>Finds and decodes Niagara Fox text messages.</summary>
/// <remarks>
/// <para>Fox is unpublished; the layout is the one Tridium stations and Workbench exchange in the clear on TCP 1911,
/// as public tools (the Nmap <c>fox-info</c> script) send and read it:</para>
/// <code>
///  fox a 1 -1 fox hello\n          header: "fox", "a", two integers, channel, command
///  {\n
///  fox.version=s:1.0\n             fields: key '=' type ':' value (s string, i integer, b boolean, o object ...)
///  hostName=s:station1\n
///  app.name=s:Station\n
///  app.version=s:3.8.311\n
///  };;\n                           end of message
/// </code>
/// <para>Nothing is copied: the message keeps offsets into the buffer. Never throws.</para>
/// </remarks>
public static class FoxParser
{
    private static ReadOnlySpan<byte> Prefix => "fox a "u8;

    private static ReadOnlySpan<byte> Terminator => "};;\n"u8;

    /// <summary>Recognises a Fox header line at the start of <paramref name="data"/>.</summary>
    public static ProbeResult ProbeHeader(ReadOnlySpan<byte> data)
    {
        int n = Math.Min(data.Length, Prefix.Length);
        if (!data[..n].SequenceEqual(Prefix[..n])) return ProbeResult.Unrecognized;
        int end = data.IndexOf((byte)'\n');
        if (end < 0) return data.Length > FoxConstants.MaxHeaderLine ? ProbeResult.Unrecognized : ProbeResult.Incomplete;
        return end <= FoxConstants.MaxHeaderLine && IsHeaderLine(data[..end]) ? ProbeResult.Recognized : ProbeResult.Unrecognized;
    }

    /// <summary>Length of the whole message at the start of <paramref name="data"/> (through "};;\n"); 0 when not there yet.</summary>
    public static int MessageLength(ReadOnlySpan<byte> data)
    {
        int end = data.IndexOf(Terminator);
        return end < 0 ? 0 : end + Terminator.Length;
    }

    /// <summary>Parses one whole message.</summary>
    public static FoxMessage Parse(ReadOnlySpan<byte> message)
    {
        FoxAnomalies anomalies = FoxAnomalies.None;
        int lineEnd = message.IndexOf((byte)'\n');
        if (lineEnd < 0) lineEnd = message.Length;
        var header = message[..lineEnd];
        if (!IsHeaderLine(header)) anomalies |= FoxAnomalies.MalformedHeader;

        // The command is the last word of the header line ("hello"), the channel the one before it.
        int commandStart = header.LastIndexOf((byte)' ') + 1;
        var before = header[..Math.Max(commandStart - 1, 0)];
        int channelStart = before.LastIndexOf((byte)' ') + 1;

        var body = message[Math.Min(lineEnd + 1, message.Length)..];
        foreach (var line in new FoxLineEnumerator(body))
        {
            if (line.IsEmpty || line[0] == (byte)'{' || line[0] == (byte)'}') continue;
            int eq = line.IndexOf((byte)'=');
            if (eq <= 0 || line[(eq + 1)..].IndexOf((byte)':') < 0) anomalies |= FoxAnomalies.MalformedField;
        }
        return new FoxMessage(message, channelStart, commandStart - 1 - channelStart, commandStart, header.Length - commandStart, anomalies);
    }

    /// <summary>"fox a" then two signed integers, a channel and a command, single spaces.</summary>
    private static bool IsHeaderLine(ReadOnlySpan<byte> line)
    {
        if (!line.StartsWith(Prefix)) return false;
        var rest = line[Prefix.Length..];
        for (int field = 0; field < 4; field++)
        {
            int space = rest.IndexOf((byte)' ');
            var word = field < 3 ? (space < 0 ? default : rest[..space]) : rest;
            if (word.IsEmpty) return false;
            bool numeric = field < 2;
            for (int i = 0; i < word.Length; i++)
            {
                byte b = word[i];
                bool ok = numeric ? (b is >= (byte)'0' and <= (byte)'9' || (i == 0 && b == (byte)'-' && word.Length > 1)) : b is > 0x20 and < 0x7F;
                if (!ok) return false;
            }
            if (field < 3) rest = rest[(space + 1)..];
        }
        return true;
    }
}
