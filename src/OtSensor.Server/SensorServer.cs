using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OtSensor.Outputs.Store;

namespace OtSensor.Server;

/// <summary>
/// <c>otsensor serve</c>: the sensor REST API (sensor-reference §9) and the web console's API and pages on Kestrel, over
/// the store in <see cref="ServerOptions.StoreDirectory"/>. HTTPS with a self-signed certificate made on first start;
/// plain HTTP only on loopback. The first start creates the user <c>admin</c> with a generated password, printed once.
/// </summary>
public sealed class SensorServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SensorStore _store;
    private readonly CaptureWorker _worker;
    private readonly ReportService _reports;
    private readonly ForwardingService _forwarding;

    private SensorServer(WebApplication app, SensorStore store, CaptureWorker worker, ReportService reports, ForwardingService forwarding, string? adminPassword)
    {
        _forwarding = forwarding;
        _app = app;
        _store = store;
        _worker = worker;
        _reports = reports;
        InitialAdminPassword = adminPassword;
    }

    /// <summary>The password generated for <c>admin</c> when this start created the store's first user, else null.</summary>
    internal string? InitialAdminPassword { get; }

    internal SensorStore Store => _store;

    /// <summary>The console's live stream (<c>GET /api/console/live</c>): the sensor host publishes live devices and alerts on it.</summary>
    internal LiveHub Hub { get; private init; } = null!;

    public static string Version => typeof(SensorServer).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    /// <summary>The addresses Kestrel listens on (the real ports when 0 was asked).</summary>
    public IReadOnlyList<Uri> Addresses
        => [.. (_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? []).Select(a => new Uri(a.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).Replace("[::]", "[::1]", StringComparison.Ordinal)))];

    /// <summary>Opens the store (creating the admin on first start), checks the options and builds the server; throws <see cref="ServerSetupException"/>.</summary>
    public static SensorServer Create(ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var endpoints = ParseUrls(options);
        if (options.MaxUploadBytes < 1) throw new ServerSetupException("the upload limit must be at least 1 byte");
        var directory = Path.GetFullPath(options.StoreDirectory);
        SensorStore store;
        try
        {
            Directory.CreateDirectory(directory);
            store = SensorStore.Open(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            throw new ServerSetupException($"cannot open the store in '{directory}': {HttpJson.OneLine(e.Message)}", e);
        }
        string? password = null;
        if (!store.HasUsers())
        {
            password = PasswordHasher.Generate();
            store.CreateUser("admin", Roles.Admin, password);
            options.PasswordOutput?.WriteLine($"otsensor: first start: user 'admin', password '{password}' (shown once; change it in the console's settings)");
            options.PasswordOutput?.Flush();
        }
        if (options.Learning is TimeSpan learning)
            new LearningSettings(learning > TimeSpan.Zero, (long)(learning > TimeSpan.Zero ? learning : TimeSpan.FromSeconds(LearningSettings.DefaultWindowSeconds)).TotalSeconds).Save(store);
        var certificate = options.PlainHttp ? null : ServerCertificate.LoadOrCreate(directory);

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, Args = [] });
        builder.Logging.ClearProviders();
        if (options.ConfigureLogging is { } configureLogging)
        {
            configureLogging(builder.Logging);
        }
        else
        {
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
            builder.Logging.AddFilter((category, level) => level >= LogLevel.Warning);
            builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        }
        builder.Services.AddOpenApi();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            foreach (var (address, port) in endpoints)
                k.Listen(address, port, listen =>
                {
                    listen.Protocols = certificate is null ? HttpProtocols.Http1 : HttpProtocols.Http1AndHttp2;
                    if (certificate is not null) listen.UseHttps(certificate);
                });
        });
        var app = builder.Build();
        var hub = new LiveHub();
        var worker = new CaptureWorker(store, directory, hub, options);
        var reports = new ReportService(store, directory);
        var forwarding = new ForwardingService(store, directory) { ForwarderOptions = options.ForwarderOptions };
        worker.Forwarding = forwarding;
        var context = new ServerContext(store, directory, options, worker, reports, hub, new LoginLimiter(TimeProvider.System))
        {
            Stopping = app.Lifetime.ApplicationStopping,
            Forwarding = forwarding,
        };
        var access = new AccessControl(store);

        app.Use(async (http, next) =>
        {
            http.Response.Headers.XContentTypeOptions = "nosniff";
            http.Response.Headers.XFrameOptions = "DENY";
            http.Response.Headers["Referrer-Policy"] = "no-referrer";
            await next(http).ConfigureAwait(false);
        });
        app.Use((http, next) => access.Invoke(http, next));
        var console = Path.Combine(AppContext.BaseDirectory, "console");
        if (Directory.Exists(console))
        {
            var files = new PhysicalFileProvider(console);
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
            app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
            // Endpoint routing picks the fallback route for a bare "/" before the default-file middleware can rewrite
            // it: the dashboard gets its own route (the access control above has sent a signed-out browser to login).
            var index = Path.Combine(console, "index.html");
            app.MapMethods("/", [HttpMethods.Get, HttpMethods.Head], (HttpContext http) =>
            {
                http.Response.ContentType = "text/html; charset=utf-8";
                http.Response.Headers.CacheControl = "no-cache";
                return HttpMethods.IsHead(http.Request.Method) ? Task.CompletedTask : http.Response.SendFileAsync(index);
            }).ExcludeFromDescription();
        }
        app.MapOpenApi();
        Routes.Get(app, "/health", http =>
        {
            bool storeOk = store.IsHealthy();
            // The extra details are written first into a buffer: their verdict decides the status written before them.
            using var details = new MemoryStream();
            bool detailsOk = true;
            if (options.HealthDetails is { } health)
            {
                using var d = new System.Text.Json.Utf8JsonWriter(details, HttpJson.Options);
                d.WriteStartObject();
                detailsOk = health(d);
                d.WriteEndObject();
            }
            bool ok = storeOk && detailsOk;
            return HttpJson.Write(http, ok ? 200 : 503, w =>
            {
                w.WriteStartObject();
                w.WriteString("status", ok ? "ok" : "degraded");
                w.WriteString("version", Version);
                w.WriteString("store", storeOk ? "ok" : "unavailable");
                if (details.Length > 0)
                {
                    using var extra = System.Text.Json.JsonDocument.Parse(details.ToArray());
                    foreach (var property in extra.RootElement.EnumerateObject()) property.WriteTo(w);
                }
                w.WriteEndObject();
            });
        }).WithTags("Health");
        SensorApiEndpoints.Map(app, context);
        ConsoleEndpoints.Map(app, context);
        CaptureEndpoints.Map(app, context);
        ReportEndpoints.Map(app, context);
        AdminEndpoints.Map(app, context);
        app.MapFallback(http => http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            ? HttpJson.Error(http, 404, "no such API endpoint")
            : HttpJson.Error(http, 404, "not found"));

        var server = new SensorServer(app, store, worker, reports, forwarding, password) { Hub = hub };
        foreach (var capture in options.Captures) server.LoadCapture(capture);
        return server;
    }

    /// <summary>Starts listening and the background players.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await _app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            throw new ServerSetupException("cannot listen: " + HttpJson.OneLine(e.Message), e);
        }
        await _forwarding.StartAsync().ConfigureAwait(false);
        _worker.Start();
        _reports.Start();
    }

    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    public async Task StopAsync()
    {
        _worker.Stop();
        await _app.StopAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        _worker.Dispose();
        _reports.Dispose();
        await _forwarding.DisposeAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _store.Dispose();
    }

    /// <summary>Copies a capture given at start into the store (server-generated name) and queues it.</summary>
    private void LoadCapture(string path)
    {
        byte[] head = new byte[4];
        int got;
        try
        {
            using var stream = File.OpenRead(path);
            got = stream.ReadAtLeast(head, 4, throwOnEndOfStream: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ServerSetupException($"{path}: {HttpJson.OneLine(e.Message)}", e);
        }
        var extension = CaptureFiles.ExtensionOf(head.AsSpan(0, got)) ?? throw new ServerSetupException($"{path}: not a capture (pcap or pcapng)");
        Directory.CreateDirectory(_worker.CaptureFolder);
        var file = CaptureFiles.NewFileName(extension);
        File.Copy(path, Path.Combine(_worker.CaptureFolder, file));
        var record = _store.AddCapture(Path.GetFileName(path), file, new FileInfo(path).Length);
        _worker.Enqueue(record.Id);
    }

    /// <summary>Listen endpoints from the URLs; plain HTTP only with <see cref="ServerOptions.PlainHttp"/> and only on loopback.</summary>
    private static List<(IPAddress Address, int Port)> ParseUrls(ServerOptions options)
    {
        var list = new List<(IPAddress, int)>();
        if (options.Urls.Count == 0) throw new ServerSetupException("no URL to listen on");
        foreach (var url in options.Urls)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.AbsolutePath != "/")
                throw new ServerSetupException($"'{url}' is not a listen URL like https://0.0.0.0:8443");
            if (uri.Scheme == "http" && !options.PlainHttp) throw new ServerSetupException($"'{url}': plain HTTP needs --http (and a loopback address)");
            if (uri.Scheme == "https" && options.PlainHttp) throw new ServerSetupException($"'{url}': --http serves plain HTTP; use an http:// URL");
            var host = uri.Host.Trim('[', ']');
            IPAddress address = host switch
            {
                "localhost" => IPAddress.Loopback,
                "*" or "+" or "0.0.0.0" => IPAddress.Any,
                _ => IPAddress.TryParse(host, out var parsed) ? parsed : throw new ServerSetupException($"'{url}': the host must be an IP address or localhost"),
            };
            if (options.PlainHttp && !IPAddress.IsLoopback(address))
                throw new ServerSetupException($"'{url}': --http (no TLS) is allowed only on a loopback address such as 127.0.0.1");
            list.Add((address, uri.Port));
        }
        return list;
    }
}
