using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using OtSensor.Protocols.Ber;

namespace OtSensor.Protocols.Tls;

/// <summary>Decodes the naming fields of one handshake message in place: hellos, and the first certificate's subject CN.</summary>
/// <remarks>
/// <code>
/// Handshake: type (1) | length (3) | body                                              (RFC 8446 §4)
/// ClientHello: legacy_version (2) | random (32) | session_id &lt;0..32&gt; | cipher_suites &lt;2..2^16-2&gt;
///              | compression_methods &lt;1..2^8-1&gt; | extensions &lt;8..2^16-1&gt;
/// ServerHello: legacy_version (2) | random (32) | session_id | cipher_suite (2) | compression (1) | extensions
/// Extension: type (2) | length (2) | data; server_name: list (2) | type 0 (1) | name (2 + n)   (RFC 6066 §3)
/// Certificate (≤ 1.2): certificate_list (3) | { cert (3 + n) } …; cert = X.509 DER      (RFC 5246 §7.4.2)
/// </code>
/// The subject's commonName (2.5.4.3) is read with the bounded BER reader shared with MMS.
/// </remarks>
public static class TlsParser
{
    /// <summary>id-at-commonName, X.520: 2.5.4.3 in BER.</summary>
    private static ReadOnlySpan<byte> CommonNameOid => [0x55, 0x04, 0x03];

    internal static void Parse(ReadOnlySpan<byte> message, out TlsDecoded d)
    {
        d = default;
        d.Type = message[0];
        d.Length = (message[1] << 16) | (message[2] << 8) | message[3];
        d.Version = -1;
        d.SupportedVersion = -1;
        d.CipherSuite = -1;
        var body = message[TlsConstants.HandshakeHeaderLength..];
        switch (d.Type)
        {
            case TlsConstants.ClientHello or TlsConstants.ServerHello:
                Hello(message, body, ref d);
                break;
            case TlsConstants.Certificate:
                Certificate(message, body, ref d);
                break;
        }
    }

    private static void Hello(ReadOnlySpan<byte> message, ReadOnlySpan<byte> body, ref TlsDecoded d)
    {
        if (body.Length < 35) { d.Anomalies |= TlsAnomalies.Truncated; return; }
        d.Version = BinaryPrimitives.ReadUInt16BigEndian(body);
        int pos = 34;
        d.SessionIdLength = body[pos++];
        if (d.SessionIdLength > 32 || d.SessionIdLength > body.Length - pos) { d.Anomalies |= TlsAnomalies.Truncated; return; }
        pos += d.SessionIdLength;
        bool client = d.Type == TlsConstants.ClientHello;
        if (client)
        {
            if (pos + 2 > body.Length) { d.Anomalies |= TlsAnomalies.Truncated; return; }
            int suites = BinaryPrimitives.ReadUInt16BigEndian(body[pos..]);
            pos += 2;
            if (suites > body.Length - pos) { d.Anomalies |= TlsAnomalies.Truncated; return; }
            d.CipherSuiteCount = suites / 2;
            pos += suites;
            if (pos >= body.Length) { d.Anomalies |= TlsAnomalies.Truncated; return; }
            int compression = body[pos++];
            if (compression > body.Length - pos) { d.Anomalies |= TlsAnomalies.Truncated; return; }
            pos += compression;
        }
        else
        {
            if (pos + 3 > body.Length) { d.Anomalies |= TlsAnomalies.Truncated; return; }
            d.CipherSuite = BinaryPrimitives.ReadUInt16BigEndian(body[pos..]);
            pos += 3;
        }
        if (d.Version < 0x0301) d.Anomalies |= TlsAnomalies.ObsoleteVersion;
        if (pos == body.Length) return; // no extensions (allowed before TLS 1.3)
        if (pos + 2 > body.Length) { d.Anomalies |= TlsAnomalies.Truncated; return; }
        int total = BinaryPrimitives.ReadUInt16BigEndian(body[pos..]);
        pos += 2;
        if (total > body.Length - pos) { d.Anomalies |= TlsAnomalies.Truncated; return; }
        var extensions = body.Slice(pos, total);
        int bodyOffset = TlsConstants.HandshakeHeaderLength + pos;
        int e = 0;
        while (e + 4 <= extensions.Length)
        {
            int type = BinaryPrimitives.ReadUInt16BigEndian(extensions[e..]);
            int length = BinaryPrimitives.ReadUInt16BigEndian(extensions[(e + 2)..]);
            if (length > extensions.Length - e - 4) { d.Anomalies |= TlsAnomalies.Truncated; return; }
            var data = extensions.Slice(e + 4, length);
            int dataOffset = bodyOffset + e + 4;
            d.ExtensionCount++;
            switch (type)
            {
                case TlsConstants.ExtensionServerName when client && data.Length >= 5 && data[2] == 0:
                    int nameLength = BinaryPrimitives.ReadUInt16BigEndian(data[3..]);
                    if (nameLength <= data.Length - 5) (d.ServerNameOffset, d.ServerNameLength) = (dataOffset + 5, nameLength);
                    else d.Anomalies |= TlsAnomalies.Truncated;
                    break;
                case TlsConstants.ExtensionAlpn when data.Length >= 3:
                    int protocolLength = data[2];
                    if (protocolLength <= data.Length - 3) (d.AlpnOffset, d.AlpnLength) = (dataOffset + 3, protocolLength);
                    break;
                case TlsConstants.ExtensionSupportedVersions:
                    // Server: the chosen version (2 bytes); client: a list, whose highest entry is kept (RFC 8446 §4.2.1).
                    if (!client && data.Length == 2) d.SupportedVersion = BinaryPrimitives.ReadUInt16BigEndian(data);
                    else if (client && data.Length >= 3)
                        for (int i = 1; i + 1 < data.Length && i <= data[0]; i += 2)
                        {
                            int v = BinaryPrimitives.ReadUInt16BigEndian(data[i..]);
                            if ((v & 0x0F0F) != 0x0A0A && v > d.SupportedVersion) d.SupportedVersion = v; // skip GREASE
                        }
                    break;
            }
            e += 4 + length;
        }
        _ = message;
    }

