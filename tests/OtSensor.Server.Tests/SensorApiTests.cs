using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace OtSensor.Server.Tests;

/// <summary>Must show 1: the sensor REST API (sensor-reference §9) against a running server loaded with the demo capture.</summary>
public sealed class SensorApiTests(DemoServerFixture fixture) : IClassFixture<DemoServerFixture>
{
    private TestServer Server => fixture.Server;

    [Fact]
    public async Task Devices_WithToken_ReturnsTheSensorDeviceFields()
    {
        var (client, _) = await Server.TokenClientAsync();
        using var _c = client;
        var devices = Json.Items(await client.GetFromJsonAsync<JsonElement>("/api/v1/devices"));
        Assert.Equal(6, devices.Length);
        foreach (var d in devices)
            Json.HasFields(d, "id", "ipAddresses", "name", "vendor", "operatingSystem", "macAddresses", "type", "engineeringStation", "authorized", "scanner",
                "protocols", "firmware", "hasDynamicAddress");
        Assert.Equal(3, devices.Count(d => d.GetProperty("type").GetString() == "PLC"));
        var plc = devices.First(d => d.GetProperty("firmware").GetArrayLength() > 0);
        Json.HasFields(plc.GetProperty("firmware")[0], "address", "moduleAddress", "serial", "model", "firmwareVersion", "additionalData", "rack", "slot");
        Json.HasFields(plc.GetProperty("protocols")[0], "id", "name", "addresses");
        Assert.Equal(6, Json.Items(await client.GetFromJsonAsync<JsonElement>("/api/v1/devices?authorized=true")).Length);
        Assert.Empty(Json.Items(await client.GetFromJsonAsync<JsonElement>("/api/v1/devices?authorized=false")));
    }

