namespace OtSensor.Protocols.Tls;

/// <summary>Stable names of the keys <see cref="TlsMessage.WriteDetails"/> writes and of the session's stream anomalies.</summary>
public static class TlsFields
{
    public const string Length = "length";
    public const string Version = "version";
    public const string VersionName = "versionName";
    public const string SupportedVersion = "supportedVersion";
    public const string SupportedVersionName = "supportedVersionName";
    public const string CipherSuite = "cipherSuite";
    public const string CipherSuiteCount = "cipherSuiteCount";
    public const string SessionIdLength = "sessionIdLength";
    public const string ExtensionCount = "extensionCount";
    public const string ServerName = "serverName";
    public const string Alpn = "alpn";
    public const string CertificateCount = "certificateCount";
    public const string SubjectCommonName = "subjectCommonName";

    /// <summary>Stream anomaly: a record header that is not TLS (type or version); the direction is skipped from there.</summary>
    public const string NotTls = "not_tls";

    /// <summary>Stream anomaly: a handshake message above <see cref="TlsConstants.MaxHandshakeMessage"/>; skipped.</summary>
    public const string HandshakeTooLong = "handshake_too_long";
}
