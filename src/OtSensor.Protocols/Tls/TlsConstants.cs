namespace OtSensor.Protocols.Tls;

/// <summary>Record and handshake constants of TLS 1.0–1.3 (RFC 5246 §6.2, §7.4; RFC 8446 §4, §5).</summary>
public static class TlsConstants
{
    public const ushort Port = 443;

    public const int RecordHeaderLength = 5;
    public const int HandshakeHeaderLength = 4;

    /// <summary>RFC 8446 §5.1–5.2: a plaintext fragment is at most 2^14 bytes, a protected one 2^14 + 256; older stacks allow 2^14 + 2048.</summary>
    public const int MaxRecordLength = 16384 + 2048;

    /// <summary>Largest handshake message reassembled (certificate chains); larger ones are skipped with an anomaly.</summary>
    public const int MaxHandshakeMessage = 64 * 1024;

    public const byte ContentChangeCipherSpec = 20;
    public const byte ContentAlert = 21;
    public const byte ContentHandshake = 22;
    public const byte ContentApplicationData = 23;
    public const byte ContentHeartbeat = 24;

    public const byte ClientHello = 1;
    public const byte ServerHello = 2;
    public const byte Certificate = 11;

    public const ushort ExtensionServerName = 0;
    public const ushort ExtensionAlpn = 16;
    public const ushort ExtensionSupportedVersions = 43;

    public const ushort Tls13 = 0x0304;
}
