using System.Globalization;
using System.Text;
using OtSensor.Outputs.Forwarding.EventHubs;

namespace OtSensor.Outputs.Forwarding.Syslog;

/// <summary>
/// ArcSight Common Event Format for one alert:
/// <c>CEF:0|OtSensor|OtSensor|version|typeId|title|severity|extensions</c>.
/// </summary>
/// <remarks>
/// <para>Escaping (CEF Implementation Standard, "Character encoding"): in the header a pipe and a backslash are
/// escaped (<c>\|</c>, <c>\\</c>) and line breaks, which the header may not hold, become spaces; in extension values
/// a backslash, an equals sign and line breaks are escaped (<c>\\</c>, <c>\=</c>, <c>\n</c>, <c>\r</c>), a pipe is
/// left as is. Text is UTF-8.</para>
/// <para>Severity 0–10 as the sensor's CEF forwarding writes it (sensor-reference §10.5): Warning 1, Minor 4, Major 8,
/// Critical 10.</para>
/// <para>Extensions: <c>rt</c> (last detection, ms since epoch), <c>start</c>/<c>end</c>, <c>src</c>/<c>dst</c> (IPv4),
/// <c>c6a2</c>/<c>c6a3</c> (IPv6), <c>smac</c>/<c>dmac</c> (layer-2 alerts), <c>app</c> (industrial protocol),
/// <c>act</c> (status), <c>cat</c> (alert group), <c>cnt</c>, <c>externalId</c> (alert key), <c>msg</c>, <c>dvchost</c>
/// (sensor), <c>cs1</c> engine, <c>cs2</c> MITRE techniques, <c>cs3</c> message id, <c>cs4</c> remediation.</para>
/// </remarks>
public static class CefFormatter
{
    public static string Format(OutboundAlert a, string version)
    {
        var s = new StringBuilder(512);
        s.Append("CEF:0|OtSensor|OtSensor|");
        Header(s, version).Append('|');
        Header(s, a.Type).Append('|');
        Header(s, a.Title).Append('|');
        s.Append(Severity(a.Severity).ToString(CultureInfo.InvariantCulture)).Append('|');
        Ext(s, "rt", a.LastDetection.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
        Ext(s, "start", a.FirstDetection.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
        Ext(s, "end", a.LastDetection.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
        Address(s, a.SourceAddress, "src", "smac", "c6a2");
        Address(s, a.DestinationAddress, "dst", "dmac", "c6a3");
        if (!string.IsNullOrEmpty(a.Protocol)) Ext(s, "app", a.Protocol);
        Ext(s, "act", a.Status);
        Ext(s, "cat", string.IsNullOrEmpty(a.Category) ? "NA" : a.Category);
        Ext(s, "cnt", a.Count.ToString(CultureInfo.InvariantCulture));
        Ext(s, "externalId", a.AlertKey);
        Ext(s, "dvchost", a.Sensor);
        Ext(s, "cs1Label", "Engine");
        Ext(s, "cs1", a.Engine);
        if (a.Techniques.Count > 0)
        {
            Ext(s, "cs2Label", "MITRE ATT&CK for ICS");
            Ext(s, "cs2", string.Join(',', a.Techniques));
        }
        Ext(s, "cs3Label", "MessageId");
        Ext(s, "cs3", a.MessageId);
        if (a.RemediationSteps.Count > 0)
        {
            Ext(s, "cs4Label", "Remediation");
            Ext(s, "cs4", string.Join('\n', a.RemediationSteps));
        }
        Ext(s, "msg", a.Message);
        return s.ToString();
    }

    /// <summary>CEF severity of a sensor severity (§10.5).</summary>
    public static int Severity(string severity) => severity switch
    {
        "Critical" => 10,
        "Major" => 8,
        "Minor" => 4,
        _ => 1,
    };

    /// <summary>Header field: <c>\</c> → <c>\\</c>, <c>|</c> → <c>\|</c>, line breaks → space.</summary>
    public static StringBuilder Header(StringBuilder s, string value)
    {
        foreach (char c in value)
        {
            switch (c)
            {
                case '\\': s.Append(@"\\"); break;
                case '|': s.Append(@"\|"); break;
                case '\r' or '\n': s.Append(' '); break;
                default: s.Append(c); break;
            }
        }
        return s;
    }

    /// <summary>Extension value: <c>\</c> → <c>\\</c>, <c>=</c> → <c>\=</c>, CR → <c>\r</c>, LF → <c>\n</c>.</summary>
    public static StringBuilder ExtensionValue(StringBuilder s, string value)
    {
        foreach (char c in value)
        {
            switch (c)
            {
                case '\\': s.Append(@"\\"); break;
                case '=': s.Append(@"\="); break;
                case '\r': s.Append(@"\r"); break;
                case '\n': s.Append(@"\n"); break;
                default: s.Append(c); break;
            }
        }
        return s;
    }

    private static void Ext(StringBuilder s, string key, string value)
    {
        if (s[^1] != '|') s.Append(' ');
        s.Append(key).Append('=');
        ExtensionValue(s, value);
    }

    private static void Address(StringBuilder s, string? address, string ipv4Key, string macKey, string ipv6Key)
    {
        if (string.IsNullOrEmpty(address)) return;
        if (SecurityAlertRecord.IsMac(address)) Ext(s, macKey, address);
        else if (address.Contains(':', StringComparison.Ordinal))
        {
            Ext(s, ipv6Key + "Label", ipv4Key == "src" ? "Source IPv6" : "Destination IPv6");
            Ext(s, ipv6Key, address);
        }
        else Ext(s, ipv4Key, address);
    }
}
