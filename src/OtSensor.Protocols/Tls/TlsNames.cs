namespace OtSensor.Protocols.Tls;

/// <summary>Static names for handshake types, versions and anomaly bits.</summary>
/// <remarks>Handshake names follow tshark 4.0's <c>tls.handshake.type</c> value strings.</remarks>
public static class TlsNames
{
    private static readonly string[] Anomalies = ["truncated", "obsolete_version", "bad_certificate"];

    public static string? Handshake(int type) => type switch
    {
        0 => "Hello Request", 1 => "Client Hello", 2 => "Server Hello", 3 => "Hello Verify Request", 4 => "New Session Ticket",
        5 => "End of Early Data", 8 => "Encrypted Extensions", 11 => "Certificate", 12 => "Server Key Exchange",
        13 => "Certificate Request", 14 => "Server Hello Done", 15 => "Certificate Verify", 16 => "Client Key Exchange",
        20 => "Finished", 21 => "Certificate URL", 22 => "Certificate Status", 24 => "Key Update", 254 => "Message Hash",
        _ => null,
    };

    public static string? Version(int version) => version switch
    {
        0x0300 => "SSL 3.0", 0x0301 => "TLS 1.0", 0x0302 => "TLS 1.1", 0x0303 => "TLS 1.2", 0x0304 => "TLS 1.3", _ => null,
    };

    /// <summary>Stable name of one <see cref="TlsAnomalies"/> bit.</summary>
    public static string Anomaly(int bit) => (uint)bit < (uint)Anomalies.Length ? Anomalies[bit] : "unknown";
}
