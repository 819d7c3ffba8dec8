using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace OtSensor.Console.Tests;

/// <summary>
/// The real sensor server for the browser tests: <c>dotnet otsensor.dll serve</c> on a free loopback port (plain HTTP,
/// loopback only) with a fresh store, plus headless Debian Chromium driven by Playwright.
/// </summary>
/// <remarks>
/// Chromium is Debian's <c>/usr/bin/chromium</c> (tests/run-all.sh installs it); <c>playwright install</c> is never
/// run, since it downloads a browser and sensor build machines have no such access. When the browser or the built
/// server is missing, every test fails with one line saying which.
/// </remarks>
public sealed partial class ConsoleServer : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly StringBuilder _log = new();
    private readonly Lock _seedGate = new();
    private readonly TaskCompletionSource<string> _password = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Process? _process;
    private IPlaywright? _playwright;
    private Task? _seed;

    public string StoreDirectory { get; } = Path.Combine(Path.GetTempPath(), "otsensor-console-tests-" + Guid.NewGuid().ToString("N")[..8]);

    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    public string AdminPassword { get; private set; } = "";

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where the page screenshots go: artifacts/console under the test output.</summary>
    public string ArtifactsDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "artifacts", "console");

    /// <summary>The bundled demo capture (6 devices, Modbus exception alerts).</summary>
    public string DemoCapture { get; } = Path.Combine(RepositoryRoot(), "pcaps", "demo", "modbus-plant.pcap");

    /// <summary>What the server printed so far (for failure messages).</summary>
    public string ServerLog
    {
        get { lock (_log) return _log.ToString(); }
    }

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"{ChromiumPath} is missing: install Debian's chromium (apt-get install -y chromium; tests/run-all.sh does)");
        var server = Path.Combine(AppContext.BaseDirectory, "otsensor.dll");
        if (!File.Exists(server))
            throw new InvalidOperationException($"{server} is missing: build src/OtSensor.Cli (this project references it)");
        if (!File.Exists(Path.Combine(AppContext.BaseDirectory, "console", "index.html")))
            throw new InvalidOperationException("console/index.html is missing from the test output: the OtSensor.WebConsole build (npm ci) did not run");
        Directory.CreateDirectory(StoreDirectory);
        Directory.CreateDirectory(ArtifactsDirectory);

        var port = FreePort();
        BaseUrl = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { server, "serve", "--store", StoreDirectory, "--http", "--port", port.ToString(CultureInfo.InvariantCulture) })
            start.ArgumentList.Add(arg);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        _process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        _process.OutputDataReceived += (_, e) => OnLine(e.Data);
        _process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        AdminPassword = await WaitFor(_password.Task, TimeSpan.FromSeconds(60), "the server printed no admin password").ConfigureAwait(false);
        await WaitForHealth().ConfigureAwait(false);

        _playwright = await Playwright.CreateAsync().ConfigureAwait(false);
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        }).ConfigureAwait(false);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync().ConfigureAwait(false);
        _playwright?.Dispose();
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }
        _process?.Dispose();
        try { Directory.Delete(StoreDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>A browser page at 1280x800 that accepts downloads and records console errors.</summary>
    public async Task<(IBrowserContext Context, IPage Page, List<string> Errors)> NewPage()
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = BaseUrl.ToString(),
            ViewportSize = new() { Width = 1280, Height = 800 },
            AcceptDownloads = true,
            IgnoreHTTPSErrors = true,
        }).ConfigureAwait(false);
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync().ConfigureAwait(false);
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") lock (errors) errors.Add(message.Text); };
        page.PageError += (_, error) => { lock (errors) errors.Add(error); };
        return (context, page, errors);
    }

    /// <summary>Signs in through the login page and waits for the dashboard.</summary>
    public static async Task LogIn(IPage page, string user, string password)
    {
        await page.GotoAsync("/login.html").ConfigureAwait(false);
        await page.GetByTestId("login-username").FillAsync(user).ConfigureAwait(false);
        await page.GetByTestId("login-password").FillAsync(password).ConfigureAwait(false);
        await page.GetByTestId("login-submit").ClickAsync().ConfigureAwait(false);
        await page.WaitForURLAsync(url => !url.Contains("/login.html", StringComparison.Ordinal)).ConfigureAwait(false);
        await page.GetByTestId("user-name").WaitForAsync().ConfigureAwait(false);
    }

    /// <summary>Saves a full-page screenshot as artifacts/console/NAME.png and returns its path.</summary>
    public async Task<string> Screenshot(IPage page, string name)
    {
        var path = Path.Combine(ArtifactsDirectory, name + ".png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true }).ConfigureAwait(false);
        return path;
    }

    /// <summary>
    /// Makes sure the demo capture has been played once (through the console API as the administrator), for the tests
    /// that need devices and alerts but do not test the upload themselves.
    /// </summary>
    public Task EnsureDemoPlayed()
    {
        lock (_seedGate) return _seed ??= Seed();
    }

    private async Task Seed()
    {
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer() };
        using var http = new HttpClient(handler) { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(60) };
        using var login = await http.PostAsJsonAsync("api/console/login", new { username = "admin", password = AdminPassword }).ConfigureAwait(false);
        login.EnsureSuccessStatusCode();
        var csrf = (await login.Content.ReadFromJsonAsync<JsonElement>().ConfigureAwait(false)).GetProperty("csrfToken").GetString();
        http.DefaultRequestHeaders.Add("X-CSRF-Token", csrf);

        var captures = await http.GetFromJsonAsync<JsonElement>("api/console/captures").ConfigureAwait(false);
        if (!captures.EnumerateArray().Any(c => c.GetProperty("state").GetString() == "played"))
        {
            using var form = new MultipartFormDataContent();
            using var file = new ByteArrayContent(await File.ReadAllBytesAsync(DemoCapture).ConfigureAwait(false));
            form.Add(file, "file", Path.GetFileName(DemoCapture));
            using var uploaded = await http.PostAsync("api/console/captures", form).ConfigureAwait(false);
            Assert.True(uploaded.IsSuccessStatusCode, $"upload: {(int)uploaded.StatusCode} {await uploaded.Content.ReadAsStringAsync().ConfigureAwait(false)}");
            var id = (await uploaded.Content.ReadFromJsonAsync<JsonElement>().ConfigureAwait(false)).GetProperty("id");
            using var play = await http.PostAsync($"api/console/captures/{id}/play", null).ConfigureAwait(false);
            play.EnsureSuccessStatusCode();
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (true)
            {
                var list = await http.GetFromJsonAsync<JsonElement>("api/console/captures").ConfigureAwait(false);
                var item = list.EnumerateArray().First(c => c.GetProperty("id").ToString() == id.ToString());
                var state = item.GetProperty("state").GetString();
                if (state == "played") break;
                Assert.True(state != "failed", "the demo capture failed to play: " + item);
                Assert.True(DateTime.UtcNow < deadline, "the demo capture did not finish playing in 90 s");
                await Task.Delay(500).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Creates a user through the console API as the administrator (for role tests).</summary>
    public async Task CreateUser(string username, string role, string password)
    {
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer() };
        using var http = new HttpClient(handler) { BaseAddress = BaseUrl };
        using var login = await http.PostAsJsonAsync("api/console/login", new { username = "admin", password = AdminPassword }).ConfigureAwait(false);
        login.EnsureSuccessStatusCode();
        var csrf = (await login.Content.ReadFromJsonAsync<JsonElement>().ConfigureAwait(false)).GetProperty("csrfToken").GetString();
        http.DefaultRequestHeaders.Add("X-CSRF-Token", csrf);
        using var created = await http.PostAsJsonAsync("api/console/users", new { username, role, password }).ConfigureAwait(false);
        Assert.True(created.IsSuccessStatusCode || created.StatusCode == HttpStatusCode.Conflict,
            $"create user: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync().ConfigureAwait(false)}");
    }

    private void OnLine(string? line)
    {
        if (line is null) return;
        lock (_log) _log.AppendLine(line);
        var match = PasswordLine().Match(line);
        if (match.Success) _password.TrySetResult(match.Groups["pw"].Value);
    }

    private async Task WaitForHealth()
    {
        using var http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (_process!.HasExited)
                throw new InvalidOperationException($"otsensor serve exited with code {_process.ExitCode}: {FirstLines(ServerLog)}");
            try
            {
                using var response = await http.GetAsync("health").ConfigureAwait(false);
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            if (DateTime.UtcNow > deadline) throw new InvalidOperationException("otsensor serve did not answer /health within 60 s: " + FirstLines(ServerLog));
            await Task.Delay(200).ConfigureAwait(false);
        }
    }

    private async Task<T> WaitFor<T>(Task<T> task, TimeSpan timeout, string what)
    {
        var exited = _process!.WaitForExitAsync();
        var done = await Task.WhenAny(task, exited, Task.Delay(timeout)).ConfigureAwait(false);
        if (done == task) return await task.ConfigureAwait(false);
        throw new InvalidOperationException($"{what} ({(done == exited ? "it exited" : "timed out")}): {FirstLines(ServerLog)}");
    }

    private static string FirstLines(string text) => string.Join(" | ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Take(8));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "OtSensor.sln"))) return dir.FullName;
        throw new InvalidOperationException("OtSensor.sln not found above " + AppContext.BaseDirectory);
    }

    // The line `otsensor serve` prints once on a new store: "... user 'admin', password '<pw>' (shown once ...)".
    [GeneratedRegex(@"password\s*[:=]?\s*'(?<pw>[^'\s]+)'", RegexOptions.IgnoreCase)]
    private static partial Regex PasswordLine();
}
