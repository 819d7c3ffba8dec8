namespace OtSensor.Outputs.Forwarding.Syslog;

/// <summary>How syslog messages travel.</summary>
public enum SyslogTransport
{
    /// <summary>RFC 5426: one message per datagram, no delivery confirmation.</summary>
    Udp,
    /// <summary>RFC 6587 §3.4.1 octet counting: <c>LENGTH SP MESSAGE</c>.</summary>
    Tcp,
    /// <summary>RFC 5425: octet counting over TLS, server certificate validated.</summary>
    Tls,
}
