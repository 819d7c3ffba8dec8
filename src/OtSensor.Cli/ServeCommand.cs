using OtSensor.Core.Time;
using System.CommandLine;
using System.Globalization;
#if OTSENSOR_SERVE
using OtSensor.Server;
#endif

namespace OtSensor.Cli;

/// <summary>
/// <c>otsensor serve [captures...] --store &lt;dir&gt;</c>: the sensor REST API and the web console over the store
/// (src/OtSensor.Server). HTTPS by default; <c>--http</c> only on loopback. Runs until Ctrl+C or SIGTERM.
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var captures = new Argument<string[]>("captures")
        {
            Description = "Capture files to upload into the store and play at start (optional).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var store = new Option<string>("--store")
        {
            Description = "Folder of the store (otsensor.db, captures, alert PCAPs, reports, the HTTPS certificate).",
            DefaultValueFactory = _ => "otsensor-data",
        };
        var urls = new Option<string?>("--urls") { Description = "Listen URLs, comma separated (default https://0.0.0.0:8443, or http://127.0.0.1:8080 with --http)." };
        var port = new Option<int?>("--port") { Description = "Listen on this port on all addresses (loopback with --http)." };
        var http = new Option<bool>("--http") { Description = "Plain HTTP without TLS: allowed only on a loopback address." };
        var learn = new Option<string?>("--learn") { Description = "Learning window for captures played (e.g. 90s, 2m, 1h; 0 = learning off); kept in the store." };
        var maxUpload = new Option<string?>("--max-upload") { Description = "Largest capture upload (bytes, or with k, m, g; default 2g)." };
        var replayRate = new Option<int?>("--replay-rate") { Description = "Play captures at most this many packets per second (default: as fast as possible)." };

        var command = new Command("serve", "Serve the sensor REST API and the web console over a store of analysed captures.");
        command.Arguments.Add(captures);
        command.Options.Add(store);
        command.Options.Add(urls);
        command.Options.Add(port);
        command.Options.Add(http);
        command.Options.Add(learn);
        command.Options.Add(maxUpload);
        command.Options.Add(replayRate);
        command.SetAction(parse =>
        {
            bool plain = parse.GetValue(http);
            var urlText = parse.GetValue(urls);
            var portValue = parse.GetValue(port);
            if (urlText is not null && portValue is not null) return Fail("give --urls or --port, not both");
            if (portValue is < 0 or > 65535) return Fail($"--port: {portValue} is not a port (0-65535)");
            string[] list = urlText is not null
                ? urlText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : [plain ? $"http://127.0.0.1:{portValue ?? 8080}" : $"https://0.0.0.0:{portValue ?? 8443}"];
            TimeSpan? learning = null;
            if (parse.GetValue(learn) is { } learnText)
            {
                if (!DurationText.TryParse(learnText, out var parsed)) return Fail($"--learn: '{learnText}' is not a duration (e.g. 90s, 2m, 1h, 0)");
                learning = parsed;
            }
            long limit = 2L << 30;
            if (parse.GetValue(maxUpload) is { } sizeText && !TryParseSize(sizeText, out limit)) return Fail($"--max-upload: '{sizeText}' is not a size (e.g. 500m, 2g)");
            var rate = parse.GetValue(replayRate);
            if (rate is < 1) return Fail("--replay-rate must be at least 1 packet per second");
            var options = new ServerOptions
            {
                StoreDirectory = parse.GetValue(store)!,
                Urls = list,
                PlainHttp = plain,
                Learning = learning,
                MaxUploadBytes = limit,
                ReplayPacketsPerSecond = rate,
                Captures = parse.GetValue(captures) ?? [],
                PasswordOutput = Console.Out,
            };
            return Run(options);
        });
        return command;
    }

#if OTSENSOR_SERVE
    private static int Run(ServerOptions options)
    {
        SensorServer server;
        try
        {
            server = SensorServer.Create(options);
        }
        catch (ServerSetupException e)
        {
            return Fail(e.Message);
        }
        using var stop = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            server.StartAsync().GetAwaiter().GetResult();
            foreach (var address in server.Addresses) Console.WriteLine($"otsensor: serving {address} (store {Path.GetFullPath(options.StoreDirectory)})");
            Console.Out.Flush();
            server.WaitForShutdownAsync(stop.Token).GetAwaiter().GetResult();
        }
        catch (ServerSetupException e)
        {
            server.DisposeAsync().AsTask().GetAwaiter().GetResult();
            return Fail(e.Message);
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
        server.StopAsync().GetAwaiter().GetResult();
        server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return ExitCodes.Ok;
    }

#else
    /// <summary>The native build has no server (see OtSensor.Cli.csproj): say so in one line.</summary>
    private static int Run(ServerOptions options)
    {
        _ = options;
        return Fail("this is the native (AOT) build, which does not include the server: run 'dotnet otsensor.dll serve' from the JIT build");
    }

    /// <summary>The options the JIT build hands to <c>OtSensor.Server</c>.</summary>
    private sealed record ServerOptions
    {
        public string StoreDirectory { get; init; } = "";
        public IReadOnlyList<string> Urls { get; init; } = [];
        public bool PlainHttp { get; init; }
        public TimeSpan? Learning { get; init; }
        public long MaxUploadBytes { get; init; }
        public int? ReplayPacketsPerSecond { get; init; }
        public IReadOnlyList<string> Captures { get; init; } = [];
        public TextWriter? PasswordOutput { get; init; }
    }
#endif

    private static bool TryParseSize(string text, out long bytes)
    {
        bytes = 0;
        text = text.Trim().ToUpperInvariant();
        long factor = 1;
        if (text.EndsWith('K')) factor = 1L << 10;
        else if (text.EndsWith('M')) factor = 1L << 20;
        else if (text.EndsWith('G')) factor = 1L << 30;
        if (factor > 1) text = text[..^1];
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1 || value > long.MaxValue / factor) return false;
        bytes = value * factor;
        return true;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"otsensor: serve: {message}");
        return ExitCodes.BadUsage;
    }
}