    private static void Certificate(ReadOnlySpan<byte> message, ReadOnlySpan<byte> body, ref TlsDecoded d)
    {
        if (body.Length < 3) { d.Anomalies |= TlsAnomalies.Truncated; return; }
        int listLength = (body[0] << 16) | (body[1] << 8) | body[2];
        if (listLength > body.Length - 3) { d.Anomalies |= TlsAnomalies.Truncated; return; }
        var list = body.Slice(3, listLength);
        int pos = 0;
        while (pos + 3 <= list.Length)
        {
            int length = (list[pos] << 16) | (list[pos + 1] << 8) | list[pos + 2];
            if (length > list.Length - pos - 3) { d.Anomalies |= TlsAnomalies.Truncated; return; }
            if (d.CertificateCount++ == 0) SubjectCommonName(message, list.Slice(pos + 3, length), ref d);
            pos += 3 + length;
        }
    }

    /// <summary>Finds the last commonName of the subject (X.509: tbsCertificate's sixth field, after an optional [0] version).</summary>
    private static void SubjectCommonName(ReadOnlySpan<byte> message, ReadOnlySpan<byte> der, ref TlsDecoded d)
    {
        var reader = new BerReader(der);
        if (!reader.TryRead(out var cert) || !cert.IsUniversal(16) || !reader.TryEnter(cert.Content, out var c)
            || !c.TryRead(out var tbs) || !tbs.IsUniversal(16) || !c.TryEnter(tbs.Content, out var t))
        {
            d.Anomalies |= TlsAnomalies.BadCertificate;
            return;
        }
        if (!t.TryRead(out var field)) { d.Anomalies |= TlsAnomalies.BadCertificate; return; }
        if (field.IsContext(0) && !t.TryRead(out _)) { d.Anomalies |= TlsAnomalies.BadCertificate; return; } // version, then serial
        // signature, issuer, validity, subject
        for (int i = 0; i < 3; i++)
            if (!t.TryRead(out _)) { d.Anomalies |= TlsAnomalies.BadCertificate; return; }
        if (!t.TryRead(out var subject) || !subject.IsUniversal(16) || !t.TryEnter(subject.Content, out var rdns))
        {
            d.Anomalies |= TlsAnomalies.BadCertificate;
            return;
        }
        while (rdns.TryRead(out var rdn))
        {
            if (!rdns.TryEnter(rdn.Content, out var set)) break;
            while (set.TryRead(out var pair))
            {
                if (!set.TryEnter(pair.Content, out var p) || !p.TryRead(out var oid) || !p.TryRead(out var value)) break;
                if (oid.IsUniversal(6) && oid.Content.SequenceEqual(CommonNameOid))
                    (d.CommonNameOffset, d.CommonNameLength) = (Offset(message, value.Content), value.Content.Length);
            }
        }
        if (rdns.Failed) d.Anomalies |= TlsAnomalies.BadCertificate;
    }

    private static int Offset(ReadOnlySpan<byte> whole, ReadOnlySpan<byte> part)
        => (int)Unsafe.ByteOffset(ref MemoryMarshal.GetReference(whole), ref MemoryMarshal.GetReference(part));
}
