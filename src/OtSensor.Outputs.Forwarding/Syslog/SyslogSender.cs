using System.Globalization;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using OtSensor.Outputs.Forwarding.Outbox;

namespace OtSensor.Outputs.Forwarding.Syslog;

/// <summary>
/// Sends alerts as CEF in syslog messages over UDP, TCP (octet counting) or TLS.
/// </summary>
/// <remarks>
/// <para>PRI (RFC 5424 §6.2.1): facility 1 (user, as the sensor's own forwarding: "User.Alert") and a severity by alert
/// severity: Critical 2 (crit), Major 3 (err), Minor 4 (warning), Warning 5 (notice).</para>
/// <para>Delivery: TCP and TLS count an entry as accepted once written and flushed to the socket; syslog has no
/// acknowledgement, so a connection the server drops after that can lose what was in flight. UDP is fire and forget.
/// A write failure closes the connection; the next send reconnects.</para>
/// <para>TLS validates the server certificate against the system store and <see cref="SyslogTarget.TrustedCa"/>,
/// with the host name; or, with <see cref="SyslogTarget.PinnedThumbprint"/>, accepts exactly that certificate.</para>
/// </remarks>
public sealed class SyslogSender : IAlertSender
{
    private readonly SyslogTarget _target;
    private readonly string _version;
    private Socket? _udp;
    private TcpClient? _tcp;
    private Stream? _stream;

    public SyslogSender(SyslogTarget target, string version = "1.0")
    {
        _target = target;
        _version = version;
        Name = target.ToString();
    }

    public string Name { get; }

    /// <summary>The whole syslog message for one alert as the target wants it, without transport framing.</summary>
    public static string Message(OutboundAlert alert, SyslogTarget target, string version)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target.Format == SyslogFormat.Rfc5424 ? Rfc5424Formatter.Format(alert, target.Hostname) : Message(alert, target.Framing, target.Hostname, version);
    }

    /// <summary>The whole syslog message (header and CEF) for one alert, without transport framing.</summary>
    public static string Message(OutboundAlert alert, SyslogFraming framing, string hostname, string version)
    {
        int pri = 8 + alert.Severity switch { "Critical" => 2, "Major" => 3, "Minor" => 4, _ => 5 };
        var cef = CefFormatter.Format(alert, version);
        var time = alert.LastDetection.UtcDateTime;
        return framing == SyslogFraming.Rfc5424
            ? string.Create(CultureInfo.InvariantCulture, $"<{pri}>1 {time:yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'} {Token(hostname)} OtSensor - alert - {cef}")
            : string.Create(CultureInfo.InvariantCulture, $"<{pri}>{time.ToString("MMM", CultureInfo.InvariantCulture)} {time.Day,2} {time:HH:mm:ss} {Token(hostname)} {cef}");
    }

    /// <summary>Header fields are printable ASCII without spaces (RFC 5424 §6: PRINTUSASCII).</summary>
    private static string Token(string s)
    {
        var b = new StringBuilder(s.Length);
        foreach (char c in s) b.Append(c is > ' ' and < (char)127 ? c : '_');
        return b.Length == 0 ? "-" : b.ToString();
    }

    public async Task<SendOutcome> SendAsync(IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken)
    {
        var outcome = new SendOutcome();
        try
        {
            if (_target.Transport == SyslogTransport.Udp)
            {
                _udp ??= await ConnectUdpAsync(cancellationToken).ConfigureAwait(false);
                foreach (var entry in entries)
                {
                    var bytes = Encoding.UTF8.GetBytes(Message(entry.Alert, _target, _version));
                    await _udp.SendAsync(Cut(bytes, _target.MaxDatagram), SocketFlags.None, cancellationToken).ConfigureAwait(false);
                    outcome.Accepted.Add(entry.Sequence);
                }
                return outcome;
            }
            var stream = _stream ??= await ConnectStreamAsync(cancellationToken).ConfigureAwait(false);
            var pending = new List<long>();
            using var buffer = new MemoryStream();
            foreach (var entry in entries)
            {
                var bytes = Encoding.UTF8.GetBytes(Message(entry.Alert, _target, _version));
                var prefix = Encoding.ASCII.GetBytes(bytes.Length.ToString(CultureInfo.InvariantCulture) + " ");
                buffer.Write(prefix);
                buffer.Write(bytes);
                pending.Add(entry.Sequence);
                if (buffer.Length >= 1 << 16) await FlushAsync(stream, buffer, pending, outcome, cancellationToken).ConfigureAwait(false);
            }
            await FlushAsync(stream, buffer, pending, outcome, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is SocketException or IOException or AuthenticationException or ObjectDisposedException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            Close();
            outcome.Error = e;
            // A certificate that fails validation will not fix itself between retries, but an operator can fix it: never lose the alerts.
            outcome.Transient = true;
        }
        return outcome;
    }

    private static async Task FlushAsync(Stream stream, MemoryStream buffer, List<long> pending, SendOutcome outcome, CancellationToken cancellationToken)
    {
        if (buffer.Length == 0) return;
        await stream.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        outcome.Accepted.AddRange(pending);
        pending.Clear();
        buffer.SetLength(0);
    }

    private static ReadOnlyMemory<byte> Cut(byte[] bytes, int max)
    {
        if (bytes.Length <= max) return bytes;
        int n = max;
        while (n > 0 && (bytes[n] & 0xC0) == 0x80) n--; // do not split a UTF-8 sequence
        return bytes.AsMemory(0, n);
    }

    private async Task<Socket> ConnectUdpAsync(CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Dgram, ProtocolType.Udp);
        try
        {
            await socket.ConnectAsync(_target.Host, _target.Port, cancellationToken).ConfigureAwait(false);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private async Task<Stream> ConnectStreamAsync(CancellationToken cancellationToken)
    {
        var tcp = new TcpClient { NoDelay = true };
        try
        {
            await tcp.ConnectAsync(_target.Host, _target.Port, cancellationToken).ConfigureAwait(false);
            Stream stream = tcp.GetStream();
            if (_target.Transport == SyslogTransport.Tls)
            {
                var ssl = new SslStream(stream, leaveInnerStreamOpen: false, ValidateServer);
                await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = _target.Host }, cancellationToken).ConfigureAwait(false);
                stream = ssl;
            }
            _tcp = tcp;
            return stream;
        }
        catch
        {
            tcp.Dispose();
            throw;
        }
    }

    private bool ValidateServer(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (certificate is null) return false;
        if (_target.PinnedThumbprint is { } pin)
        {
            var hash = Convert.ToHexString(SHA256.HashData(certificate.GetRawCertData()));
            return string.Equals(hash, pin.Replace(":", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
        }
        if (errors == SslPolicyErrors.None) return true;
        if (_target.TrustedCa is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != 0) return false;
        // Chain errors only: build again with the configured CA as the trust anchor.
        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.Add(_target.TrustedCa);
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return custom.Build(leaf);
    }

    private void Close()
    {
        _stream?.Dispose();
        _stream = null;
        _tcp?.Dispose();
        _tcp = null;
        _udp?.Dispose();
        _udp = null;
    }

    public ValueTask DisposeAsync()
    {
        Close();
        return ValueTask.CompletedTask;
    }
}
