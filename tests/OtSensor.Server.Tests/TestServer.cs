using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OtSensor.Server;

namespace OtSensor.Server.Tests;

/// <summary>
/// A real <see cref="SensorServer"/> on Kestrel at 127.0.0.1 on a free port, over HTTPS with its generated self-signed
/// certificate, with a store in a temporary folder; clients are real <see cref="HttpClient"/>s that accept that certificate.
/// </summary>
public sealed class TestServer : IAsyncDisposable
{
    private TestServer(SensorServer server, string directory, string adminPassword)
    {
        Server = server;
        Directory = directory;
        AdminPassword = adminPassword;
        BaseAddress = server.Addresses[0];
    }

    internal SensorServer Server { get; }
    public string Directory { get; }
    public string AdminPassword { get; }
    public Uri BaseAddress { get; }

    public static async Task<TestServer> StartAsync(long maxUpload = 2L << 30, params string[] captures)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("otsensor-server-").FullName;
        var output = new StringWriter();
        var server = SensorServer.Create(new ServerOptions
        {
            StoreDirectory = directory,
            Urls = ["https://127.0.0.1:0"],
            MaxUploadBytes = maxUpload,
            Captures = captures,
            PasswordOutput = output,
            SnapshotInterval = TimeSpan.FromMilliseconds(200),
        });
        await server.StartAsync();
        var password = System.Text.RegularExpressions.Regex.Match(output.ToString(), "password '([^']+)'").Groups[1].Value;
        return new TestServer(server, directory, password);
    }

    /// <summary>A client without credentials (add a token header or log in).</summary>
    public HttpClient Client(CookieContainer? cookies = null) => NewClient(BaseAddress, cookies);

    /// <summary>A client for any server of ours at <paramref name="baseAddress"/> (accepts its self-signed certificate).</summary>
    public static HttpClient NewClient(Uri baseAddress, CookieContainer? cookies = null)
    {
        var handler = new HttpClientHandler
        {
            // The server's certificate is the self-signed one it generated: accept exactly that one.
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate is not null && certificate.Subject == "CN=otsensor",
            CookieContainer = cookies ?? new CookieContainer(),
            UseCookies = true,
            AllowAutoRedirect = false,
        };
        return new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>A client logged in to the console as <paramref name="user"/>, sending the session's CSRF token.</summary>
    public async Task<HttpClient> LoginAsync(string user, string password, CookieContainer? cookies = null)
    {
        var client = Client(cookies);
        using var response = await client.PostAsJsonAsync("/api/console/login", new { username = user, password });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Add("X-CSRF-Token", body.GetProperty("csrfToken").GetString());
        return client;
    }

    public Task<HttpClient> AdminAsync(CookieContainer? cookies = null) => LoginAsync("admin", AdminPassword, cookies);

    /// <summary>A client with a new API token of <paramref name="role"/> in the raw Authorization header.</summary>
    public async Task<(HttpClient Client, long TokenId)> TokenClientAsync(string role = "admin")
    {
        using var admin = await AdminAsync();
        using var response = await admin.PostAsJsonAsync("/api/console/tokens", new { description = "test " + role, role });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var client = Client();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", body.GetProperty("token").GetString());
        return (client, body.GetProperty("id").GetInt64());
    }

    /// <summary>Waits until every capture is played (or failed).</summary>
    public async Task WaitForCapturesAsync(HttpClient client, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (DateTime.UtcNow < until)
        {
            var captures = await client.GetFromJsonAsync<JsonElement>("/api/console/captures");
            if (captures.EnumerateArray().All(c => c.GetProperty("state").GetString() is "played" or "failed")) return;
            await Task.Delay(100);
        }
        throw new TimeoutException("captures did not finish playing");
    }

    public async ValueTask DisposeAsync()
    {
        await Server.StopAsync();
        await Server.DisposeAsync();
        try { System.IO.Directory.Delete(Directory, recursive: true); }
        catch (IOException) { }
    }
}
