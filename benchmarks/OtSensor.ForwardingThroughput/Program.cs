// Forwarding throughput on loopback: alerts/s from the outbox to the in-process Event Hubs endpoint (real
// EventHubProducerClient, AMQP over 127.0.0.1) and to a TCP syslog listener (CEF, octet counting), plus the enqueue
// rate into the SQLite outbox (what the pipeline pays per alert).
//   dotnet run -c Release --project benchmarks/OtSensor.ForwardingThroughput            (20,000 alerts, 3 runs each)
//   dotnet run -c Release --project benchmarks/OtSensor.ForwardingThroughput -- --smoke (1,000 alerts, 1 run)
using System.Diagnostics;
using System.Globalization;
using OtSensor.Forwarding.Tests;
using OtSensor.Outputs.Forwarding;
using OtSensor.Outputs.Forwarding.EventHubs;
using OtSensor.Outputs.Forwarding.Outbox;
using OtSensor.Outputs.Forwarding.Syslog;

bool smoke = args.Contains("--smoke");
int n = smoke ? 1_000 : 20_000;
int runs = smoke ? 1 : 3;
var t0 = new DateTimeOffset(2026, 3, 2, 6, 0, 0, TimeSpan.Zero);
var alerts = Enumerable.Range(1, n).Select(i => new OutboundAlert
{
    Sensor = "bench",
    AlertId = i,
    Type = "modbus-function-code",
    Title = "Unpermitted Usage of Modbus Function Code",
    Message = $"10.20.1.{i % 32} sent modbus Write Single Coil to 10.20.1.10, a command not learned between these devices.",
    Severity = "Major",
    Engine = "Policy Violation",
    Category = "Unauthorized Communication Behavior",
    Protocol = "modbus",
    SourceAddress = $"10.20.1.{i % 32}",
    DestinationAddress = "10.20.1.10",
    RemediationSteps = ["Check whether the sender is meant to send this command.", "If not, isolate it."],
    Techniques = ["T0855"],
    FirstDetection = t0.AddMilliseconds(i),
    LastDetection = t0.AddMilliseconds(i + 10),
}).ToList();

var dir = Path.Combine(Path.GetTempPath(), "otsensor-fwd-bench", Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(dir);
try
{
    for (int run = 1; run <= runs; run++)
    {
        using var hub = new TestEventHubEndpoint();
        double enqueue = 0;
        double eh = await Measure(new EventHubsSender(hub.ConnectionString), Path.Combine(dir, $"eh{run}.db"), e => enqueue = e);
        if (hub.Events.Select(e => e.MessageId).Distinct().Count() != n) throw new InvalidOperationException("event hub: alerts missing");

        using var syslog = SyslogListener.Tcp();
        double tcp = await Measure(new SyslogSender(new SyslogTarget { Transport = SyslogTransport.Tcp, Host = "127.0.0.1", Port = syslog.Port }), Path.Combine(dir, $"tcp{run}.db"), _ => { });
        var end = DateTime.UtcNow.AddSeconds(10);
        while (syslog.Messages.Count < n && DateTime.UtcNow < end) await Task.Delay(10);
        if (syslog.Messages.Count != n) throw new InvalidOperationException($"syslog: {syslog.Messages.Count} of {n} received");

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"run {run}: {n:N0} alerts | outbox enqueue {enqueue:N0}/s | Event Hubs (AMQP loopback) {eh:N0}/s | syslog TCP CEF {tcp:N0}/s"));
    }
}
finally
{
    Directory.Delete(dir, recursive: true);
}
return 0;

async Task<double> Measure(IAlertSender sender, string path, Action<double> enqueueRate)
{
    using var outbox = AlertOutbox.Open(path);
    await using var forwarder = new AlertForwarder(outbox, [sender]);
    var sw = Stopwatch.StartNew();
    outbox.EnqueueRange(alerts, forwarder.Targets);
    enqueueRate(n / sw.Elapsed.TotalSeconds);
    sw.Restart();
    forwarder.Start();
    if (!await forwarder.DrainAsync(TimeSpan.FromMinutes(2))) throw new InvalidOperationException($"{sender.Name}: not drained");
    return n / sw.Elapsed.TotalSeconds;
}
