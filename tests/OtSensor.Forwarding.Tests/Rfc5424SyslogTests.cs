using OtSensor.Outputs.Forwarding;
using OtSensor.Outputs.Forwarding.Config;
using OtSensor.Outputs.Forwarding.Outbox;
using OtSensor.Outputs.Forwarding.Syslog;

namespace OtSensor.Forwarding.Tests;

/// <summary>Plain RFC 5424 syslog (structured data, not CEF) over UDP, TCP (RFC 6587 octet counting) and TLS (RFC 5425)
/// to listeners the tests start, with alert text built to break out of PARAM-VALUE quotes.</summary>
public sealed class Rfc5424SyslogTests
{
    private static readonly ForwarderOptions Fast = new() { InitialBackoff = TimeSpan.FromMilliseconds(50), MaxBackoff = TimeSpan.FromMilliseconds(300), IdlePoll = TimeSpan.FromMilliseconds(100) };

    /// <summary>Text aimed at the structured data: quotes, backslashes, brackets, a fake element, line breaks.</summary>
    private static OutboundAlert Hostile() => TestAlerts.Hostile() with
    {
        Title = "PLC \"Line 3\"] [evil@1 x=\"y\"] \\ end\\",
        Message = "msg with ] and \" and \\ and\r\n<13>1 2026-01-01T00:00:00Z forged - - - - second message",
        Category = "cat]\"\\",
        RemediationSteps = ["step \"one\"]", "step \\two\\"],
    };

    private static string Clean(string s) => new([.. s.Select(c => char.IsControl(c) ? ' ' : c)]);

