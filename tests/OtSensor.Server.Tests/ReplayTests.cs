using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace OtSensor.Server.Tests;

/// <summary>Playing the same capture again adds no copies: the alerts it raised before count up instead.</summary>
public sealed class ReplayTests
{
    [Fact]
    public async Task PlaySameCaptureThreeTimes_AlertsNotDuplicated_CountsGoUp()
    {
        await using var server = await TestServer.StartAsync();
        using var admin = await server.AdminAsync();
        using var form = new MultipartFormDataContent();
        var file = new StreamContent(File.OpenRead(RepoFiles.DemoCapture));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.tcpdump.pcap");
        form.Add(file, "file", "modbus-plant.pcap");
        using var uploaded = await admin.PostAsync("/api/console/captures", form);
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var id = (await uploaded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        var totals = new List<int>();
        var counts = new List<long>();
        for (int play = 0; play < 3; play++)
        {
            using var response = await admin.PostAsync($"/api/console/captures/{id}/play", null);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            await server.WaitForCapturesAsync(admin);
            var alerts = await admin.GetFromJsonAsync<JsonElement>("/api/console/alerts?limit=1000");
            totals.Add(alerts.GetProperty("total").GetInt32());
            counts.Add(alerts.GetProperty("items").EnumerateArray().Sum(a => a.GetProperty("count").GetInt64()));
        }
        Assert.True(totals[0] > 0);
        Assert.Equal([totals[0], totals[0], totals[0]], totals);
        Assert.True(counts[2] > counts[1] && counts[1] > counts[0], string.Join(", ", counts));
    }
}
