using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using OtSensor.Outputs.Forwarding;
using OtSensor.Outputs.Forwarding.Outbox;
using OtSensor.Outputs.Forwarding.Syslog;

namespace OtSensor.Forwarding.Tests;

/// <summary>CEF over syslog to listeners the tests start: UDP, TCP (octet counting) and TLS (generated CA).</summary>
public sealed class SyslogForwardingTests
{
    private static readonly ForwarderOptions Fast = new() { InitialBackoff = TimeSpan.FromMilliseconds(50), MaxBackoff = TimeSpan.FromMilliseconds(300), IdlePoll = TimeSpan.FromMilliseconds(100) };

    [Fact]
    public void Format_HostileText_HeaderAndExtensionsEscaped()
    {
        var cef = CefFormatter.Format(TestAlerts.Hostile(), "1.2|3");
        Assert.StartsWith(@"CEF:0|OtSensor|OtSensor|1.2\|3|modbus-function-code|Write \| to C:\\plc\\prog = ""x""  Injected: CEF:0\|evil|10|", cef, StringComparison.Ordinal);
        Assert.Contains(@" msg=a\=b c\\d |pipe| new\nline über 中文 😀 end\=", cef, StringComparison.Ordinal);
        Assert.Contains(@" cat=cat\=1\\2 ", cef, StringComparison.Ordinal);
        Assert.Contains(@" cs4=step\=1\nstep|2", cef, StringComparison.Ordinal);
        Assert.Contains(" src=10.0.0.1 ", cef, StringComparison.Ordinal);
        Assert.Contains(" c6a3=fe80::1 ", cef, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', cef);
        Assert.DoesNotContain('\r', cef);
    }

    [Fact]
    public void Format_LayerTwoAlert_MacsInSmacDmac()
    {
        var alert = TestAlerts.Make(1) with { SourceAddress = "00:1b:1b:00:00:01", DestinationAddress = "01:0c:cd:01:00:01", Severity = "Critical" };
        var (header, ext) = CefText.Parse(CefFormatter.Format(alert, "1.0"));
        Assert.Equal("10", header[6]);
        Assert.Equal("00:1b:1b:00:00:01", ext["smac"]);
        Assert.Equal("01:0c:cd:01:00:01", ext["dmac"]);
        Assert.False(ext.ContainsKey("src"));
        Assert.Equal(alert.LastDetection.ToUnixTimeMilliseconds().ToString(), ext["rt"]);
    }

    [Fact]
    public async Task Udp_HostileAlert_ArrivesAsRfc5424CefThatParsesBack()
    {
        using var listener = SyslogListener.Udp();
        var hostile = TestAlerts.Hostile();
        await SendAllAsync($"syslog:udp://127.0.0.1:{listener.Port}", [hostile, TestAlerts.Make(2)], () => listener.Messages.Count >= 2);

        var message = listener.Messages.First(m => m.Contains("evil", StringComparison.Ordinal));
        var m = Regex.Match(message, @"^<(\d+)>1 (\S+) (\S+) OtSensor - alert - (CEF:0\|.*)$", RegexOptions.Singleline);
        Assert.True(m.Success, message);
        Assert.Equal("10", m.Groups[1].Value); // facility user (1·8) + crit (2): the hostile alert is Critical
        AssertRoundTrip(hostile, m.Groups[4].Value);
    }

    [Fact]
    public async Task Tcp_ThreeHundredAlertsRfc3164_ArriveInOrderOctetCounted()
    {
        using var listener = SyslogListener.Tcp();
        var alerts = Enumerable.Range(1, 299).Select(i => TestAlerts.Make(i)).Append(TestAlerts.Hostile() with { AlertId = 1000 }).ToList();
        await SendAllAsync($"syslog:tcp://127.0.0.1:{listener.Port}?format=3164", alerts, () => listener.Messages.Count >= alerts.Count);

        var messages = listener.Messages.ToList();
        Assert.Equal(alerts.Count, messages.Count);
        for (int i = 0; i < alerts.Count; i++)
        {
            var m = Regex.Match(messages[i], @"^<\d+>[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \S+ (CEF:0\|.*)$", RegexOptions.Singleline);
            Assert.True(m.Success, messages[i]);
            AssertRoundTrip(alerts[i], m.Groups[1].Value);
        }
    }

    [Fact]
    public async Task Tcp_ServerDownThenUp_RetriedAndDeliveredInOrder()
    {
        int port;
        using (var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        }
        var alerts = Enumerable.Range(1, 100).Select(i => TestAlerts.Make(i)).ToList();
        using var outbox = AlertOutbox.Open(TestAlerts.TempFile("o.db"));
        await using var forwarder = new AlertForwarder(outbox, [ForwardTargets.TryCreate($"syslog:tcp://127.0.0.1:{port}", out _)!], Fast);
        forwarder.Start();
        forwarder.EnqueueRange(alerts);
        var counters = forwarder.Counters.Targets.Single();
        await EventHubsForwardingTests.WaitUntil(() => counters.Failed >= 2, TimeSpan.FromSeconds(15));
        Assert.Contains("SocketException", counters.LastError, StringComparison.Ordinal);
        Assert.Equal(100, counters.Pending);

        using var listener = SyslogListener.Tcp(port: port);
        Assert.True(await forwarder.DrainAsync(TimeSpan.FromSeconds(15)), counters.ToString());
        await EventHubsForwardingTests.WaitUntil(() => listener.Messages.Count >= 100, TimeSpan.FromSeconds(10));
        Assert.Equal(alerts.Select(a => a.MessageId), listener.Messages.Select(m => CefText.Parse(m[m.IndexOf("CEF:0", StringComparison.Ordinal)..]).Extensions["cs3"]));
    }

    [Fact]
    public async Task Tls_ServerCertFromTrustedCa_Delivered()
    {
        var (ca, server) = Certificates();
        var caFile = TestAlerts.TempFile("ca.pem");
        await File.WriteAllTextAsync(caFile, ca.ExportCertificatePem());
        using var listener = SyslogListener.Tcp(server);
        var hostile = TestAlerts.Hostile();
        await SendAllAsync($"syslog:tls://127.0.0.1:{listener.Port}?ca={Uri.EscapeDataString(caFile)}", [hostile], () => !listener.Messages.IsEmpty);
        AssertRoundTrip(hostile, listener.Messages.Single()[listener.Messages.Single().IndexOf("CEF:0", StringComparison.Ordinal)..]);
    }

    [Fact]
    public async Task Tls_UntrustedServerCert_NothingSentFailureCountedThenPinnedCertAccepted()
    {
        var (_, server) = Certificates();
        using var listener = SyslogListener.Tcp(server);
        var outboxPath = TestAlerts.TempFile("o.db");
        var alert = TestAlerts.Make(3);
        using (var outbox = AlertOutbox.Open(outboxPath))
        {
            var sender = ForwardTargets.TryCreate($"syslog:tls://127.0.0.1:{listener.Port}", out var error)!;
            Assert.Null(error);
            await using var forwarder = new AlertForwarder(outbox, [sender], Fast);
            forwarder.Start();
            forwarder.Enqueue(alert);
            var counters = forwarder.Counters.Targets.Single();
            await EventHubsForwardingTests.WaitUntil(() => counters.Failed >= 2, TimeSpan.FromSeconds(15));
            Assert.Contains("Authentication", counters.LastError, StringComparison.Ordinal);
            Assert.Equal(0, counters.Sent);
            Assert.Equal(1, outbox.PendingCount(sender.Name));
        }
        Assert.Empty(listener.Messages);

        // The operator pins the server's certificate: the pending alert goes out.
        var pin = Convert.ToHexString(SHA256.HashData(server.RawData));
        using (var outbox = AlertOutbox.Open(outboxPath))
        {
            var sender = ForwardTargets.TryCreate($"syslog:tls://127.0.0.1:{listener.Port}?pin={pin}", out _)!;
            await using var forwarder = new AlertForwarder(outbox, [sender], Fast);
            forwarder.Start();
            Assert.True(await forwarder.DrainAsync(TimeSpan.FromSeconds(15)));
        }
        await EventHubsForwardingTests.WaitUntil(() => listener.Messages.Count == 1, TimeSpan.FromSeconds(5));
    }

    [Theory]
    [InlineData("kafka://x", "is not a target")]
    [InlineData("syslog:http://h:1", "is not udp, tcp or tls")]
    [InlineData("syslog:udp://h:514?ca=/x.pem", "unknown or misplaced option 'ca'")]
    [InlineData("syslog:tls://h?pin=abc", "unknown or misplaced option 'pin'")]
    [InlineData("syslog:nonsense", "is not udp://host:port")]
    [InlineData("eventhubs:garbage", "not a valid Event Hubs connection string")]
    [InlineData("eventhubs:Endpoint=sb://x.servicebus.windows.net/;SharedAccessKeyName=k;SharedAccessKey=SECRET", "names no event hub")]
    [InlineData("eventhubs:env:OTSENSOR_TEST_UNSET_VAR", "OTSENSOR_TEST_UNSET_VAR is not set")]
    public void TryCreate_BadTarget_OneLineReasonWithoutSecret(string spec, string reason)
    {
        Assert.Null(ForwardTargets.TryCreate(spec, out var error, _ => null));
        Assert.Contains(reason, error, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error!);
    }

    [Fact]
    public async Task TryCreate_EventHubsFromEnvironment_NamedWithoutSecret()
    {
        var sender = ForwardTargets.TryCreate("eventhubs:env:HUB", out var error,
            name => name == "HUB" ? "Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=SECRET;EntityPath=alerts" : null);
        Assert.Null(error);
        await using (sender)
        {
            Assert.Equal("eventhubs:ns.servicebus.windows.net/alerts", sender!.Name);
        }
    }

    private static async Task SendAllAsync(string target, IReadOnlyList<OutboundAlert> alerts, Func<bool> received)
    {
        var sender = ForwardTargets.TryCreate(target, out var error);
        Assert.True(sender is not null, error);
        using var outbox = AlertOutbox.Open(TestAlerts.TempFile("o.db"));
        await using var forwarder = new AlertForwarder(outbox, [sender], Fast);
        forwarder.Start();
        forwarder.EnqueueRange(alerts);
        Assert.True(await forwarder.DrainAsync(TimeSpan.FromSeconds(20)), forwarder.Counters.Targets.Single().ToString());
        await EventHubsForwardingTests.WaitUntil(received, TimeSpan.FromSeconds(10));
    }

    private static void AssertRoundTrip(OutboundAlert alert, string cef)
    {
        var (header, ext) = CefText.Parse(cef);
        Assert.Equal(["CEF:0", "OtSensor", "OtSensor"], header[..3]);
        Assert.Equal(alert.Type, header[4]);
        Assert.Equal(alert.Title.Replace('\r', ' ').Replace('\n', ' '), header[5]);
        Assert.Equal(CefFormatter.Severity(alert.Severity).ToString(), header[6]);
        Assert.Equal(alert.Message, ext["msg"]);
        Assert.Equal(alert.Category, ext["cat"]);
        Assert.Equal(string.Join('\n', alert.RemediationSteps), ext["cs4"]);
        Assert.Equal(alert.MessageId, ext["cs3"]);
        Assert.Equal(alert.Protocol, ext["app"]);
    }

    /// <summary>A CA and a server certificate for 127.0.0.1 signed by it.</summary>
    internal static (X509Certificate2 Ca, X509Certificate2 Server) Certificates()
    {
        using var caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest("CN=OtSensor Test CA", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        var now = DateTimeOffset.UtcNow;
        using var caWithKey = caRequest.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));
        var ca = X509CertificateLoader.LoadCertificate(caWithKey.RawData);

        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var signed = request.Create(caWithKey, now.AddDays(-1), now.AddDays(30), [1, 2, 3, 4]);
        using var withKey = signed.CopyWithPrivateKey(key);
        var server = X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
        return (ca, server);
    }
}
