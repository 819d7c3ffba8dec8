using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace OtSensor.Forwarding.Tests;

/// <summary>A syslog server on 127.0.0.1 for the tests: UDP datagrams, or TCP/TLS with RFC 6587 octet counting.</summary>
internal sealed class SyslogListener : IDisposable
{
    private readonly UdpClient? _udp;
    private readonly TcpListener? _tcp;
    private readonly X509Certificate2? _certificate;
    private readonly CancellationTokenSource _stop = new();

    private SyslogListener(UdpClient? udp, TcpListener? tcp, X509Certificate2? certificate)
    {
        _udp = udp;
        _tcp = tcp;
        _certificate = certificate;
        Port = udp is not null ? ((IPEndPoint)udp.Client.LocalEndPoint!).Port : ((IPEndPoint)tcp!.LocalEndpoint).Port;
        _ = udp is not null ? Task.Run(UdpLoopAsync) : Task.Run(AcceptLoopAsync);
    }

    public int Port { get; }
    public ConcurrentQueue<string> Messages { get; } = new();

    public static SyslogListener Udp() => new(new UdpClient(new IPEndPoint(IPAddress.Loopback, 0)), null, null);

    public static SyslogListener Tcp(X509Certificate2? certificate = null, int port = 0)
    {
        var tcp = new TcpListener(IPAddress.Loopback, port);
        tcp.Start();
        return new SyslogListener(null, tcp, certificate);
    }

    private async Task UdpLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                var r = await _udp!.ReceiveAsync(_stop.Token);
                Messages.Enqueue(Encoding.UTF8.GetString(r.Buffer));
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _tcp!.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            _ = Task.Run(() => ReadFramesAsync(client));
        }
    }

    private async Task ReadFramesAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                Stream stream = client.GetStream();
                if (_certificate is not null)
                {
                    var ssl = new SslStream(stream);
                    await ssl.AuthenticateAsServerAsync(_certificate);
                    stream = ssl;
                }
                using var buffered = new BufferedStream(stream);
                while (true)
                {
                    // LENGTH SP MESSAGE
                    int length = 0, b;
                    while ((b = buffered.ReadByte()) is >= '0' and <= '9') length = length * 10 + (b - '0');
                    if (b != ' ') return;
                    var message = new byte[length];
                    await buffered.ReadExactlyAsync(message);
                    Messages.Enqueue(Encoding.UTF8.GetString(message));
                }
            }
            catch (Exception e) when (e is IOException or System.Security.Authentication.AuthenticationException or EndOfStreamException)
            {
                // Client went away or failed the handshake.
            }
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _udp?.Dispose();
        _tcp?.Stop();
    }
}
