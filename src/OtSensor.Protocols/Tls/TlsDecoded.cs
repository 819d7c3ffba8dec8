namespace OtSensor.Protocols.Tls;

/// <summary>The fields of one handshake message, filled by <see cref="TlsParser"/>; text fields are offsets into it.</summary>
internal struct TlsDecoded
{
    public byte Type;
    public int Length;
    public int Version;
    public int SupportedVersion;
    public int CipherSuite;
    public int CipherSuiteCount;
    public int SessionIdLength;
    public int ExtensionCount;
    public int ServerNameOffset, ServerNameLength;
    public int AlpnOffset, AlpnLength;
    public int CertificateCount;
    public int CommonNameOffset, CommonNameLength;
    public TlsAnomalies Anomalies;
}
