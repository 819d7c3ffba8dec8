using System.Text.Json;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Naming;

namespace OtSensor.Protocols.Tls;

/// <summary>One cleartext TLS handshake message: hello versions, cipher, SNI, ALPN, the first certificate's subject CN.</summary>
/// <remarks>
/// A <c>ref struct</c> over the (reassembled) handshake message, valid only during
/// <see cref="Registry.IProtocolEventSink.OnTls"/>. Event-log contract: <c>function</c> is the handshake type.
/// No identity: the SNI names the server as the client asked for it and the certificate names the service, neither
/// is a statement by the sender about its own device; both are in details.
/// </remarks>
public readonly ref struct TlsMessage : IProtocolMessage
{
    private readonly ReadOnlySpan<byte> _message;
    private readonly TlsDecoded _d;
    private readonly bool _fromServer;

    internal TlsMessage(ReadOnlySpan<byte> message, scoped in TlsDecoded decoded, bool fromServer)
    {
        _message = message;
        _d = decoded;
        _fromServer = fromServer;
    }

    public ProtocolId Protocol => ProtocolId.Tls;

    public int Function => _d.Type;

    public string? FunctionName => TlsNames.Handshake(_d.Type);

    public OtOperation Operation => OtOperation.Authentication;

    /// <summary>Messages the server sends (ServerHello, Certificate, …) are responses; the direction decides.</summary>
    public bool IsResponse => _fromServer;

    public ulong Anomalies => (ulong)_d.Anomalies;

    public TlsAnomalies AnomalyFlags => _d.Anomalies;

    public string AnomalyName(int bit) => TlsNames.Anomaly(bit);

    public ReadOnlySpan<byte> ServerName => _message.Slice(_d.ServerNameOffset, _d.ServerNameLength);

    public ReadOnlySpan<byte> SubjectCommonName => _message.Slice(_d.CommonNameOffset, _d.CommonNameLength);

    public bool HasIdentity => false;

    public void ReportIdentity(IIdentityReceiver receiver) => ArgumentNullException.ThrowIfNull(receiver);

    public void WriteDetails(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumber(TlsFields.Length, _d.Length);
        if (_d.Version >= 0)
        {
            writer.WriteNumber(TlsFields.Version, _d.Version);
            WriteNameOrNull(writer, TlsFields.VersionName, TlsNames.Version(_d.Version));
            writer.WriteNumber(TlsFields.SessionIdLength, _d.SessionIdLength);
            writer.WriteNumber(TlsFields.ExtensionCount, _d.ExtensionCount);
        }
        if (_d.SupportedVersion >= 0)
        {
            writer.WriteNumber(TlsFields.SupportedVersion, _d.SupportedVersion);
            WriteNameOrNull(writer, TlsFields.SupportedVersionName, TlsNames.Version(_d.SupportedVersion));
        }
        if (_d.CipherSuite >= 0) writer.WriteNumber(TlsFields.CipherSuite, _d.CipherSuite);
        if (_d.Type == TlsConstants.ClientHello && _d.Version >= 0) writer.WriteNumber(TlsFields.CipherSuiteCount, _d.CipherSuiteCount);
        if (_d.ServerNameLength > 0) NamingJson.WriteText(writer, TlsFields.ServerName, ServerName);
        if (_d.AlpnLength > 0) NamingJson.WriteText(writer, TlsFields.Alpn, _message.Slice(_d.AlpnOffset, _d.AlpnLength));
        if (_d.Type == TlsConstants.Certificate) writer.WriteNumber(TlsFields.CertificateCount, _d.CertificateCount);
        if (_d.CommonNameLength > 0) NamingJson.WriteText(writer, TlsFields.SubjectCommonName, SubjectCommonName);
    }

    private static void WriteNameOrNull(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null) writer.WriteNull(name);
        else writer.WriteString(name, value);
    }
}
