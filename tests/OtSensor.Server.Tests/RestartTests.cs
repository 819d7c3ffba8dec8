using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace OtSensor.Server.Tests;

/// <summary>
/// Must show 3: `otsensor serve` killed with SIGKILL in the middle of a replay keeps every device and alert it had
/// stored (and the triage done), and the restarted server finishes the capture.
/// </summary>
public sealed partial class RestartTests
{
    [Fact]
    public async Task Serve_KilledMidReplay_RestartsWithEverythingStoredBefore()
    {
        var store = Directory.CreateTempSubdirectory("otsensor-restart-").FullName;
        try
        {
            Dictionary<long, string> devicesBefore;
            HashSet<long> alertsBefore;
            long acknowledged = 0;
            long eventsBefore;
            string password;
            using (var first = ServerProcess.Start(store, "--replay-rate", "1500"))
            {
                password = Password().Match(first.Output).Groups[1].Value;
                Assert.NotEmpty(password);
                var cookies = new CookieContainer();
                using var admin = await Login(first.Address, password, cookies);
                using var form = new MultipartFormDataContent();
                var file = new StreamContent(File.OpenRead(RepoFiles.Simulated("recon.pcapng")));
                file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                form.Add(file, "file", "recon.pcapng");
                using var uploaded = await admin.PostAsync("/api/console/captures", form);
                Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
                var id = (await uploaded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
                using (var play = await admin.PostAsync($"/api/console/captures/{id}/play", null)) Assert.Equal(HttpStatusCode.Accepted, play.StatusCode);

                // Wait until the store holds devices while the capture is still playing.
                var until = DateTime.UtcNow.AddSeconds(60);
                JsonElement capture;
                while (true)
                {
                    Assert.True(DateTime.UtcNow < until, "no devices stored while playing: " + first.Output);
                    capture = Json.Items(await admin.GetFromJsonAsync<JsonElement>("/api/console/captures")).Single();
                    Assert.NotEqual("played", capture.GetProperty("state").GetString());
                    if (capture.GetProperty("state").GetString() == "playing" && (await admin.GetFromJsonAsync<JsonElement>("/api/console/dashboard")).GetProperty("totals").GetProperty("devices").GetInt32() > 0)
                        break;
                    await Task.Delay(100);
                }
                devicesBefore = Json.Items(await admin.GetFromJsonAsync<JsonElement>("/api/v1/devices"))
                    .ToDictionary(d => d.GetProperty("id").GetInt64(), Address);
                var alerts = Json.Items(await admin.GetFromJsonAsync<JsonElement>("/api/v2/alerts"));
                alertsBefore = [.. alerts.Select(a => a.GetProperty("id").GetInt64())];
                if (alerts.Length > 0)
                {
                    acknowledged = alerts[0].GetProperty("id").GetInt64();
                    using var ack = await admin.PostAsync($"/api/console/alerts/{acknowledged}/acknowledge", null);
                    Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
                }
                eventsBefore = (await admin.GetFromJsonAsync<JsonElement>("/api/console/events")).GetProperty("total").GetInt64();
                first.Kill();
            }
            Assert.NotEmpty(devicesBefore);

            using var second = ServerProcess.Start(store);
            Assert.DoesNotContain("password", second.Output, StringComparison.Ordinal);
            using var again = await Login(second.Address, password, new CookieContainer());
            var listedAfter = Json.Items(await again.GetFromJsonAsync<JsonElement>("/api/v1/devices"));
            var devicesAfter = listedAfter.ToDictionary(d => d.GetProperty("id").GetInt64(), Address);
            var addressesAfter = listedAfter.SelectMany(AllAddresses).ToHashSet(StringComparer.Ordinal);
            foreach (var (id, address) in devicesBefore)
            {
                // The restarted server resumes the capture at once; when that run ends, a MAC-only device that later got
                // an address is merged into that device: its id goes, its MAC stays on the device it became.
                if (devicesAfter.TryGetValue(id, out var after)) Assert.Equal(address, after);
                else Assert.True(addressesAfter.Contains(address), $"device {id} ({address}) lost");
            }
            var alertsAfter = Json.Items(await again.GetFromJsonAsync<JsonElement>("/api/v2/alerts")).ToDictionary(a => a.GetProperty("id").GetInt64());
            Assert.Superset(alertsBefore, alertsAfter.Keys.ToHashSet());
            if (acknowledged > 0) Assert.True(alertsAfter[acknowledged].GetProperty("handled").GetBoolean());
            Assert.True((await again.GetFromJsonAsync<JsonElement>("/api/console/events")).GetProperty("total").GetInt64() >= eventsBefore);

            // The interrupted capture is played again to the end, into the same run: no alert is stored twice.
            var until2 = DateTime.UtcNow.AddSeconds(90);
            while (Json.Items(await again.GetFromJsonAsync<JsonElement>("/api/console/captures")).Single().GetProperty("state").GetString() != "played")
            {
                Assert.True(DateTime.UtcNow < until2, "the interrupted capture was not played again: " + second.Output);
                await Task.Delay(200);
            }
            var final = Json.Items(await again.GetFromJsonAsync<JsonElement>("/api/v2/alerts"));
            Assert.Equal(final.Length, final.Select(a => (a.GetProperty("title").GetString(), a.GetProperty("time").GetInt64(), a.GetProperty("sourceDeviceAddress").ToString(),
                a.GetProperty("destinationDeviceAddress").ToString())).Distinct().Count());
            if (acknowledged > 0)
                Assert.Equal("acknowledged", (await again.GetFromJsonAsync<JsonElement>($"/api/console/alerts?status=acknowledged")).GetProperty("items")[0].GetProperty("status").GetString());
            second.Kill();
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(store, recursive: true); }
            catch (IOException) { }
        }
    }

    private static async Task<HttpClient> Login(Uri address, string password, CookieContainer cookies)
    {
        var client = TestServer.NewClient(address, cookies);
        using var response = await client.PostAsJsonAsync("/api/console/login", new { username = "admin", password });
        response.EnsureSuccessStatusCode();
        client.DefaultRequestHeaders.Add("X-CSRF-Token", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("csrfToken").GetString());
        return client;
    }

    /// <summary>A device's first IP address, else its first MAC: what makes it the same device across runs.</summary>
    private static IEnumerable<string> AllAddresses(JsonElement device)
    {
        foreach (var name in new[] { "ipAddresses", "macAddresses" })
            if (device.GetProperty(name).ValueKind == JsonValueKind.Array)
                foreach (var a in device.GetProperty(name).EnumerateArray()) yield return a.GetString()!;
    }

    private static string Address(JsonElement device)
    {
        foreach (var name in new[] { "ipAddresses", "macAddresses" })
            foreach (var a in device.GetProperty(name).EnumerateArray()) return a.GetString()!;
        return "";
    }

    [GeneratedRegex("password '([^']+)'")]
    private static partial Regex Password();
}
