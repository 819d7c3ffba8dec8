using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace OtSensor.Server.Tests;

/// <summary>Must show 1: no or revoked credentials get 401, a read-only user cannot change anything (403), CSRF, login limits, pages.</summary>
public sealed class AccessTests(DemoServerFixture fixture) : IClassFixture<DemoServerFixture>
{
    private TestServer Server => fixture.Server;

    public static TheoryData<string, string> Endpoints => new()
    {
        { "GET", "/api/v1/devices" }, { "GET", "/api/v1/devices/connections" }, { "GET", "/api/v1/devices/1/connections" },
        { "GET", "/api/v1/devices/cves" }, { "GET", "/api/v1/alerts" }, { "GET", "/api/v2/alerts" }, { "GET", "/api/v1/events" },
        { "GET", "/api/v1/reports/vulnerabilities/devices" }, { "GET", "/api/v2/alerts/pcap/1" }, { "PUT", "/api/v1/alerts/1-1" },
        { "GET", "/api/console/dashboard" }, { "GET", "/api/console/devices" }, { "GET", "/api/console/map" }, { "GET", "/api/console/alerts" },
        { "GET", "/api/console/events" }, { "GET", "/api/console/captures" }, { "POST", "/api/console/captures" }, { "GET", "/api/console/live" },
        { "GET", "/api/console/reports" }, { "GET", "/api/console/settings/learning" }, { "GET", "/api/console/tokens" }, { "GET", "/api/console/users" },
        { "GET", "/api/console/me" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task AnyApi_WithoutCredentials_Is401(string method, string path)
    {
        using var client = Server.Client();
        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Json.HasFields(await response.Content.ReadFromJsonAsync<JsonElement>(), "error");
    }

    [Fact]
    public async Task Token_UnknownOrRevoked_Is401()
    {
        using var client = Server.Client();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "0123456789abcdef0123456789abcdef");
        using (var response = await client.GetAsync("/api/v1/devices")) Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);

        var (tokenClient, id) = await Server.TokenClientAsync();
        using var _t = tokenClient;
        using (var response = await tokenClient.GetAsync("/api/v1/devices")) Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var admin = await Server.AdminAsync();
        using (var revoke = await admin.DeleteAsync($"/api/console/tokens/{id}")) Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        using (var response = await tokenClient.GetAsync("/api/v1/devices")) Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Session_AfterLogout_Is401()
    {
        using var admin = await Server.AdminAsync();
        using (var logout = await admin.PostAsync("/api/console/logout", null)) Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        using var after = await admin.GetAsync("/api/console/me");
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task ReadOnlyUser_CannotChangeAnything()
    {
        using (var admin = await Server.AdminAsync())
        using (var created = await admin.PostAsJsonAsync("/api/console/users", new { username = "viewer", role = "readonly", password = "viewer password 1" }))
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var viewer = await Server.LoginAsync("viewer", "viewer password 1");
        using (var read = await viewer.GetAsync("/api/console/alerts")) Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var before = await viewer.GetStringAsync("/api/console/alerts");
        var requests = new (string Method, string Path, object? Body)[]
        {
            ("POST", "/api/console/alerts/1/acknowledge", null), ("POST", "/api/console/alerts/1/mute", null), ("POST", "/api/console/alerts/1/learn", null),
            ("PUT", "/api/v1/alerts/1-1", new { action = "handle" }), ("POST", "/api/console/captures/1/play", null),
            ("POST", "/api/console/captures/play-all", null), ("DELETE", "/api/console/captures", null), ("POST", "/api/console/reports", new { site = "x" }),
            ("PUT", "/api/console/settings/learning", new { learning = false }), ("PUT", "/api/console/settings/forwarding", new { targets = Array.Empty<object>() }),
            ("POST", "/api/console/tokens", new { description = "x" }), ("DELETE", "/api/console/tokens/1", null),
            ("POST", "/api/console/users", new { username = "x", role = "admin", password = "some password 1" }), ("DELETE", "/api/console/users/admin", null),
        };
        foreach (var (method, path, body) in requests)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = body is null ? null : JsonContent.Create(body) };
            using var response = await viewer.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {path}: {response.StatusCode}");
        }
        Assert.Equal(before, await viewer.GetStringAsync("/api/console/alerts"));
        Assert.Single(Json.Items(await viewer.GetFromJsonAsync<JsonElement>("/api/console/captures")));

        // The same with a read-only API token.
        var (token, _) = await Server.TokenClientAsync("readonly");
        using var _t = token;
        using (var put = await token.PutAsJsonAsync("/api/v1/alerts/1-1", new { action = "handle" })) Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        using (var get = await token.GetAsync("/api/v2/alerts")) Assert.Equal(HttpStatusCode.OK, get.StatusCode);
    }

