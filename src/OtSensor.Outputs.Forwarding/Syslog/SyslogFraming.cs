namespace OtSensor.Outputs.Forwarding.Syslog;

/// <summary>The syslog header around the CEF text.</summary>
public enum SyslogFraming
{
    /// <summary>RFC 5424 §6: <c>&lt;PRI&gt;1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID SD MSG</c>.</summary>
    Rfc5424,
    /// <summary>RFC 3164 §4.1: <c>&lt;PRI&gt;Mmm dd hh:mm:ss HOSTNAME MSG</c> (what most CEF collectors expect).</summary>
    Rfc3164,
}
