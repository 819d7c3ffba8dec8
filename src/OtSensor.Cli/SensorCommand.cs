using System.CommandLine;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using OtSensor.Capture.Live;
#if OTSENSOR_SERVE
using OtSensor.Server;
using OtSensor.Server.Sensor;
#endif

namespace OtSensor.Cli;

/// <summary>
/// <c>otsensor sensor --config /etc/otsensor/sensor.json [--init]</c>: the appliance service (src/OtSensor.Server/Sensor):
/// live capture + analysis + store + console/API + forwarders in one process, JSON-line logs on stdout. SIGHUP re-reads
/// the configuration; SIGTERM or SIGINT stop it cleanly (queues drained, final snapshot, forwarders flushed, exit 0).
/// </summary>
/// <remarks>
/// Exit codes: 0 clean stop (or <c>--init</c> done); 1 the capture failed while running (systemd restarts the service);
/// 2 a bad configuration or a start-up failure, with one line on stderr naming the key or the cause.
/// </remarks>
internal static class SensorCommand
{
    /// <summary>The capture stopped on its own (an interface went away): a failure for systemd's Restart=on-failure.</summary>
    public const int CaptureFailed = 1;

    /// <summary>How long a stopping sensor waits for the forwarders to send what is queued (the rest stays in the outbox).</summary>
    private static readonly TimeSpan FlushTimeout = TimeSpan.FromSeconds(10);

    public static Command Create()
    {
        var config = new Option<string>("--config", "-c")
        {
            Description = "The sensor's configuration file (JSON: interfaces, filter, store, urls, learning, forwarding, logLevel...).",
            DefaultValueFactory = _ => "/etc/otsensor/sensor.json",
        };
        var init = new Option<bool>("--init") { Description = "First start only: create the store, the admin user (password printed once) and the TLS certificate, then exit." };
        var command = new Command("sensor", "Run the sensor appliance: live capture, analysis, store, console/API and forwarding as one service.");
        command.Options.Add(config);
        command.Options.Add(init);
        command.SetAction(parse => Run(parse.GetValue(config)!, parse.GetValue(init)));
        return command;
    }

#if OTSENSOR_SERVE
    private static int Run(string path, bool init)
    {
        SensorConfig config;
        try
        {
            config = SensorConfig.Load(path);
        }
        catch (SensorConfigException e)
        {
            return Fail(e.Message);
        }
        var name = Path.GetFileName(path);
        var folder = ConfigFolder(path);
        bool legacyForwarding = false;
        if (config.Forwarding is { } section)
        {
            // Checked before anything starts, so a wrong target is one line and exit 2, not a half-started service.
            if (SensorForwarding.Check(section, name, folder, out var forwardError) is not { } plan) return Fail(forwardError!);
            legacyForwarding = plan.Legacy;
            plan.DisposeSenders();
        }
        if (init)
        {
            try
            {
                SensorHost.Initialize(config, Console.Out);
            }
            catch (ServerSetupException e)
            {
                return Fail(e.Message);
            }
            Console.WriteLine($"otsensor: sensor: store, admin user and certificate ready in {Path.GetFullPath(config.Store)}");
            return ExitCodes.Ok;
        }

        var logging = new SensorLogging(config.LogLevel);
        using var loggers = logging.CreateFactory();
        var log = loggers.CreateLogger("OtSensor.Sensor");
        if (legacyForwarding) CommandLog.LegacyForwarding(log, name);
        SensorHost host;
        try
        {
            host = SensorHost.Create(config, logging, loggers, Console.Out);
        }
        catch (Exception e) when (e is ServerSetupException or LiveCaptureException)
        {
            return Fail(e.Message);
        }
        SensorForwarding? forwarding = null;
        if (config.Forwarding is { } forwardingSection)
        {
            forwarding = SensorForwarding.Start(forwardingSection, name, folder, config.Store, config.SensorName, out var error);
            if (forwarding is null)
            {
                host.DisposeAsync().AsTask().GetAwaiter().GetResult();
                return Fail(error!);
            }
            host.AlertsUpdated = forwarding.Feed;
        }

        using var stop = new CancellationTokenSource();
        var reloadLock = new Lock();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var sighup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, context =>
        {
            context.Cancel = true;
            ThreadPool.QueueUserWorkItem(_ =>
            {
                lock (reloadLock) Reload(path, host, ref forwarding, config, log);
            });
        });
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }

        int code;
        try
        {
            code = host.Run(stop.Token);
        }
        catch (ServerSetupException e)
        {
            host.DisposeAsync().AsTask().GetAwaiter().GetResult();
            forwarding?.DisposeAsync().AsTask().GetAwaiter().GetResult();
            return Fail(e.Message);
        }
        lock (reloadLock)
        {
            if (forwarding is not null)
            {
                bool flushed = forwarding.Flush(FlushTimeout);
                CommandLog.Flushed(log, flushed ? "everything sent" : "some alerts still pending, kept in the outbox for the next start");
                forwarding.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        }
        host.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return code == 0 ? ExitCodes.Ok : CaptureFailed;
    }

    /// <summary>SIGHUP: re-reads the file; a bad file is logged and the running configuration kept.</summary>
    private static void Reload(string path, SensorHost host, ref SensorForwarding? forwarding, SensorConfig started, ILogger log)
    {
        SensorConfig next;
        try
        {
            next = SensorConfig.Load(path);
        }
        catch (SensorConfigException e)
        {
            CommandLog.ReloadRefused(log, e.Message);
            return;
        }
        var name = Path.GetFileName(path);
        var folder = ConfigFolder(path);
        if (next.Forwarding is { } section)
        {
            string? error;
            if (forwarding is null)
            {
                forwarding = SensorForwarding.Start(section, name, folder, started.Store, started.SensorName, out error);
                if (forwarding is not null) host.AlertsUpdated = forwarding.Feed;
            }
            else
            {
                forwarding.Reload(section, name, folder, out error);
            }
            if (error is not null)
            {
                CommandLog.ReloadRefused(log, error);
                return;
            }
            CommandLog.Forwarding(log, string.Join(", ", forwarding!.Targets));
        }
        else if (forwarding is not null)
        {
            host.AlertsUpdated = null;
            forwarding.DisposeAsync().AsTask().GetAwaiter().GetResult();
            forwarding = null;
            CommandLog.Forwarding(log, "none");
        }
        host.Reload(next);
    }

    /// <summary>The configuration file's folder: relative paths in its forwarding section are taken from there.</summary>
    private static string ConfigFolder(string path) => Path.GetDirectoryName(Path.GetFullPath(path))!;

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"otsensor: sensor: {message}");
        return ExitCodes.BadUsage;
    }
#else
    /// <summary>The native build has no server (see OtSensor.Cli.csproj), so no sensor service: say so in one line.</summary>
    private static int Run(string path, bool init)
    {
        _ = (path, init, FlushTimeout);
        Console.Error.WriteLine("otsensor: this is the native (AOT) build, which does not include the sensor service: run 'dotnet otsensor.dll sensor' from the JIT build");
        return 2;
    }
#endif
}
