using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace OtSensor.Server.Tests;

/// <summary>Must show 1: the console endpoints (src/OtSensor.Server/README.md) return their documented fields for the demo capture.</summary>
public sealed class ConsoleApiTests(DemoServerFixture fixture) : IClassFixture<DemoServerFixture>
{
    private TestServer Server => fixture.Server;

    [Fact]
    public async Task Dashboard_TotalsAndBreakdowns()
    {
        using var admin = await Server.AdminAsync();
        var body = await admin.GetFromJsonAsync<JsonElement>("/api/console/dashboard");
        Json.HasFields(body, "totals", "devicesByType", "devicesByPurdueLevel", "protocols", "alertsByEngine", "alertsBySeverity", "traffic");
        var totals = body.GetProperty("totals");
        Json.HasFields(totals, "devices", "connections", "alerts", "unhandledAlerts", "packets", "bytes");
        Assert.Equal(6, totals.GetProperty("devices").GetInt32());
        Assert.Equal(1434, totals.GetProperty("packets").GetInt64());
        Assert.Equal(3, body.GetProperty("devicesByType").GetProperty("PLC").GetInt32());
        var modbus = body.GetProperty("protocols").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "MODBUS");
        Json.HasFields(modbus, "name", "packets", "bytes", "devices");
        Assert.Equal(6, modbus.GetProperty("devices").GetInt32());
        Json.HasFields(body.GetProperty("traffic")[0], "time", "packets", "bytes");
        Assert.True(body.GetProperty("alertsByEngine").GetProperty("Protocol Violation").GetInt32() > 0);
    }

    [Fact]
    public async Task Devices_PagedFilteredSorted_AndTheDevicePage()
    {
        using var admin = await Server.AdminAsync();
        var page = await admin.GetFromJsonAsync<JsonElement>("/api/console/devices?type=PLC&sort=ip&order=desc&limit=2");
        Assert.Equal(3, page.GetProperty("total").GetInt32());
        var items = Json.Items(page.GetProperty("items"));
        Assert.Equal(2, items.Length);
        Assert.Equal("10.10.10.13", items[0].GetProperty("ipAddresses")[0].GetString());
        foreach (var d in items)
            Json.HasFields(d, "id", "ipAddresses", "name", "type", "authorized", "protocols", "firmware", "purdueLevel", "subnet", "firstSeen", "lastSeen",
                "packets", "bytes", "model", "firmwareVersion");
        Assert.Equal(6, (await admin.GetFromJsonAsync<JsonElement>("/api/console/devices?protocol=modbus")).GetProperty("total").GetInt32());
        Assert.Equal(1, (await admin.GetFromJsonAsync<JsonElement>("/api/console/devices?search=10.10.20.50")).GetProperty("total").GetInt32());
        Assert.Equal(3, (await admin.GetFromJsonAsync<JsonElement>("/api/console/devices?purdueLevel=1")).GetProperty("total").GetInt32());

        int id = items[0].GetProperty("id").GetInt32();
        var detail = await admin.GetFromJsonAsync<JsonElement>($"/api/console/devices/{id}");
        Json.HasFields(detail, "device", "connections", "alerts", "events");
        var evidence = Json.Items(detail.GetProperty("device").GetProperty("evidence"));
        Assert.NotEmpty(evidence);
        Json.HasFields(evidence[0], "attribute", "value", "source", "detail", "confidence");
        Assert.NotEmpty(Json.Items(detail.GetProperty("connections")));
        using var missing = await admin.GetAsync("/api/console/devices/9999");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Map_NodesEdgesSubnets_WithProtocolFilter()
    {
        using var admin = await Server.AdminAsync();
        var map = await admin.GetFromJsonAsync<JsonElement>("/api/console/map");
        var nodes = Json.Items(map.GetProperty("nodes"));
        Assert.Equal(6, nodes.Length);
        Json.HasFields(nodes[0], "id", "name", "ip", "mac", "type", "vendor", "purdueLevel", "subnet", "engineeringStation");
        var edges = Json.Items(map.GetProperty("edges"));
        Assert.NotEmpty(edges);
        Json.HasFields(edges[0], "id", "source", "target", "protocols", "packets", "bytes");
        Assert.Equal(["10.10.10.0/24", "10.10.20.0/24"], map.GetProperty("subnets").EnumerateArray().Select(s => s.GetProperty("cidr").GetString()));
        Assert.Empty(Json.Items((await admin.GetFromJsonAsync<JsonElement>("/api/console/map?protocol=dnp3")).GetProperty("edges")));
        Assert.Equal(edges.Length, Json.Items((await admin.GetFromJsonAsync<JsonElement>("/api/console/map?protocol=modbus")).GetProperty("edges")).Length);
    }

    [Fact]
    public async Task Alerts_ListAndTriage()
    {
        using var admin = await Server.AdminAsync();
        var page = await admin.GetFromJsonAsync<JsonElement>("/api/console/alerts?engine=Protocol%20Violation&limit=1000");
        var items = Json.Items(page.GetProperty("items"));
        Assert.NotEmpty(items);
        Json.HasFields(items[0], "id", "time", "title", "message", "severity", "engine", "sourceDevice", "destinationDevice", "sourceDeviceAddress",
            "destinationDeviceAddress", "remediationSteps", "additionalInformation", "uuid", "status", "count", "firstSeen", "lastSeen", "protocol", "hasPcap", "mitre");
        var id = items[0].GetProperty("id").GetInt64();
        foreach (var (action, status) in new[] { ("acknowledge", "acknowledged"), ("mute", "muted"), ("close", "closed") })
        {
            using var response = await admin.PostAsync($"/api/console/alerts/{id}/{action}", null);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(status, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        }
        using (var learn = await admin.PostAsync($"/api/console/alerts/{items[^1].GetProperty("id").GetInt64()}/learn", null))
            Assert.True((await learn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("learned").GetBoolean());
        Assert.Contains(Json.Items((await admin.GetFromJsonAsync<JsonElement>("/api/console/alerts?status=closed")).GetProperty("items")),
            a => a.GetProperty("id").GetInt64() == id);
        using var unknownAction = await admin.PostAsync($"/api/console/alerts/{id}/delete", null);
        Assert.Equal(HttpStatusCode.BadRequest, unknownAction.StatusCode);
        using var unknownAlert = await admin.PostAsync("/api/console/alerts/999999/close", null);
        Assert.Equal(HttpStatusCode.NotFound, unknownAlert.StatusCode);
    }

    [Fact]
    public async Task Events_Paged()
    {
        using var admin = await Server.AdminAsync();
        var page = await admin.GetFromJsonAsync<JsonElement>("/api/console/events?limit=3");
        Assert.True(page.GetProperty("total").GetInt32() >= 3);
        var items = Json.Items(page.GetProperty("items"));
        Assert.Equal(3, items.Length);
        Json.HasFields(items[0], "id", "timestamp", "type", "title", "severity", "owner", "content");
    }

    [Fact]
    public async Task Captures_ListedAfterPlaying()
    {
        using var admin = await Server.AdminAsync();
        var capture = Json.Items(await admin.GetFromJsonAsync<JsonElement>("/api/console/captures")).Single();
        Json.HasFields(capture, "id", "name", "size", "uploaded", "state", "packets", "error");
        Assert.Equal("modbus-plant.pcap", capture.GetProperty("name").GetString());
        Assert.Equal("played", capture.GetProperty("state").GetString());
        Assert.Equal(1434, capture.GetProperty("packets").GetInt64());
    }

    [Fact]
    public async Task Reports_GeneratedInTheBackground_PdfAndCsvDownload()
    {
        using var admin = await Server.AdminAsync();
        using var queued = await admin.PostAsJsonAsync("/api/console/reports", new { site = "Demo plant" });
        Assert.Equal(HttpStatusCode.Accepted, queued.StatusCode);
        var report = await queued.Content.ReadFromJsonAsync<JsonElement>();
        Json.HasFields(report, "id", "created", "state", "site");
        var id = report.GetProperty("id").GetInt64();
        var until = DateTime.UtcNow.AddSeconds(60);
        string? state = null;
        while (DateTime.UtcNow < until && state is not ("done" or "failed"))
        {
            await Task.Delay(200);
            state = Json.Items(await admin.GetFromJsonAsync<JsonElement>("/api/console/reports")).Single(r => r.GetProperty("id").GetInt64() == id).GetProperty("state").GetString();
        }
        Assert.Equal("done", state);
        using var pdf = await admin.GetAsync($"/api/console/reports/{id}/pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..4]), StringComparison.Ordinal);
        using var csv = await admin.GetAsync($"/api/console/reports/{id}/csv");
        Assert.Equal("application/zip", csv.Content.Headers.ContentType!.MediaType);
        using var zip = new ZipArchive(await csv.Content.ReadAsStreamAsync());
        Assert.NotEmpty(zip.Entries);
        Assert.All(zip.Entries, e => Assert.EndsWith(".csv", e.Name, StringComparison.Ordinal));
        using var missing = await admin.GetAsync("/api/console/reports/999/pdf");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Settings_LearningAndForwarding_SecretsAreWriteOnly()
    {
        using var admin = await Server.AdminAsync();
        var learning = await admin.GetFromJsonAsync<JsonElement>("/api/console/settings/learning");
        Json.HasFields(learning, "learning", "learningWindowSeconds");
        using (var put = await admin.PutAsJsonAsync("/api/console/settings/learning", new { learning = true, learningWindowSeconds = 120 }))
            Assert.Equal(120, (await put.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("learningWindowSeconds").GetInt32());
        using (var put = await admin.PutAsJsonAsync("/api/console/settings/forwarding",
                   new { targets = new[] { new { kind = "syslog", name = "siem", enabled = true, endpoint = "tcp://10.0.0.5:514", secret = "hunter2" } } }))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
            var text = await put.Content.ReadAsStringAsync();
            Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
        }
        var forwarding = await admin.GetFromJsonAsync<JsonElement>("/api/console/settings/forwarding");
        var target = forwarding.GetProperty("targets")[0];
        Json.HasFields(target, "kind", "name", "enabled", "endpoint", "secretSet");
        Assert.True(target.GetProperty("secretSet").GetBoolean());
        Assert.False(target.TryGetProperty("secret", out _));
        using var bad = await admin.PutAsJsonAsync("/api/console/settings/forwarding", new { targets = new[] { new { kind = "smtp", name = "x", enabled = true, endpoint = "" } } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Tokens_CreateListRevoke_LastUsedRecorded()
    {
        var (client, id) = await Server.TokenClientAsync("readonly");
        using var _c = client;
        using var admin = await Server.AdminAsync();
        var listed = Json.Items(await admin.GetFromJsonAsync<JsonElement>("/api/console/tokens")).Single(t => t.GetProperty("id").GetInt64() == id);
        Json.HasFields(listed, "id", "description", "created", "lastUsed");
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("lastUsed").ValueKind);
        Assert.False(listed.TryGetProperty("token", out _));
        using (var used = await client.GetAsync("/api/v1/devices")) Assert.Equal(HttpStatusCode.OK, used.StatusCode);
        listed = Json.Items(await admin.GetFromJsonAsync<JsonElement>("/api/console/tokens")).Single(t => t.GetProperty("id").GetInt64() == id);
        Assert.Equal(JsonValueKind.Number, listed.GetProperty("lastUsed").ValueKind);
        using (var revoke = await admin.DeleteAsync($"/api/console/tokens/{id}")) Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        using (var after = await client.GetAsync("/api/v1/devices")) Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task MeHealthAndOpenApi()
    {
        using var admin = await Server.AdminAsync();
        var me = await admin.GetFromJsonAsync<JsonElement>("/api/console/me");
        Assert.Equal("admin", me.GetProperty("username").GetString());
        Assert.Equal("admin", me.GetProperty("role").GetString());
        Assert.False(string.IsNullOrEmpty(me.GetProperty("csrfToken").GetString()));
        using var anonymous = Server.Client();
        var health = await anonymous.GetFromJsonAsync<JsonElement>("/health");
        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.Equal("ok", health.GetProperty("store").GetString());
        Json.HasFields(health, "version");
        var openapi = await anonymous.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = openapi.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/devices", "/api/v2/alerts", "/api/v1/events", "/api/console/captures", "/api/v2/alerts/pcap/{id}" })
            Assert.True(paths.TryGetProperty(path, out _), $"OpenAPI lacks {path}");
        var alertParameters = paths.GetProperty("/api/v2/alerts").GetProperty("get").GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString());
        Assert.Equal(["state", "fromTime", "toTime", "type"], alertParameters);
    }

    [Fact]
    public async Task ProtocolNames_SameDisplayNamesOnDevicesDashboardMapAndAlerts()
    {
        using var admin = await Server.AdminAsync();
        var devices = await admin.GetFromJsonAsync<JsonElement>("/api/console/devices");
        var deviceNames = devices.GetProperty("items").EnumerateArray()
            .SelectMany(d => d.GetProperty("protocols").EnumerateArray().Select(p => p.GetProperty("name").GetString()!)).ToHashSet(StringComparer.Ordinal);
        // sensor-reference §1.3: the sensor API names Modbus "MODBUS".
        Assert.Contains("MODBUS", deviceNames);

        var dashboard = await admin.GetFromJsonAsync<JsonElement>("/api/console/dashboard");
        var dashboardNames = dashboard.GetProperty("protocols").EnumerateArray().Select(p => p.GetProperty("name").GetString()!).ToList();
        Assert.Contains("MODBUS", dashboardNames);
        Assert.Equal(dashboardNames.Count, dashboardNames.Distinct(StringComparer.Ordinal).Count());

        var map = await admin.GetFromJsonAsync<JsonElement>("/api/console/map");
        var mapNames = map.GetProperty("edges").EnumerateArray().SelectMany(e => e.GetProperty("protocols").EnumerateArray().Select(p => p.GetString()!)).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("MODBUS", mapNames);

        var alerts = await admin.GetFromJsonAsync<JsonElement>("/api/console/alerts");
        var alertNames = alerts.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("protocol"))
            .Where(p => p.ValueKind == JsonValueKind.String).Select(p => p.GetString()!).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("MODBUS", alertNames);
        Assert.DoesNotContain("modbus", deviceNames.Concat(dashboardNames).Concat(mapNames).Concat(alertNames));

        // A filter takes either name, in any case.
        var byDisplay = await admin.GetFromJsonAsync<JsonElement>("/api/console/map?protocol=MODBUS");
        var byShort = await admin.GetFromJsonAsync<JsonElement>("/api/console/map?protocol=modbus");
        Assert.NotEmpty(Json.Items(byDisplay.GetProperty("edges")));
        Assert.Equal(byDisplay.GetProperty("edges").GetArrayLength(), byShort.GetProperty("edges").GetArrayLength());
        var filtered = await admin.GetFromJsonAsync<JsonElement>("/api/console/devices?protocol=MODBUS");
        Assert.True(filtered.GetProperty("total").GetInt32() > 0);

        // The sensor API's connection objects keep the short names (§1.3's note).
        var (token, _) = await Server.TokenClientAsync("readonly");
        using (token)
        {
            var connections = await token.GetFromJsonAsync<JsonElement>("/api/v1/devices/connections");
            Assert.Contains("modbus", connections.EnumerateArray().SelectMany(c => c.GetProperty("protocols").EnumerateArray().Select(p => p.GetProperty("name").GetString())));
        }
    }
}