    [Fact]
    public async Task AnalystUser_TriagesButCannotAdminister()
    {
        using (var admin = await Server.AdminAsync())
        using (var created = await admin.PostAsJsonAsync("/api/console/users", new { username = "analyst1", role = "analyst", password = "analyst password 1" }))
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var analyst = await Server.LoginAsync("analyst1", "analyst password 1");
        using (var ack = await analyst.PostAsync("/api/console/alerts/1/acknowledge", null)) Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        using (var tokens = await analyst.GetAsync("/api/console/tokens")) Assert.Equal(HttpStatusCode.Forbidden, tokens.StatusCode);
        using (var settings = await analyst.PutAsJsonAsync("/api/console/settings/learning", new { learning = false })) Assert.Equal(HttpStatusCode.Forbidden, settings.StatusCode);
        using (var users = await analyst.GetAsync("/api/console/users")) Assert.Equal(HttpStatusCode.Forbidden, users.StatusCode);
    }

    [Fact]
    public async Task CookieSession_WithoutCsrfHeader_Is403()
    {
        using var admin = await Server.AdminAsync();
        admin.DefaultRequestHeaders.Remove("X-CSRF-Token");
        using (var response = await admin.PostAsync("/api/console/alerts/1/acknowledge", null)) Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        admin.DefaultRequestHeaders.Add("X-CSRF-Token", "wrong");
        using (var response = await admin.PostAsync("/api/console/alerts/1/acknowledge", null)) Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        using (var read = await admin.GetAsync("/api/console/alerts")) Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Fact]
    public async Task Login_FiveFailuresInAMinute_Then429EvenWithTheRightPassword()
    {
        using (var admin = await Server.AdminAsync())
        using (var created = await admin.PostAsJsonAsync("/api/console/users", new { username = "guessed", role = "readonly", password = "guessed password 1" }))
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var client = Server.Client();
        for (int i = 0; i < 5; i++)
        {
            using var wrong = await client.PostAsJsonAsync("/api/console/login", new { username = "guessed", password = "wrong " + i });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }
        using var blocked = await client.PostAsJsonAsync("/api/console/login", new { username = "guessed", password = "guessed password 1" });
        Assert.Equal(HttpStatusCode.TooManyRequests, blocked.StatusCode);
        // Other users from the same client are not locked out.
        using var other = await Server.AdminAsync();
        Assert.NotNull(other);
    }

    [Fact]
    public async Task Login_SetsAStrictHttpOnlySecureCookie()
    {
        using var client = Server.Client();
        using var response = await client.PostAsJsonAsync("/api/console/login", new { username = "admin", password = Server.AdminPassword });
        var cookie = response.Headers.GetValues("Set-Cookie").Single();
        Assert.StartsWith("otsensor-session=", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Pages_WithoutSession_RedirectToLogin()
    {
        using var client = Server.Client();
        foreach (var page in new[] { "/", "/index.html", "/devices.html" })
        {
            using var response = await client.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/login.html", response.Headers.Location!.OriginalString);
        }
    }

    [Fact]
    public async Task Root_SignedIn_ServesTheDashboardPage()
    {
        using var admin = await Server.AdminAsync();
        using var root = await admin.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, root.StatusCode);
        Assert.Equal("text/html", root.Content.Headers.ContentType!.MediaType);
        var html = await root.Content.ReadAsStringAsync();
        Assert.Equal(await admin.GetStringAsync("/index.html"), html);
        Assert.Contains("<html", html, StringComparison.OrdinalIgnoreCase);
        // Anything else unknown is still a 404.
        using var missing = await admin.GetAsync("/no-such-page.html");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
