using System.Text;
using OtSensor.Core.Time;
using OtSensor.Simulation.Engine;
using OtSensor.Simulation.Wire;

namespace OtSensor.Simulation.Traffic;

/// <summary>
/// HTTP Basic authentication against a device's web interface (RFC 7617: <c>Authorization: Basic</c> base64 of
/// user:password, clear text for anyone on the wire; RFC 9110 §11.6.1 401 with <c>WWW-Authenticate</c>).
/// </summary>
public static class HttpBasicTraffic
{
    public const ushort Port = 80;

    /// <summary>
    /// One keep-alive connection: a GET without credentials (401), then one GET per password (401 for wrong ones,
    /// 200 with the page for the right one); counted as the decoder records them (GET = 1, responses by status).
    /// </summary>
    public static Timestamp Guess(Simulator sim, TcpConnection tcp, Timestamp at, string path, string user, IReadOnlyList<string> passwords, string correct, string realm, Random random)
    {
        ArgumentNullException.ThrowIfNull(sim);
        ArgumentNullException.ThrowIfNull(tcp);
        ArgumentNullException.ThrowIfNull(passwords);
        ArgumentNullException.ThrowIfNull(random);
        string host = tcp.Server.AddressText;
        var t = tcp.Open(at, Talk.Rtt);
        t = Exchange(sim, tcp, t.Add(TimeSpan.FromMilliseconds(1)), Request(path, host, null), Unauthorized(realm), 401, random);
        foreach (var password in passwords)
        {
            var credentials = Convert.ToBase64String(Encoding.ASCII.GetBytes($"{user}:{password}"));
            bool ok = password == correct;
            const string page = "<html><head><title>PLC Configuration</title></head><body><h1>Network settings</h1></body></html>";
            var response = ok
                ? $"HTTP/1.1 200 OK\r\nServer: GoAhead-Webs\r\nContent-Type: text/html\r\nContent-Length: {page.Length}\r\n\r\n{page}"
                : Unauthorized(realm);
            t = Exchange(sim, tcp, t.Add(TimeSpan.FromMilliseconds(random.Next(150, 400))), Request(path, host, credentials), response, ok ? 200 : 401, random);
            if (ok) break;
        }
        return tcp.Close(t.Add(TimeSpan.FromMilliseconds(30)), Talk.Rtt);
    }

    private static Timestamp Exchange(Simulator sim, TcpConnection tcp, Timestamp at, string request, string response, int status, Random random)
    {
        var t = tcp.Exchange(at, Encoding.ASCII.GetBytes(request), Encoding.ASCII.GetBytes(response), Talk.ServerDelay(random), Talk.Rtt);
        sim.Manifest.CountPdu("http", 1);
        sim.Manifest.CountPdu("http", status);
        return t;
    }

    private static string Request(string path, string host, string? credentials)
        => $"GET {path} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: python-requests/2.31.0\r\nAccept: */*\r\nConnection: keep-alive\r\n"
            + (credentials is null ? "" : $"Authorization: Basic {credentials}\r\n") + "\r\n";

    private static string Unauthorized(string realm)
    {
        const string body = "<html><body>401 Unauthorized</body></html>";
        return $"HTTP/1.1 401 Unauthorized\r\nServer: GoAhead-Webs\r\nWWW-Authenticate: Basic realm=\"{realm}\"\r\nContent-Type: text/html\r\nContent-Length: {body.Length}\r\n\r\n{body}";
    }
}
