using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace OtSensor.Server.Tests;

/// <summary>
/// Issue 10 Must show 2 in the server: the console's forwarding targets really forward the alerts a played capture
/// raises (a TCP syslog listener hosted by the test), and a dead target shows its failures in <c>/api/console/forwarding</c>.
/// </summary>
public sealed class ForwardingTests
{
    [Fact]
    public async Task PlayCapture_SyslogTarget_ReceivesAlertsAndStatusCountsThemSent()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var received = new StringBuilder();
        using var stop = new CancellationTokenSource();
        var accepting = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    var client = await listener.AcceptTcpClientAsync(stop.Token);
                    _ = Task.Run(async () =>
                    {
                        using (client)
                        {
                            var stream = client.GetStream();
                            var buffer = new byte[8192];
                            int n;
                            while ((n = await stream.ReadAsync(buffer, stop.Token)) > 0)
                                lock (received) received.Append(Encoding.UTF8.GetString(buffer, 0, n));
                        }
                    });
                }
            }
            catch (OperationCanceledException)
            {
            }
        });

        await using var server = await TestServer.StartAsync();
        using var admin = await server.AdminAsync();
        using var put = await admin.PutAsJsonAsync("/api/console/settings/forwarding", new
        {
            targets = new object[] { new { kind = "syslog", name = "siem", enabled = true, endpoint = $"tcp://127.0.0.1:{port}" } },
        });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        await PlayDemoAsync(server, admin);
        long alerts = (await admin.GetFromJsonAsync<JsonElement>("/api/console/alerts")).GetProperty("total").GetInt64();
        Assert.True(alerts > 0);

        JsonElement target = default;
        var until = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < until)
        {
            var status = await admin.GetFromJsonAsync<JsonElement>("/api/console/forwarding");
            target = status.GetProperty("targets").EnumerateArray().Single();
            if (target.GetProperty("sent").GetInt64() >= alerts && target.GetProperty("pending").GetInt64() == 0) break;
            await Task.Delay(100);
        }
        Json.HasFields(target, "name", "kind", "enabled", "pending", "sent", "retried", "failed", "lastError", "lastSuccess");
        Assert.Equal("siem", target.GetProperty("name").GetString());
        Assert.Equal("syslog", target.GetProperty("kind").GetString());
        Assert.True(target.GetProperty("sent").GetInt64() >= alerts, target.ToString());
        Assert.Equal(0, target.GetProperty("pending").GetInt64());
        Assert.Equal(0, target.GetProperty("failed").GetInt64());
        Assert.Equal(JsonValueKind.Number, target.GetProperty("lastSuccess").ValueKind);

        until = DateTime.UtcNow.AddSeconds(10);
        string text = "";
        while (DateTime.UtcNow < until)
        {
            lock (received) text = received.ToString();
            if (CountOf(text, "CEF:0|") >= alerts) break;
            await Task.Delay(100);
        }
        Assert.True(CountOf(text, "CEF:0|") >= alerts, $"{CountOf(text, "CEF:0|")} CEF messages for {alerts} alerts");
        Assert.Contains("Modbus", text, StringComparison.Ordinal);
        var outbox = (await admin.GetFromJsonAsync<JsonElement>("/api/console/forwarding")).GetProperty("outbox");
        Assert.True(outbox.GetProperty("stored").GetInt64() >= alerts);
        Assert.Equal(0, outbox.GetProperty("overflow").GetInt64());

        await stop.CancelAsync();
        listener.Stop();
        await accepting;
    }

    [Fact]
    public async Task ClosedPort_StatusShowsFailuresPendingAndOneLineError_SecretNeverShown()
    {
        // A port that was free a moment ago: nothing listens there.
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int closed = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();

        await using var server = await TestServer.StartAsync();
        using var admin = await server.AdminAsync();
        using var put = await admin.PutAsJsonAsync("/api/console/settings/forwarding", new
        {
            targets = new object[]
            {
                new { kind = "syslog", name = "dead", enabled = true, endpoint = $"tcp://127.0.0.1:{closed}" },
                new { kind = "eventhubs", name = "hub", enabled = true, endpoint = "ns/hub", secret = "not-a-connection-string-S3cr3t" },
                new { kind = "syslog", name = "off", enabled = false, endpoint = "udp://127.0.0.1:514" },
            },
        });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        await PlayDemoAsync(server, admin);

        JsonElement dead = default;
        string body = "";
        var until = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < until)
        {
            body = await admin.GetStringAsync("/api/console/forwarding");
            dead = JsonDocument.Parse(body).RootElement.GetProperty("targets").EnumerateArray().First(t => t.GetProperty("name").GetString() == "dead");
            if (dead.GetProperty("failed").GetInt64() > 0 && dead.GetProperty("pending").GetInt64() > 0) break;
            await Task.Delay(100);
        }
        Assert.True(dead.GetProperty("failed").GetInt64() > 0, dead.ToString());
        Assert.True(dead.GetProperty("pending").GetInt64() > 0, dead.ToString());
        Assert.Equal(0, dead.GetProperty("sent").GetInt64());
        var error = dead.GetProperty("lastError").GetString();
        Assert.False(string.IsNullOrEmpty(error));
        Assert.DoesNotContain('\n', error);
        Assert.Equal(JsonValueKind.Null, dead.GetProperty("lastSuccess").ValueKind);

        var targets = JsonDocument.Parse(body).RootElement.GetProperty("targets");
        var hub = targets.EnumerateArray().First(t => t.GetProperty("name").GetString() == "hub");
        Assert.StartsWith("settings: ", hub.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        var off = targets.EnumerateArray().First(t => t.GetProperty("name").GetString() == "off");
        Assert.False(off.GetProperty("enabled").GetBoolean());
        Assert.DoesNotContain("S3cr3t", body, StringComparison.Ordinal);
    }

    private static async Task PlayDemoAsync(TestServer server, HttpClient admin)
    {
        using var form = new MultipartFormDataContent();
        var file = new StreamContent(File.OpenRead(RepoFiles.DemoCapture));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.tcpdump.pcap");
        form.Add(file, "file", "modbus-plant.pcap");
        using var uploaded = await admin.PostAsync("/api/console/captures", form);
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var id = (await uploaded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        using var play = await admin.PostAsync($"/api/console/captures/{id}/play", null);
        Assert.Equal(HttpStatusCode.Accepted, play.StatusCode);
        await server.WaitForCapturesAsync(admin);
    }

    private static int CountOf(string text, string part)
    {
        int n = 0;
        for (int i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal)) n++;
        return n;
    }
}
