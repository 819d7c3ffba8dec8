using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace OtSensor.Server.Tests;

/// <summary>
/// Must show 4: oversized uploads, files that are not captures, path-traversal names, malformed JSON and query values
/// each get a clear 4xx with a one-line error, nothing is stored, and the server stays healthy.
/// </summary>
public sealed class HostileInputTests : IAsyncLifetime
{
    private const long Limit = 64 * 1024;
    private TestServer _server = null!;
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        _server = await TestServer.StartAsync(maxUpload: Limit);
        _admin = await _server.AdminAsync();
    }

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        await _server.DisposeAsync();
    }

    private static MultipartFormDataContent Upload(byte[] content, string fileName, string part = "file")
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, part, fileName);
        // HttpClient quotes the name; put the raw hostile name in the header as a browser would send it.
        file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"" + part + "\"", FileName = "\"" + fileName + "\"" };
        return form;
    }

    private async Task AssertNothingStoredAndHealthy()
    {
        Assert.Empty(Json.Items(await _admin.GetFromJsonAsync<JsonElement>("/api/console/captures")));
        var folder = Path.Combine(_server.Directory, "captures");
        Assert.True(!Directory.Exists(folder) || Directory.GetFiles(folder).Length == 0, "files left in the capture folder");
        Assert.Empty(Directory.GetFiles(_server.Directory, "passwd", SearchOption.AllDirectories));
        using var anonymous = _server.Client();
        Assert.Equal("ok", (await anonymous.GetFromJsonAsync<JsonElement>("/health")).GetProperty("status").GetString());
    }

    private static async Task AssertError(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain('\n', text.Trim());
        Assert.False(string.IsNullOrWhiteSpace(JsonDocument.Parse(text).RootElement.GetProperty("error").GetString()));
    }

    [Fact]
    public async Task Upload_LargerThanTheLimit_Is413()
    {
        var demo = await File.ReadAllBytesAsync(RepoFiles.DemoCapture);
        Assert.True(demo.Length > Limit);
        using var response = await _admin.PostAsync("/api/console/captures", Upload(demo, "modbus-plant.pcap"));
        await AssertError(response, HttpStatusCode.RequestEntityTooLarge);
        await AssertNothingStoredAndHealthy();
    }

    [Fact]
    public async Task Upload_ChunkedWithoutLength_StillStopsAtTheLimit()
    {
        var demo = await File.ReadAllBytesAsync(RepoFiles.DemoCapture);
        var form = Upload(demo, "modbus-plant.pcap");
        var stream = new MemoryStream();
        await form.CopyToAsync(stream);
        stream.Position = 0;
        var chunked = new StreamContent(new NonSeekable(stream));
        chunked.Headers.ContentType = form.Headers.ContentType;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/console/captures") { Content = chunked };
        request.Headers.TransferEncodingChunked = true;
        using var response = await _admin.SendAsync(request);
        await AssertError(response, HttpStatusCode.RequestEntityTooLarge);
        await AssertNothingStoredAndHealthy();
    }

    [Fact]
    public async Task Upload_NotACapture_Is400()
    {
        using var response = await _admin.PostAsync("/api/console/captures", Upload(Encoding.ASCII.GetBytes("root:x:0:0:root:/root:/bin/bash\n"), "notes.pcap"));
        await AssertError(response, HttpStatusCode.BadRequest);
        using var empty = await _admin.PostAsync("/api/console/captures", Upload([], "empty.pcap"));
        await AssertError(empty, HttpStatusCode.BadRequest);
        await AssertNothingStoredAndHealthy();
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("../../etc/passwd.pcap")]
    [InlineData("..\\..\\windows\\capture.pcap")]
    [InlineData("/etc/passwd.pcap")]
    [InlineData("capture.exe")]
    public async Task Upload_PathOrWrongExtensionInTheName_Is400(string name)
    {
        var header = new byte[] { 0xD4, 0xC3, 0xB2, 0xA1, 2, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0, 0, 1, 0, 0, 0 };
        using var response = await _admin.PostAsync("/api/console/captures", Upload(header, name));
        await AssertError(response, HttpStatusCode.BadRequest);
        await AssertNothingStoredAndHealthy();
    }

    [Fact]
    public async Task Upload_NotMultipartOrNoFilePart_Is400()
    {
        using var raw = await _admin.PostAsync("/api/console/captures", new ByteArrayContent([0xD4, 0xC3, 0xB2, 0xA1]));
        await AssertError(raw, HttpStatusCode.BadRequest);
        using var wrongPart = await _admin.PostAsync("/api/console/captures", Upload([0xD4, 0xC3, 0xB2, 0xA1], "a.pcap", part: "other"));
        await AssertError(wrongPart, HttpStatusCode.BadRequest);
        await AssertNothingStoredAndHealthy();
    }

    [Theory]
    [InlineData("/api/console/login", "{\"username\": \"admin\", ")]
    [InlineData("/api/console/reports", "{site: nope}")]
    [InlineData("/api/console/tokens", "[1, 2, 3]")]
    [InlineData("/api/console/users", "")]
    [InlineData("/api/external/authentication/validation", "\u0000")]
    public async Task Body_MalformedJson_Is400(string path, string body)
    {
        using var response = await _admin.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));
        await AssertError(response, HttpStatusCode.BadRequest);
        Assert.Empty(Json.Items(await _admin.GetFromJsonAsync<JsonElement>("/api/console/reports")));
        Assert.Single(Json.Items(await _admin.GetFromJsonAsync<JsonElement>("/api/console/users")));
        await AssertNothingStoredAndHealthy();
    }

    [Fact]
    public async Task PutBody_MalformedOrWrongTypes_Is400AndSettingsUnchanged()
    {
        var before = await _admin.GetStringAsync("/api/console/settings/learning");
        using (var broken = await _admin.PutAsync("/api/console/settings/learning", new StringContent("{\"learning\": tru", Encoding.UTF8, "application/json")))
            await AssertError(broken, HttpStatusCode.BadRequest);
        using (var wrongType = await _admin.PutAsJsonAsync("/api/console/settings/learning", new { learning = "yes", learningWindowSeconds = -5 }))
            await AssertError(wrongType, HttpStatusCode.BadRequest);
        using (var alert = await _admin.PutAsync("/api/v1/alerts/1-1", new StringContent("{\"action\":", Encoding.UTF8, "application/json")))
            await AssertError(alert, HttpStatusCode.BadRequest);
        Assert.Equal(before, await _admin.GetStringAsync("/api/console/settings/learning"));
    }

    [Theory]
    [InlineData("/api/v1/alerts?fromTime=abc")]
    [InlineData("/api/v2/alerts?toTime=1e9")]
    [InlineData("/api/v1/alerts?state=open")]
    [InlineData("/api/v1/devices?authorized=maybe")]
    [InlineData("/api/v1/devices/connections?discoveredBefore=yesterday")]
    [InlineData("/api/v1/devices/connections?lastActiveInMinutes=-1")]
    [InlineData("/api/v1/devices/abc/connections")]
    [InlineData("/api/v1/devices/cves?top=0")]
    [InlineData("/api/v1/events?minutesTimeFrame=%27%20OR%201=1")]
    [InlineData("/api/console/devices?limit=0")]
    [InlineData("/api/console/devices?limit=100000")]
    [InlineData("/api/console/devices?offset=-1")]
    [InlineData("/api/console/devices?sort=password")]
    [InlineData("/api/console/devices?order=sideways")]
    [InlineData("/api/console/devices?purdueLevel=x")]
    [InlineData("/api/console/devices/abc")]
    [InlineData("/api/console/alerts?status=deleted")]
    [InlineData("/api/console/events?limit=abc")]
    [InlineData("/api/v2/alerts/pcap/..%2F..%2Fotsensor.db")]
    [InlineData("/api/console/reports/abc/pdf")]
    public async Task Query_BadValues_Is400(string path)
    {
        using var response = await _admin.GetAsync(path);
        await AssertError(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("GET", "/api/console/devices/424242")]
    [InlineData("GET", "/api/v2/alerts/pcap/424242")]
    [InlineData("GET", "/api/console/reports/424242/pdf")]
    [InlineData("POST", "/api/console/alerts/424242/acknowledge")]
    [InlineData("POST", "/api/console/captures/424242/play")]
    [InlineData("DELETE", "/api/console/tokens/424242")]
    [InlineData("DELETE", "/api/console/users/nobody")]
    [InlineData("GET", "/api/v3/unknown")]
    public async Task UnknownIds_Are404(string method, string path)
    {
        using var response = await _admin.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        await AssertError(response, HttpStatusCode.NotFound);
    }

    /// <summary>Hides the length so HttpClient sends the body chunked.</summary>
    private sealed class NonSeekable(Stream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