    private static void AssertRoundTrip(OutboundAlert alert, string text)
    {
        var m = Rfc5424Text.Parse(text);
        Assert.Equal(Rfc5424Formatter.Pri(alert.Severity), m.Pri);
        Assert.Equal("1", m.Version);
        Assert.Equal(alert.LastDetection.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture), m.Timestamp);
        Assert.Equal("OtSensor", m.App);
        Assert.Equal("alert", m.MsgId);
        var sd = Assert.Single(m.Data);
        Assert.Equal(Rfc5424Formatter.SdId, sd.Key);
        var p = sd.Value;
        Assert.Equal(Clean(alert.Title), p["title"]);
        Assert.Equal(Clean(alert.Category), p["category"]);
        Assert.Equal(alert.Severity, p["severity"]);
        Assert.Equal(alert.Engine, p["engine"]);
        Assert.Equal(alert.Type, p["type"]);
        Assert.Equal(alert.MessageId, p["messageId"]);
        Assert.Equal(alert.AlertKey, p["externalId"]);
        Assert.Equal(alert.SourceAddress, p["src"]);
        Assert.Equal(alert.DestinationAddress, p["dst"]);
        Assert.Equal(alert.Protocol, p["protocol"]);
        Assert.Equal(string.Join(',', alert.Techniques), p["techniques"]);
        Assert.Equal(Clean(string.Join(" | ", alert.RemediationSteps)), p["remediation"]);
        Assert.True(m.Bom);
        Assert.Equal(Clean(alert.Message), m.Text);
    }

    [Fact]
    public void Format_HostileText_EscapedPerRfc5424AndParsesBackToOneElement()
    {
        var alert = Hostile();
        var text = Rfc5424Formatter.Format(alert, "sensor host\n1");
        Assert.StartsWith("<10>1 ", text, StringComparison.Ordinal); // user.crit: the hostile alert is Critical
        Assert.Contains(@"title=""PLC \""Line 3\""\] [evil@1 x=\""y\""\] \\ end\\""", text, StringComparison.Ordinal);
        Assert.Contains(" sensor_host_1 OtSensor - alert [otsensor@32473 ", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', text);
        Assert.DoesNotContain('\r', text);
        AssertRoundTrip(alert, text);
    }

    [Fact]
    public void Format_AlertWithoutProtocolOrAddresses_EmptyParamsLeftOut()
    {
        var alert = TestAlerts.Make(4) with { Protocol = null, SourceAddress = null, DestinationAddress = null, SourceDevice = null, DestinationDevice = null };
        var p = Rfc5424Text.Parse(Rfc5424Formatter.Format(alert, "h")).Data[Rfc5424Formatter.SdId];
        Assert.False(p.ContainsKey("protocol"));
        Assert.False(p.ContainsKey("src"));
        Assert.False(p.ContainsKey("srcDevice"));
        Assert.Equal("4", p["alertId"]);
    }

    [Fact]
    public async Task Udp_HostileAlert_ArrivesAsOneParsableDatagram()
    {
        using var listener = SyslogListener.Udp();
        var alerts = new List<OutboundAlert> { Hostile(), TestAlerts.Make(2) };
        await SendAllAsync(Target(SyslogTransport.Udp, listener.Port), alerts, () => listener.Messages.Count >= 2);
        var byId = listener.Messages.Select(Rfc5424Text.Parse).ToDictionary(m => m.Data[Rfc5424Formatter.SdId]["messageId"]);
        foreach (var a in alerts) AssertRoundTrip(a, listener.Messages.Single(m => Rfc5424Text.Parse(m).Data[Rfc5424Formatter.SdId]["messageId"] == a.MessageId));
        Assert.Equal(2, byId.Count);
    }

    [Fact]
    public async Task Tcp_TwoHundredAlertsOctetCounted_InOrderEachParsable()
    {
        using var listener = SyslogListener.Tcp();
        var alerts = Enumerable.Range(1, 199).Select(i => TestAlerts.Make(i)).Append(Hostile() with { AlertId = 500 }).ToList();
        await SendAllAsync(Target(SyslogTransport.Tcp, listener.Port), alerts, () => listener.Messages.Count >= alerts.Count);
        var messages = listener.Messages.ToList();
        Assert.Equal(alerts.Count, messages.Count);
        for (int i = 0; i < alerts.Count; i++) AssertRoundTrip(alerts[i], messages[i]);
    }

    [Fact]
    public async Task Tls_TrustedCa_HostileAlertDelivered()
    {
        var (ca, server) = SyslogForwardingTests.Certificates();
        using var listener = SyslogListener.Tcp(server);
        var target = Target(SyslogTransport.Tls, listener.Port);
        target = new SyslogTarget { Transport = target.Transport, Host = target.Host, Port = target.Port, Format = SyslogFormat.Rfc5424, TrustedCa = ca, Hostname = target.Hostname };
        var alert = Hostile();
        await SendAllAsync(target, [alert], () => !listener.Messages.IsEmpty);
        AssertRoundTrip(alert, Assert.Single(listener.Messages));
    }

    [Fact]
    public async Task FromUriAndConfig_FormatRfc5424_SameMessagesDistinctTargetKey()
    {
        using var listener = SyslogListener.Tcp();
        var fromUri = ForwardTargets.TryCreate($"syslog:tcp://127.0.0.1:{listener.Port}?format=rfc5424", out var error);
        Assert.Null(error);
        Assert.Equal($"syslog:tcp://127.0.0.1:{listener.Port}?format=rfc5424", fromUri!.Name);
        await fromUri.DisposeAsync();

        var file = TestAlerts.TempFile("forwarding.json");
        await File.WriteAllTextAsync(file, $$"""{ "targets": [ { "type": "syslog", "url": "tcp://127.0.0.1:{{listener.Port}}", "format": "rfc5424", "hostname": "plant-a-sensor" } ] }""");
        var config = ForwardingConfigReader.Load(file);
        var sender = config.Targets.Single().CreateSender();
        using var outbox = AlertOutbox.Open(TestAlerts.TempFile("o.db"));
        await using (var forwarder = new AlertForwarder(outbox, [sender], Fast))
        {
            forwarder.Start();
            forwarder.Enqueue(Hostile());
            Assert.True(await forwarder.DrainAsync(TimeSpan.FromSeconds(10)));
        }
        await EventHubsForwardingTests.WaitUntil(() => !listener.Messages.IsEmpty, TimeSpan.FromSeconds(5));
        var m = Rfc5424Text.Parse(Assert.Single(listener.Messages));
        Assert.Equal("plant-a-sensor", m.Host);
        AssertRoundTrip(Hostile(), Assert.Single(listener.Messages));
    }

    private static SyslogTarget Target(SyslogTransport transport, int port) =>
        new() { Transport = transport, Host = "127.0.0.1", Port = port, Format = SyslogFormat.Rfc5424, Hostname = "sensor-1" };

    private static async Task SendAllAsync(SyslogTarget target, IReadOnlyList<OutboundAlert> alerts, Func<bool> received)
    {
        using var outbox = AlertOutbox.Open(TestAlerts.TempFile("o.db"));
        await using var forwarder = new AlertForwarder(outbox, [new SyslogSender(target)], Fast);
        forwarder.Start();
        forwarder.EnqueueRange(alerts);
        Assert.True(await forwarder.DrainAsync(TimeSpan.FromSeconds(20)), forwarder.Counters.Targets.Single().ToString());
        await EventHubsForwardingTests.WaitUntil(received, TimeSpan.FromSeconds(10));
    }
}
