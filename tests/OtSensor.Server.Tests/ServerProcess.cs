using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace OtSensor.Server.Tests;

/// <summary>The real command, <c>dotnet otsensor.dll serve</c>, as a child process on a free loopback port.</summary>
internal sealed class ServerProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private ServerProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public string Output
    {
        get { lock (_output) return string.Join('\n', _output); }
    }

    /// <summary>Starts the server and waits for its "serving" line.</summary>
    public static ServerProcess Start(string store, params string[] extra)
    {
        int port = FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "otsensor.dll"));
        foreach (var a in new[] { "serve", "--store", store, "--urls", $"https://127.0.0.1:{port}" }.Concat(extra)) start.ArgumentList.Add(a);
        var process = Process.Start(start)!;
        var server = new ServerProcess(process, new Uri($"https://127.0.0.1:{port}/"));
        var ready = new TaskCompletionSource();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (server._output) server._output.Add(e.Data);
            if (e.Data.Contains("serving", StringComparison.Ordinal)) ready.TrySetResult();
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null) lock (server._output) server._output.Add("stderr: " + e.Data);
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!ready.Task.Wait(TimeSpan.FromSeconds(60)))
        {
            server.Kill();
            throw new TimeoutException("otsensor serve did not start: " + server.Output);
        }
        return server;
    }

    /// <summary>SIGKILL: no shutdown code runs, as when power fails or the OOM killer strikes.</summary>
    public void Kill()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