    [Fact]
    public async Task Connections_AllAndPerDevice_WithTimeFilters()
    {
        var (client, _) = await Server.TokenClientAsync();
        using var _c = client;
        var all = Json.Items(await client.GetFromJsonAsync<JsonElement>("/api/v1/devices/connections"));
        Assert.NotEmpty(all);
        foreach (var c in all) Json.HasFields(c, "firstDeviceId", "secondDeviceId", "lastSeen", "discovered", "ports", "protocols");
        Json.HasFields(all[0].GetProperty("protocols")[0], "name", "commands");
        Assert.Contains(all, c => c.GetProperty("ports").EnumerateArray().Any(p => p.GetInt32() == 502));

        long firstDiscovered = all.Min(c => c.GetProperty("discovered").GetInt64());
        Assert.Empty(Json.Items(await client.GetFromJsonAsync<JsonElement>($"/api/v1/devices/connections?discoveredBefore={firstDiscovered}")));
        Assert.Equal(all.Length - 1, Json.Items(await client.GetFromJsonAsync<JsonElement>($"/api/v1/devices/connections?discoveredAfter={firstDiscovered}")).Length);
        Assert.NotEmpty(Json.Items(await client.GetFromJsonAsync<JsonElement>("/api/v1/devices/connections?lastActiveInMinutes=5")));

        int device = all[0].GetProperty("firstDeviceId").GetInt32();
        var mine = Json.Items(await client.GetFromJsonAsync<JsonElement>($"/api/v1/devices/{device}/connections"));
        Assert.NotEmpty(mine);
        Assert.All(mine, c => Assert.True(c.GetProperty("firstDeviceId").GetInt32() == device || c.GetProperty("secondDeviceId").GetInt32() == device));
        using var unknown = await client.GetAsync("/api/v1/devices/9999/connections");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Cves_ReturnsAnArrayOfTheDocumentedShape()
    {
        var (client, _) = await Server.TokenClientAsync();
        using var _c = client;
        var cves = Json.Items(await client.GetFromJsonAsync<JsonElement>("/api/v1/devices/cves?top=5"));
        foreach (var c in cves)
        {
            Json.HasFields(c, "cveId", "ipAddress", "score", "attackVector", "description");
            Assert.Equal(JsonValueKind.String, c.GetProperty("score").ValueKind);
        }
        using var known = await client.GetAsync("/api/v1/devices/10.10.10.11/cves");
        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
        using var unknown = await client.GetAsync("/api/v1/devices/10.9.9.9/cves");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Alerts_V1AndV2_WithStateAndTimeFilters()
    {
        var (client, _) = await Server.TokenClientAsync();
        using var _c = client;
        var v1 = Json.Items(await client.GetFromJsonAsync<JsonElement>("/api/v1/alerts"));
        var v2 = Json.Items(await client.GetFromJsonAsync<JsonElement>("/api/v2/alerts"));
        Assert.NotEmpty(v1);
        Assert.Equal(v1.Length, v2.Length);
        foreach (var a in v1)
        {
            Json.HasFields(a, "id", "time", "title", "message", "severity", "engine", "sourceDevice", "destinationDevice", "additionalInformation");
            Assert.False(a.TryGetProperty("remediationSteps", out _));
        }
        foreach (var a in v2) Json.HasFields(a, "sourceDeviceAddress", "destinationDeviceAddress", "remediationSteps");
        Assert.Contains(v2, a => a.GetProperty("title").GetString()!.Contains("Modbus", StringComparison.OrdinalIgnoreCase));

        long first = v1.Min(a => a.GetProperty("time").GetInt64());
        Assert.Equal(v1.Length, Json.Items(await client.GetFromJsonAsync<JsonElement>($"/api/v1/alerts?fromTime={first}")).Length);
        Assert.Empty(Json.Items(await client.GetFromJsonAsync<JsonElement>($"/api/v1/alerts?toTime={first - 1}")));
        Assert.Empty(Json.Items(await client.GetFromJsonAsync<JsonElement>("/api/v2/alerts?type=unexpected%20new%20devices")));
        Assert.Equal(v1.Length, Json.Items(await client.GetFromJsonAsync<JsonElement>("/api/v2/alerts?type=anything%20else")).Length);
        using var bad = await client.GetAsync("/api/v1/alerts?state=maybe");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task PutAlert_Handle_MovesItToHandled()
    {
        var (client, _) = await Server.TokenClientAsync();
        using var _c = client;
        using var admin = await Server.AdminAsync();
        var items = (await admin.GetFromJsonAsync<JsonElement>("/api/console/alerts?status=new")).GetProperty("items");
        var uuid = items[items.GetArrayLength() - 1].GetProperty("uuid").GetString();
        using var response = await client.PutAsJsonAsync($"/api/v1/alerts/{uuid}", new { action = "handle" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Alert update request finished successfully", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("content").GetString());
        using var again = await client.PutAsJsonAsync($"/api/v1/alerts/{uuid}", new { action = "handle" });
        Assert.Equal("Alert was already handled", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("content").GetString());
        var handled = Json.Items(await client.GetFromJsonAsync<JsonElement>("/api/v1/alerts?state=handled"));
        Assert.Contains(handled, a => uuid!.StartsWith(a.GetProperty("id").GetInt64() + "-", StringComparison.Ordinal));
        using var invalid = await client.PutAsJsonAsync($"/api/v1/alerts/{uuid}", new { action = "delete" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        using var missing = await client.PutAsJsonAsync("/api/v1/alerts/999999-1", new { action = "handle" });
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Events_LatestFirst_WithTimeFrameAndType()
    {
        var (client, _) = await Server.TokenClientAsync();
        using var _c = client;
        var events = Json.Items(await client.GetFromJsonAsync<JsonElement>("/api/v1/events"));
        Assert.NotEmpty(events);
        Assert.True(events.Length <= 100);
        foreach (var e in events) Json.HasFields(e, "timestamp", "type", "title", "severity", "owner", "content");
        var times = events.Select(e => e.GetProperty("timestamp").GetInt64()).ToArray();
        Assert.Equal(times.OrderDescending(), times);
        var type = events[0].GetProperty("type").GetString();
        Assert.All(Json.Items(await client.GetFromJsonAsync<JsonElement>($"/api/v1/events?type={type}")), e => Assert.Equal(type, e.GetProperty("type").GetString()));
        Assert.NotEmpty(Json.Items(await client.GetFromJsonAsync<JsonElement>("/api/v1/events?minutesTimeFrame=1")));
        Assert.NotEmpty(Json.Items(await client.GetFromJsonAsync<JsonElement>("/api/v1/events?minutesTimeFrame=999999")));
    }

    [Theory]
    [InlineData("devices", JsonValueKind.Array, null)]
    [InlineData("security", JsonValueKind.Object, "connectionsBetweenSubnets")]
    [InlineData("operational", JsonValueKind.Object, "protocolDataVolumes")]
    [InlineData("mitigation", JsonValueKind.Object, "mitigation")]
    public async Task Vulnerabilities_ReturnTheSensorPayloads(string report, JsonValueKind kind, string? field)
    {
        var (client, _) = await Server.TokenClientAsync();
        using var _c = client;
        var body = await client.GetFromJsonAsync<JsonElement>($"/api/v1/reports/vulnerabilities/{report}");
        Assert.Equal(kind, body.ValueKind);
        if (field is not null) Assert.True(body.TryGetProperty(field, out _), $"{report} lacks {field}");
    }

    [Fact]
    public async Task AlertPcap_ForAnAlertWithEvidence_IsACapture()
    {
        var (client, _) = await Server.TokenClientAsync();
        using var _c = client;
        using var admin = await Server.AdminAsync();
        var items = (await admin.GetFromJsonAsync<JsonElement>("/api/console/alerts")).GetProperty("items");
        var withPcap = items.EnumerateArray().First(a => a.GetProperty("hasPcap").GetBoolean()).GetProperty("id").GetInt64();
        using var response = await client.GetAsync($"/api/v2/alerts/pcap/{withPcap}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.tcpdump.pcap", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(0xD4, bytes[0]);
        Assert.Equal(0xA1, bytes[3]);
        using var none = await client.GetAsync("/api/v2/alerts/pcap/999999");
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
    }

    [Fact]
    public async Task AuthenticationEndpoints_ValidateAndChangePasswordsWithoutAToken()
    {
        using var admin = await Server.AdminAsync();
        using (var created = await admin.PostAsJsonAsync("/api/console/users", new { username = "operator1", role = "analyst", password = "first password 1" }))
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var anonymous = Server.Client();
        using (var ok = await anonymous.PostAsJsonAsync("/api/external/authentication/validation", new { username = "operator1", password = "first password 1" }))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            Assert.Equal("Authentication succeeded.", (await ok.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("msg").GetString());
        }
        using (var wrong = await anonymous.PostAsJsonAsync("/api/external/authentication/validation", new { username = "operator1", password = "nope" }))
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        using (var set = await anonymous.PostAsJsonAsync("/external/authentication/set_password", new { username = "operator1", password = "first password 1", new_password = "second password 2" }))
            Assert.Equal("Password has been replaced", (await set.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("msg").GetString());
        using (var weak = await anonymous.PostAsJsonAsync("/api/external/authentication/set_password", new { username = "operator1", password = "second password 2", new_password = "short" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
            Json.HasFields((await weak.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error"), "userDisplayErrorMessage", "internalSystemErrorMessage");
        }
        using (var byAdmin = await anonymous.PostAsJsonAsync("/api/external/authentication/set_password_by_admin",
                   new { admin_username = "admin", admin_password = Server.AdminPassword, username = "operator1", new_password = "third password 3" }))
            Assert.Equal(HttpStatusCode.OK, byAdmin.StatusCode);
        using (var notAdmin = await anonymous.PostAsJsonAsync("/api/external/authentication/set_password_by_admin",
                   new { admin_username = "operator1", admin_password = "third password 3", username = "admin", new_password = "hijacked password 4" }))
            Assert.Equal(HttpStatusCode.Forbidden, notAdmin.StatusCode);
        using (var missing = await anonymous.PostAsJsonAsync("/api/external/authentication/set_password_by_admin",
                   new { admin_username = "admin", admin_password = Server.AdminPassword, username = "ghost", new_password = "ghost password 5" }))
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
