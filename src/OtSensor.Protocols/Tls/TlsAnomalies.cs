namespace OtSensor.Protocols.Tls;

/// <summary>What was wrong with one TLS handshake message. Several bits can be set; the message is still emitted.</summary>
/// <remarks>Bit names are stable: they are written to <c>events.jsonl</c> through <see cref="TlsNames.Anomaly"/>.</remarks>
[Flags]
public enum TlsAnomalies : ulong
{
    None = 0,

    /// <summary>A field of the hello or certificate message runs past the message (lying vector or extension length).</summary>
    Truncated = 1UL << 0,

    /// <summary>SSL 3.0 or older offered or chosen (RFC 7568 deprecates SSL 3.0).</summary>
    ObsoleteVersion = 1UL << 1,

    /// <summary>A certificate that is not a DER SEQUENCE or whose subject does not decode.</summary>
    BadCertificate = 1UL << 2,
}
