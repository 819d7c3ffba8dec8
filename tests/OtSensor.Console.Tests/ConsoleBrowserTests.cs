using Microsoft.Playwright;
using Xunit.Abstractions;

namespace OtSensor.Console.Tests;

/// <summary>
/// Issue 8, Must show 2: the web console in headless Chromium against the real server. Each test signs in, does what
/// an analyst does, and saves full-page screenshots to artifacts/console/ under the test output.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class ConsoleBrowserTests(ConsoleServer server, ITestOutputHelper output)
{
    // Users the tests create (the policy wants 12+ characters, not only letters or digits).
    private const string AnalystPassword = "analyst-Pa55word";
    private const string ViewerPassword = "viewer-Pa55word!";

    [Fact]
    public async Task Admin_UploadsAndPlaysDemoCapture_DevicesAppearOnMapAndOpenFromIt()
    {
        var (context, page, errors) = await server.NewPage();
        await using var _ = context;
        await page.GotoAsync("/login.html");
        await Shot(page, "login");
        await ConsoleServer.LogIn(page, "admin", server.AdminPassword);

        // Upload through the page (multipart with a progress bar), then play it.
        // A second tab keeps the map open while the capture plays: the live stream must redraw it.
        var mapTab = await context.NewPageAsync();
        await mapTab.GotoAsync("/map.html");
        await mapTab.WaitForFunctionAsync("() => window.otsensorMap !== undefined");
        var loadsBefore = int.Parse(await mapTab.GetByTestId("map-node-count").GetAttributeAsync("data-loads") ?? "0", System.Globalization.CultureInfo.InvariantCulture);

        await page.GotoAsync("/captures.html");
        await page.GetByTestId("capture-table").Locator("tbody tr").First.WaitForAsync();
        var before = await CaptureIds(page);
        await page.GetByTestId("capture-file").SetInputFilesAsync(server.DemoCapture);
        await page.GetByTestId("capture-upload").ClickAsync();
        await page.WaitForFunctionAsync("n => document.querySelectorAll('[data-testid=capture-row]').length > n", before.Count);
        var id = (await CaptureIds(page)).Except(before).Single();
        var row = page.Locator($"[data-testid=capture-row][data-id=\"{id}\"]");
        await Assertions.Expect(row).ToContainTextAsync("modbus-plant.pcap");
        Assert.Equal(100, await page.GetByTestId("upload-progress").EvaluateAsync<int>("p => p.value"));
        await row.GetByTestId("capture-play").ClickAsync();
        await Assertions.Expect(row).ToHaveAttributeAsync("data-state", "played", new() { Timeout = 90_000 });
        Assert.NotEqual("0", (await row.Locator("td.num").Nth(1).TextContentAsync())?.Trim());
        // The device count in the top bar comes only from the live event stream (GET /api/console/live).
        await Assertions.Expect(page.GetByTestId("live-device-count")).ToContainTextAsync("devices");
        await Assertions.Expect(page.GetByTestId("live-status")).ToHaveAttributeAsync("data-state", "ok");
        await Shot(page, "captures");

        // The open map redrew itself from the live stream (no reload) and shows devices.
        await mapTab.WaitForFunctionAsync(
            "n => Number(document.querySelector('[data-testid=map-node-count]').dataset.loads) > n && window.otsensorMap.nodes('.device').length > 0",
            loadsBefore, new() { Timeout = 30_000 });
        await mapTab.CloseAsync();

        // The map draws the devices the capture revealed: one cytoscape node per device, the same count as the API's.
        await page.GotoAsync("/map.html");
        await page.WaitForFunctionAsync("() => window.otsensorMap && window.otsensorMap.nodes('.device').length > 0");
        var nodes = await page.EvaluateAsync<int>("() => window.otsensorMap.nodes('.device').length");
        var counted = await page.GetByTestId("map-node-count").GetAttributeAsync("data-nodes");
        Assert.True(nodes > 0);
        Assert.Equal(nodes.ToString(System.Globalization.CultureInfo.InvariantCulture), counted);
        Assert.True(await page.EvaluateAsync<int>("() => window.otsensorMap.edges().length") > 0, "the map has no connections");
        await Shot(page, "map");

        // Clicking a node opens its device page (evidence included).
        var target = await page.EvaluateAsync<NodePoint>(
            """
            () => {
              const cy = window.otsensorMap;
              const n = cy.nodes('.device').sort((a, b) => a.renderedPosition().x - b.renderedPosition().x)[0];
              const p = n.renderedPosition();
              const r = cy.container().getBoundingClientRect();
              return { x: r.left + p.x, y: r.top + p.y, id: String(n.data('deviceId')) };
            }
            """);
        await page.Mouse.ClickAsync(target.X, target.Y);
        await page.WaitForURLAsync(url => url.Contains("/device.html?id=" + target.Id, StringComparison.Ordinal));
        await Assertions.Expect(page.GetByTestId("device-title")).Not.ToHaveTextAsync("Device");
        await Assertions.Expect(page.GetByTestId("device-evidence").Locator("tbody tr").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("device-connections").Locator("tbody tr").First).ToBeVisibleAsync();
        await Shot(page, "device");

        // The dashboard (the bare "/") and the inventory show the same plant.
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByTestId("kpi-devices")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[1-9]"));
        await Assertions.Expect(page.GetByTestId("protocol-table").Locator("tbody tr").First).ToContainTextAsync("Modbus", new() { IgnoreCase = true });
        await Shot(page, "dashboard");
        await page.GotoAsync("/devices.html");
        await Assertions.Expect(page.GetByTestId("device-row").First).ToBeVisibleAsync();
        Assert.Equal(nodes, await page.GetByTestId("device-row").CountAsync());
        await Shot(page, "devices");

        AssertNoScriptErrors(errors);
    }

    [Fact]
    public async Task Analyst_AcknowledgesAndMutesAlerts_StatusesStick()
    {
        await server.EnsureDemoPlayed();
        await server.CreateUser("analyst1", "analyst", AnalystPassword);
        var (context, page, errors) = await server.NewPage();
        await using var _ = context;
        await ConsoleServer.LogIn(page, "analyst1", AnalystPassword);

        await page.GotoAsync("/alerts.html?status=new");
        var rows = page.GetByTestId("alert-row");
        await rows.First.WaitForAsync();
        Assert.True(await rows.CountAsync() >= 2, "the demo capture should raise at least two alerts");

        var first = await rows.Nth(0).GetAttributeAsync("data-id");
        var second = await rows.Nth(1).GetAttributeAsync("data-id");
        var firstRow = page.Locator($"[data-testid=alert-row][data-id=\"{first}\"]");
        var secondRow = page.Locator($"[data-testid=alert-row][data-id=\"{second}\"]");
        await firstRow.GetByTestId("alert-acknowledge").ClickAsync();
        await Assertions.Expect(firstRow).ToHaveAttributeAsync("data-status", "acknowledged");
        await secondRow.GetByTestId("alert-mute").ClickAsync();
        await Assertions.Expect(secondRow).ToHaveAttributeAsync("data-status", "muted");

        // The store kept both: the filtered lists find them after a reload.
        await page.GotoAsync("/alerts.html?status=acknowledged");
        await Assertions.Expect(page.Locator($"[data-testid=alert-row][data-id=\"{first}\"]")).ToBeVisibleAsync();
        await page.GotoAsync("/alerts.html?status=muted");
        await Assertions.Expect(page.Locator($"[data-testid=alert-row][data-id=\"{second}\"]")).ToBeVisibleAsync();

        await page.GotoAsync("/alerts.html");
        await rows.First.WaitForAsync();
        await rows.First.GetByTestId("alert-title").ClickAsync();
        await Shot(page, "alerts");

        // The alert's PCAP downloads as a capture file (pcap or pcapng magic number).
        var download = await page.RunAndWaitForDownloadAsync(() => rows.First.GetByTestId("alert-pcap").ClickAsync());
        var pcapPath = Path.Combine(server.ArtifactsDirectory, "alert.pcap");
        await download.SaveAsAsync(pcapPath);
        var magic = BitConverter.ToUInt32((await File.ReadAllBytesAsync(pcapPath)).AsSpan(0, 4));
        Assert.Contains(magic, new uint[] { 0xa1b2c3d4, 0xd4c3b2a1, 0xa1b23c4d, 0x4d3cb2a1, 0x0a0d0d0a });

        await page.GotoAsync("/events.html");
        await Assertions.Expect(page.GetByTestId("event-item").First).ToBeVisibleAsync();
        await Shot(page, "events");
        AssertNoScriptErrors(errors);
    }

    [Fact]
    public async Task Analyst_PlaysAllThenClearsAll_StoredDevicesStay()
    {
        await server.EnsureDemoPlayed();
        await server.CreateUser("analyst2", "analyst", AnalystPassword);
        var (context, page, errors) = await server.NewPage();
        await using var _ = context;
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await ConsoleServer.LogIn(page, "analyst2", AnalystPassword);

        await page.GotoAsync("/captures.html");
        await page.GetByTestId("capture-table").Locator("tbody tr").First.WaitForAsync();
        await page.GetByTestId("capture-file").SetInputFilesAsync(server.DemoCapture);
        await page.GetByTestId("capture-upload").ClickAsync();
        await Assertions.Expect(page.GetByTestId("capture-row").Filter(new() { HasText = "modbus-plant.pcap" }).First).ToBeVisibleAsync();
        await page.GetByTestId("capture-play-all").ClickAsync();
        await page.WaitForFunctionAsync(
            "() => { const rows = [...document.querySelectorAll('[data-testid=capture-row]')]; return rows.length > 0 && rows.every(r => r.dataset.state === 'played' || r.dataset.state === 'failed'); }",
            null, new() { Timeout = 90_000 });
        Assert.Equal(0, await page.Locator("[data-testid=capture-row][data-state=failed]").CountAsync());

        await page.GetByTestId("capture-clear-all").ClickAsync();
        await Assertions.Expect(page.GetByTestId("capture-row")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("capture-table").Locator("tbody tr.empty")).ToBeVisibleAsync();

        // Deleting the captures keeps what they revealed.
        await page.GotoAsync("/index.html");
        await Assertions.Expect(page.GetByTestId("kpi-devices")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[1-9]"));
        AssertNoScriptErrors(errors);
    }

    [Fact]
    public async Task Analyst_GeneratesReport_DownloadsPdfAndCsv()
    {
        await server.EnsureDemoPlayed();
        var (context, page, errors) = await server.NewPage();
        await using var _ = context;
        await ConsoleServer.LogIn(page, "admin", server.AdminPassword);

        await page.GotoAsync("/reports.html");
        await page.GetByTestId("report-site").FillAsync("Demo water plant");
        await page.GetByTestId("report-generate").ClickAsync();
        var row = page.GetByTestId("report-row").Filter(new() { HasText = "Demo water plant" }).First;
        await Assertions.Expect(row).ToHaveAttributeAsync("data-state", "done", new() { Timeout = 60_000 });

        var pdf = await page.RunAndWaitForDownloadAsync(() => row.GetByTestId("report-pdf").ClickAsync());
        var pdfPath = Path.Combine(server.ArtifactsDirectory, "report.pdf");
        await pdf.SaveAsAsync(pdfPath);
        var bytes = await File.ReadAllBytesAsync(pdfPath);
        Assert.True(bytes.Length > 10_000, $"the PDF has only {bytes.Length} bytes");
        Assert.Equal("%PDF-"u8.ToArray(), bytes[..5]);

        var csv = await page.RunAndWaitForDownloadAsync(() => row.GetByTestId("report-csv").ClickAsync());
        var zipPath = Path.Combine(server.ArtifactsDirectory, "report-tables.zip");
        await csv.SaveAsAsync(zipPath);
        var zip = await File.ReadAllBytesAsync(zipPath);
        Assert.Equal("PK"u8.ToArray(), zip[..2]);
        output.WriteLine($"report: {pdfPath} ({bytes.Length} bytes), tables: {zipPath}");
        await Shot(page, "reports");
        AssertNoScriptErrors(errors);
    }

    [Fact]
    public async Task ReadOnlyUser_SeesNoTriageOrUploadControls_AndIsRefusedChanges()
    {
        await server.EnsureDemoPlayed();
        await server.CreateUser("viewer", "readonly", ViewerPassword);
        var (context, page, errors) = await server.NewPage();
        await using var _ = context;
        await ConsoleServer.LogIn(page, "viewer", ViewerPassword);

        await page.GotoAsync("/alerts.html");
        await page.GetByTestId("alert-row").First.WaitForAsync();
        foreach (var action in new[] { "acknowledge", "close", "mute", "learn" })
            Assert.Equal(0, await page.GetByTestId("alert-" + action).CountAsync());
        await Shot(page, "alerts-readonly");

        await page.GotoAsync("/captures.html");
        await page.GetByTestId("capture-table").Locator("tbody tr").First.WaitForAsync();
        Assert.Equal(0, await page.GetByTestId("capture-upload").CountAsync());
        Assert.Equal(0, await page.GetByTestId("capture-play").CountAsync());
        Assert.Equal(0, await page.GetByTestId("capture-clear-all").CountAsync());
        await page.GotoAsync("/reports.html");
        await page.GetByTestId("report-table").WaitForAsync();
        Assert.Equal(0, await page.GetByTestId("report-generate").CountAsync());

        // Even a hand-made request with the session's own CSRF token is refused by the server.
        var alertId = await page.EvaluateAsync<string>("() => fetch('/api/console/alerts?limit=1').then(r => r.json()).then(p => String(p.items[0].id))");
        var status = await page.EvaluateAsync<int>(
            "id => fetch(`/api/console/alerts/${id}/acknowledge`, { method: 'POST', headers: { 'X-CSRF-Token': sessionStorage.getItem('otsensor-csrf') } }).then(r => r.status)",
            alertId);
        Assert.Equal(403, status);

        await page.GotoAsync("/settings.html");
        await page.GetByTestId("settings-password").WaitForAsync();
        Assert.Equal(0, await page.GetByTestId("settings-tokens").CountAsync());
        Assert.Equal(0, await page.GetByTestId("settings-users").CountAsync());
        AssertNoScriptErrors(errors, allowForbidden: true);
    }

    [Fact]
    public async Task Admin_SettingsPage_CreatesTokenShownOnce_AndEveryPageRenders()
    {
        await server.EnsureDemoPlayed();
        var (context, page, errors) = await server.NewPage();
        await using var _ = context;

        // Pages other than the login page send a signed-out browser to it.
        await page.GotoAsync("/devices.html");
        Assert.Contains("/login.html", page.Url, StringComparison.Ordinal);
        await ConsoleServer.LogIn(page, "admin", server.AdminPassword);
        Assert.Equal("/", new Uri(page.Url).AbsolutePath);

        await page.GotoAsync("/settings.html");
        await page.GetByTestId("token-description").FillAsync("SIEM integration");
        await page.GetByTestId("token-create").ClickAsync();
        var token = await page.GetByTestId("token-value").TextContentAsync();
        Assert.False(string.IsNullOrWhiteSpace(token));
        await Assertions.Expect(page.GetByTestId("token-row").Filter(new() { HasText = "SIEM integration" })).ToBeVisibleAsync();

        // A forwarding target saved from the page gets its row in the delivery status table (GET /api/console/forwarding).
        await page.GetByTestId("forwarding-add").ClickAsync();
        var target = page.GetByTestId("forwarding-row").Last;
        await target.GetByLabel("Name").FillAsync("siem-<b>x</b>");
        await target.GetByLabel("Endpoint").FillAsync("udp://127.0.0.1:9");
        await page.GetByTestId("forwarding-save").ClickAsync();
        var status = page.GetByTestId("forwarding-status-row").Filter(new() { HasText = "siem-<b>x</b>" });
        await Assertions.Expect(status).ToBeVisibleAsync();
        await Assertions.Expect(status.GetByTestId("forwarding-pending")).ToHaveTextAsync("0");
        await Assertions.Expect(page.GetByTestId("forwarding-outbox")).ToContainTextAsync("Outbox:");
        Assert.Equal(0, await page.Locator("[data-testid=forwarding-status] b").CountAsync());
        await Shot(page, "settings");
        await page.ReloadAsync();
        await page.GetByTestId("token-row").First.WaitForAsync();
        Assert.DoesNotContain(token!, await page.ContentAsync(), StringComparison.Ordinal);

        // The token works on the sensor API with the raw Authorization header.
        using (var http = new HttpClient { BaseAddress = server.BaseUrl })
        {
            http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", token);
            using var devices = await http.GetAsync("api/v1/devices");
            Assert.Equal(System.Net.HttpStatusCode.OK, devices.StatusCode);
        }

        // A device page reached from the inventory, and the protocol filter of the map.
        await page.GotoAsync("/devices.html");
        await page.GetByTestId("device-link").First.ClickAsync();
        await page.GetByTestId("device-properties").WaitForAsync();
        await page.GotoAsync("/map.html");
        await page.WaitForFunctionAsync("() => window.otsensorMap && window.otsensorMap.nodes('.device').length > 0");
        var options = await page.GetByTestId("map-protocol-filter").Locator("option").AllTextContentsAsync();
        Assert.Contains(options, o => o.Contains("modbus", StringComparison.OrdinalIgnoreCase));
        await page.GetByTestId("map-protocol-filter").SelectOptionAsync(new SelectOptionValue { Label = options.First(o => o.Contains("modbus", StringComparison.OrdinalIgnoreCase)) });
        await Assertions.Expect(page.GetByTestId("map-node-count")).ToContainTextAsync("using");
        Assert.True(await page.EvaluateAsync<int>("() => window.otsensorMap.nodes('.device').length") > 0);
        await Shot(page, "map-modbus");
        AssertNoScriptErrors(errors);
    }

    private static async Task<List<string>> CaptureIds(IPage page) =>
        [.. await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('[data-testid=capture-row]')].map(r => r.dataset.id)")];

    private async Task Shot(IPage page, string name)
    {
        // The callers wait for the page's data first; this lets charts and the map finish their last frame. (Network
        // idle never comes: the live event stream stays open.)
        await page.WaitForTimeoutAsync(400);
        output.WriteLine("screenshot: " + await server.Screenshot(page, name));
    }

    private void AssertNoScriptErrors(List<string> errors, bool allowForbidden = false)
    {
        string[] seen;
        lock (errors) seen = [.. errors];
        // A 403 answer to the test's own forbidden request shows up as a console error ("Failed to load resource").
        var real = seen.Where(e => !(allowForbidden && e.Contains("403", StringComparison.Ordinal))).ToArray();
        Assert.True(real.Length == 0, "script errors on the page: " + string.Join(" | ", real));
    }

    private sealed class NodePoint
    {
        public float X { get; set; }

        public float Y { get; set; }

        public string Id { get; set; } = "";
    }
}
