using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace OtSensor.Server.Tests;

/// <summary>Play PCAP end to end: upload (streamed, 201), play (202, queued), live events while it plays, play all, clear all.</summary>
public sealed class PlayCaptureTests
{
    [Fact]
    public async Task UploadPlayAndClear_LiveStreamReportsProgressDevicesAndAlerts()
    {
        await using var server = await TestServer.StartAsync();
        var cookies = new CookieContainer();
        using var admin = await server.AdminAsync(cookies);
        using var live = server.Client(cookies);
        using var stream = await live.GetStreamAsync("/api/console/live");
        var reader = new StreamReader(stream);
        var events = new List<string>();
        var listening = Task.Run(async () =>
        {
            string? line;
            while ((line = await reader.ReadLineAsync()) is not null)
                lock (events) events.Add(line);
        });

        using var form = new MultipartFormDataContent();
        var file = new StreamContent(File.OpenRead(RepoFiles.DemoCapture));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.tcpdump.pcap");
        form.Add(file, "file", "modbus-plant.pcap");
        using var uploaded = await admin.PostAsync("/api/console/captures", form);
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var capture = await uploaded.Content.ReadFromJsonAsync<JsonElement>();
        Json.HasFields(capture, "id", "name", "size", "uploaded", "state");
        Assert.Equal("uploaded", capture.GetProperty("state").GetString());
        Assert.Equal(new FileInfo(RepoFiles.DemoCapture).Length, capture.GetProperty("size").GetInt64());
        var stored = Directory.GetFiles(Path.Combine(server.Directory, "captures")).Single();
        Assert.Matches("^[0-9a-f]{32}\\.pcap$", Path.GetFileName(stored));

        var id = capture.GetProperty("id").GetInt64();
        using var play = await admin.PostAsync($"/api/console/captures/{id}/play", null);
        Assert.Equal(HttpStatusCode.Accepted, play.StatusCode);
        Assert.Contains((await play.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString(), new[] { "queued", "playing", "played" });
        await server.WaitForCapturesAsync(admin);
        Assert.Equal(6, (await admin.GetFromJsonAsync<JsonElement>("/api/console/devices")).GetProperty("total").GetInt32());

        var until = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < until)
        {
            lock (events)
                if (events.Contains("event: alert") && events.Contains("event: devices") && events.Any(e => e.Contains("\"state\":\"played\"", StringComparison.Ordinal))) break;
            await Task.Delay(100);
        }
        lock (events)
        {
            Assert.Contains("event: capture", events);
            Assert.Contains("event: devices", events);
            Assert.Contains("event: alert", events);
            Assert.Contains(events, e => e.StartsWith("data: {\"id\":" + id, StringComparison.Ordinal) && e.Contains("\"state\":\"played\"", StringComparison.Ordinal));
        }

        using var all = await admin.PostAsync("/api/console/captures/play-all", null);
        Assert.Equal(HttpStatusCode.Accepted, all.StatusCode);
        Assert.Single(Json.Items(await all.Content.ReadFromJsonAsync<JsonElement>()));
        await server.WaitForCapturesAsync(admin);
        // Playing the same capture again finds the same devices.
        Assert.Equal(6, (await admin.GetFromJsonAsync<JsonElement>("/api/console/devices")).GetProperty("total").GetInt32());

        using var clear = await admin.DeleteAsync("/api/console/captures");
        Assert.Equal(HttpStatusCode.NoContent, clear.StatusCode);
        Assert.Empty(Json.Items(await admin.GetFromJsonAsync<JsonElement>("/api/console/captures")));
        Assert.Empty(Directory.GetFiles(Path.Combine(server.Directory, "captures")));
        Assert.Equal(6, (await admin.GetFromJsonAsync<JsonElement>("/api/console/devices")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Mute_AlertOfTheLastCapture_IsKeptInTheStoredBaselineForTheNextCapture()
    {
        await using var server = await TestServer.StartAsync(captures: RepoFiles.DemoCapture);
        using var admin = await server.AdminAsync();
        await server.WaitForCapturesAsync(admin);
        var before = server.Server.Store.LoadBaseline();
        Assert.NotNull(before);
        var alert = (await admin.GetFromJsonAsync<JsonElement>("/api/console/alerts?status=new")).GetProperty("items")[0];
        using var mute = await admin.PostAsync($"/api/console/alerts/{alert.GetProperty("id").GetInt64()}/mute", null);
        Assert.Equal(HttpStatusCode.OK, mute.StatusCode);
        using var baseline = JsonDocument.Parse(server.Server.Store.LoadBaseline()!);
        var muted = baseline.RootElement.GetProperty("muted").EnumerateArray().ToArray();
        Assert.Contains(muted, m => m.GetProperty("source").GetString() == alert.GetProperty("sourceDeviceAddress").GetString()
            && m.GetProperty("destination").GetString() == alert.GetProperty("destinationDeviceAddress").GetString());

        // Played again, the muted pattern raises nothing between those two devices: its alert neither comes back as a
        // copy nor counts up, while the other alerts of the capture count up in their rows.
        var first = Json.Items((await admin.GetFromJsonAsync<JsonElement>("/api/console/alerts?limit=1000")).GetProperty("items"))
            .ToDictionary(a => a.GetProperty("id").GetInt64(), a => a.GetProperty("count").GetInt64());
        using (var again = await admin.PostAsync("/api/console/captures/1/play", null)) Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        await server.WaitForCapturesAsync(admin);
        var items = Json.Items((await admin.GetFromJsonAsync<JsonElement>("/api/console/alerts?limit=1000")).GetProperty("items"));
        Assert.Equal(first.Count, items.Length);
        Assert.Contains(items, a => a.GetProperty("count").GetInt64() > first[a.GetProperty("id").GetInt64()]);
        var same = Assert.Single(items, a => a.GetProperty("title").GetString() == alert.GetProperty("title").GetString()
            && a.GetProperty("sourceDeviceAddress").GetString() == alert.GetProperty("sourceDeviceAddress").GetString()
            && a.GetProperty("destinationDeviceAddress").GetString() == alert.GetProperty("destinationDeviceAddress").GetString());
        Assert.Equal(first[same.GetProperty("id").GetInt64()], same.GetProperty("count").GetInt64());
    }
}
