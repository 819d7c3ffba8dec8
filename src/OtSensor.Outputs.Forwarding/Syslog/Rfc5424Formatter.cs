using System.Globalization;
using System.Text;
using OtSensor.Outputs.Forwarding.EventHubs;

namespace OtSensor.Outputs.Forwarding.Syslog;

/// <summary>
/// A plain RFC 5424 syslog message for one alert: the fields as one SD-ELEMENT, the alert's message as MSG.
/// </summary>
/// <remarks>
/// <code>
/// &lt;PRI&gt;1 TIMESTAMP HOSTNAME OtSensor - alert [otsensor@32473 sensor="…" alertId="…" type="…" title="…"
///     severity="…" engine="…" category="…" protocol="…" src="…" dst="…" srcDevice="…" dstDevice="…" count="…"
///     start="…" end="…" status="…" externalId="…" messageId="…" techniques="…" remediation="…"] BOM MSG
/// </code>
/// <para>SD-ID <c>otsensor@32473</c>: RFC 5424 §7.2.2 asks for a private enterprise number after the <c>@</c>; 32473 is
/// the number reserved for documentation and examples (RFC 5612), to be replaced by the operator's own if a collector
/// keys on it.</para>
/// <para>PARAM-VALUE escaping (§6.3.3): <c>"</c>, <c>\</c> and <c>]</c> are preceded by a backslash. Control characters
/// (line breaks included) become spaces: allowed by the RFC, but collectors that split on line ends would let alert
/// text forge a second message. MSG is UTF-8 and so starts with a BOM (§6.4). Empty fields are left out.</para>
/// <para>PRI as the CEF path: facility user (1), severity by alert severity (Critical 2, Major 3, Minor 4, Warning 5).</para>
/// </remarks>
public static class Rfc5424Formatter
{
    /// <summary>SD-ID of the alert element.</summary>
    public const string SdId = "otsensor@32473";

    /// <summary>The whole message (no transport framing).</summary>
    public static string Format(OutboundAlert a, string hostname)
    {
        ArgumentNullException.ThrowIfNull(a);
        var s = new StringBuilder(768);
        s.Append('<').Append(Pri(a.Severity).ToString(CultureInfo.InvariantCulture)).Append(">1 ");
        s.Append(a.LastDetection.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture)).Append(' ');
        s.Append(Token(hostname, 255)).Append(" OtSensor - alert [").Append(SdId);
        Param(s, "sensor", a.Sensor);
        Param(s, "alertId", a.AlertId.ToString(CultureInfo.InvariantCulture));
        Param(s, "type", a.Type);
        Param(s, "title", a.Title);
        Param(s, "severity", a.Severity);
        Param(s, "engine", a.Engine);
        Param(s, "category", a.Category);
        Param(s, "protocol", a.Protocol);
        Param(s, "src", a.SourceAddress);
        Param(s, "dst", a.DestinationAddress);
        Param(s, "srcDevice", a.SourceDevice?.ToString(CultureInfo.InvariantCulture));
        Param(s, "dstDevice", a.DestinationDevice?.ToString(CultureInfo.InvariantCulture));
        Param(s, "count", a.Count.ToString(CultureInfo.InvariantCulture));
        Param(s, "start", SecurityAlertRecord.Iso(a.FirstDetection));
        Param(s, "end", SecurityAlertRecord.Iso(a.LastDetection));
        Param(s, "status", a.Status);
        Param(s, "externalId", a.AlertKey);
        Param(s, "messageId", a.MessageId);
        Param(s, "techniques", string.Join(',', a.Techniques));
        Param(s, "remediation", string.Join(" | ", a.RemediationSteps));
        s.Append("] \uFEFF");
        foreach (char c in a.Message) s.Append(char.IsControl(c) ? ' ' : c);
        return s.ToString();
    }

    /// <summary>PRI: facility user (1·8) plus the syslog severity of the alert severity.</summary>
    public static int Pri(string severity) => 8 + severity switch { "Critical" => 2, "Major" => 3, "Minor" => 4, _ => 5 };

    private static void Param(StringBuilder s, string name, string? value)
    {
        if (string.IsNullOrEmpty(value)) return;
        s.Append(' ').Append(name).Append("=\"");
        foreach (char c in value)
        {
            if (c is '"' or '\\' or ']') s.Append('\\').Append(c);
            else s.Append(char.IsControl(c) ? ' ' : c);
        }
        s.Append('"');
    }

    /// <summary>Header fields are 1–<paramref name="max"/> printable ASCII characters (§6: PRINTUSASCII).</summary>
    public static string Token(string value, int max)
    {
        var b = new StringBuilder(Math.Min(value.Length, max));
        foreach (char c in value)
        {
            if (b.Length == max) break;
            b.Append(c is > ' ' and < (char)127 ? c : '_');
        }
        return b.Length == 0 ? "-" : b.ToString();
    }
}
