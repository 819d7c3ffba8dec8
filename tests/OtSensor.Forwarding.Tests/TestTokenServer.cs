using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace OtSensor.Forwarding.Tests;

/// <summary>
/// A Microsoft Entra ID stand-in over HTTPS on 127.0.0.1 for Azure.Identity's confidential-client credentials
/// (<c>AuthorityHost</c> pointed here, instance discovery off): the tenant's OpenID configuration document and a
/// token endpoint that answers the client-credentials grant with a JWT it mints, recording each request's form.
/// </summary>
internal sealed class TestTokenServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly X509Certificate2? _certificate;
    private readonly CancellationTokenSource _stop = new();
    private int _issued;

    /// <param name="certificate">HTTPS with this certificate; null: plain HTTP on loopback, as the App Service managed
    /// identity endpoint (<c>IDENTITY_ENDPOINT</c>) is.</param>
    public TestTokenServer(X509Certificate2? certificate)
    {
        _certificate = certificate;
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _ = Task.Run(AcceptLoopAsync);
    }

    public int Port { get; }
    public Uri AuthorityHost => new($"https://127.0.0.1:{Port}/");
    /// <summary>The managed identity endpoint (plain HTTP).</summary>
    public Uri IdentityEndpoint => new($"http://127.0.0.1:{Port}/msi/token");
    /// <summary>The <c>X-IDENTITY-HEADER</c> of each managed identity request.</summary>
    public ConcurrentQueue<string> IdentityHeaders { get; } = new();
    /// <summary>Form fields of every token request (grant_type, client_id, client_secret or client_assertion, scope).</summary>
    public ConcurrentQueue<IReadOnlyDictionary<string, string>> TokenRequests { get; } = new();
    /// <summary>Every access token handed out.</summary>
    public ConcurrentQueue<string> Issued { get; } = new();
    public ConcurrentQueue<string> Paths { get; } = new();
    /// <summary>Answer token requests 401 invalid_client (a wrong or expired secret).</summary>
    public bool RefuseTokens { get; set; }

    /// <summary>A JWT-shaped token (header.claims.signature, base64url) naming the audience and a serial number.</summary>
    private string Mint(string scope)
    {
        int n = Interlocked.Increment(ref _issued);
        static string B64(string s) => Convert.ToBase64String(Encoding.UTF8.GetBytes(s)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var claims = string.Create(CultureInfo.InvariantCulture, $$"""{"aud":"{{scope.Replace("/.default", "", StringComparison.Ordinal)}}","n":{{n}},"exp":{{DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds()}}}""");
        return $"{B64("""{"alg":"none","typ":"JWT"}""")}.{B64(claims)}.c2lnbmF0dXJl";
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                Stream ssl = client.GetStream();
                if (_certificate is not null)
                {
                    var tls = new SslStream(ssl);
                    await tls.AuthenticateAsServerAsync(_certificate);
                    ssl = tls;
                }
                await using var _ = ssl;
                // One request per connection (the answer says Connection: close).
                var head = new StringBuilder();
                var one = new byte[1];
                while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
                {
                    if (await ssl.ReadAsync(one) == 0) return;
                    head.Append((char)one[0]);
                }
                var lines = head.ToString().Split("\r\n");
                var path = lines[0].Split(' ')[1];
                int length = 0;
                foreach (var line in lines)
                    if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)) length = int.Parse(line[15..].Trim(), CultureInfo.InvariantCulture);
                var body = new byte[length];
                await ssl.ReadExactlyAsync(body);
                Paths.Enqueue(path);
                string json;
                int status = 200;
                if (path.EndsWith("/.well-known/openid-configuration", StringComparison.Ordinal))
                {
                    var tenant = path.Split('/', StringSplitOptions.RemoveEmptyEntries)[0];
                    var baseUri = $"https://127.0.0.1:{Port}/{tenant}";
                    json = $$"""{"token_endpoint":"{{baseUri}}/oauth2/v2.0/token","authorization_endpoint":"{{baseUri}}/oauth2/v2.0/authorize","issuer":"{{baseUri}}/v2.0","token_endpoint_auth_methods_supported":["client_secret_post","private_key_jwt"]}""";
                }
                else if (path.StartsWith("/msi/token", StringComparison.Ordinal))
                {
                    // App Service managed identity (api-version 2019-08-01): the resource in the query, the secret header.
                    foreach (var line in lines)
                        if (line.StartsWith("X-IDENTITY-HEADER:", StringComparison.OrdinalIgnoreCase)) IdentityHeaders.Enqueue(line[18..].Trim());
                    var query = path[(path.IndexOf('?', StringComparison.Ordinal) + 1)..].Split('&').Select(p => p.Split('=', 2))
                        .ToDictionary(p => p[0], p => p.Length > 1 ? Uri.UnescapeDataString(p[1]) : "", StringComparer.Ordinal);
                    TokenRequests.Enqueue(query);
                    var token = Mint(query.GetValueOrDefault("resource", ""));
                    Issued.Enqueue(token);
                    json = string.Create(CultureInfo.InvariantCulture, $$"""{"access_token":"{{token}}","expires_on":"{{DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds()}}","resource":"{{query.GetValueOrDefault("resource", "")}}","token_type":"Bearer"}""");
                }
                else if (path.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal))
                {
                    var form = Encoding.UTF8.GetString(body).Split('&').Select(p => p.Split('=', 2))
                        .ToDictionary(p => Uri.UnescapeDataString(p[0].Replace('+', ' ')), p => p.Length > 1 ? Uri.UnescapeDataString(p[1].Replace('+', ' ')) : "", StringComparer.Ordinal);
                    TokenRequests.Enqueue(form);
                    if (RefuseTokens)
                    {
                        await RespondAsync(ssl, 401, """{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided."}""");
                        return;
                    }
                    var token = Mint(form.GetValueOrDefault("scope", ""));
                    Issued.Enqueue(token);
                    json = $$"""{"token_type":"Bearer","expires_in":3599,"ext_expires_in":3599,"access_token":"{{token}}"}""";
                }
                else
                {
                    status = 404;
                    json = """{"error":"not_found"}""";
                }
                await RespondAsync(ssl, status, json);
            }
            catch (Exception e) when (e is IOException or System.Security.Authentication.AuthenticationException or SocketException)
            {
                // The client went away.
            }
        }
    }

    private static async Task RespondAsync(Stream ssl, int status, string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var reason = status switch { 200 => "OK", 401 => "Unauthorized", _ => "Not Found" };
        var head = string.Create(CultureInfo.InvariantCulture, $"HTTP/1.1 {status} {reason}\r\nContent-Type: application/json\r\nContent-Length: {bytes.Length}\r\nConnection: close\r\n\r\n");
        await ssl.WriteAsync(Encoding.ASCII.GetBytes(head));
        await ssl.WriteAsync(bytes);
        await ssl.FlushAsync();
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }
}
