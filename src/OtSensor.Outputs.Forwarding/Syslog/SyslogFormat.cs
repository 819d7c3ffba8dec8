namespace OtSensor.Outputs.Forwarding.Syslog;

/// <summary>What a syslog message carries.</summary>
public enum SyslogFormat
{
    /// <summary>ArcSight CEF in the message text (<see cref="CefFormatter"/>), header per <see cref="SyslogFraming"/>.</summary>
    Cef,
    /// <summary>Plain RFC 5424: the alert fields as structured data, the alert message as MSG (<see cref="Rfc5424Formatter"/>).</summary>
    Rfc5424,
}
