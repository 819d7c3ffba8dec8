using System.Security.Cryptography.X509Certificates;
using Azure.Core.Pipeline;
using Azure.Messaging.EventHubs;
using OtSensor.Outputs.Forwarding;
using OtSensor.Outputs.Forwarding.Config;
using OtSensor.Outputs.Forwarding.EventHubs;
using OtSensor.Outputs.Forwarding.Outbox;

namespace OtSensor.Forwarding.Tests;

/// <summary>
/// Microsoft Entra ID over the wire: Azure.Identity's credentials fetch a token from an Entra ID stand-in on HTTPS
/// (<see cref="TestTokenServer"/>), and the real Event Hubs client hands that JWT to the test hub in the CBS put-token.
/// </summary>
public sealed class EntraIdForwardingTests
{
    private const string Tenant = "7f3c1a52-9d1e-4b0a-8c55-2f6f0a9e4d11";
    private const string Client = "3b8e6d2c-1f4a-4e7b-9a0c-5d2e8f1b7c44";
    private static readonly ForwarderOptions Fast = new() { InitialBackoff = TimeSpan.FromMilliseconds(50), MaxBackoff = TimeSpan.FromMilliseconds(400), IdlePoll = TimeSpan.FromMilliseconds(100) };
    private static readonly EventHubsRetryOptions ShortRetry = new() { MaximumRetries = 1, TryTimeout = TimeSpan.FromSeconds(5), Delay = TimeSpan.FromMilliseconds(50), MaximumDelay = TimeSpan.FromMilliseconds(200) };

    /// <summary>HTTPS to the stand-in, trusting exactly its certificate.</summary>
    private static HttpClientTransport TrustOnly(X509Certificate2 server) =>
        new(new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, c, _, _) => c is not null && c.Thumbprint == server.Thumbprint });

    private static async Task<TestEventHubEndpoint> SendThroughAsync(EntraIdSettings settings, X509Certificate2 server, IReadOnlyList<OutboundAlert> alerts)
    {
        // AMQP over TLS as against Azure (a namespace and a credential mean amqps), trusting exactly the test certificate.
        var hub = new TestEventHubEndpoint(certificate: server);
        var sender = new EventHubsSender("plant-a.servicebus.windows.net", hub.Hub, settings.CreateCredential(TrustOnly(server)), ShortRetry,
            new Uri($"amqps://127.0.0.1:{hub.Port}"), (_, c, _, _) => c is not null && c.GetCertHashString() == server.Thumbprint);
        Assert.Equal("eventhubs:plant-a.servicebus.windows.net/hub", sender.Name);
        using var outbox = AlertOutbox.Open(TestAlerts.TempFile("o.db"));
        await using var forwarder = new AlertForwarder(outbox, [sender], Fast);
        forwarder.Start();
        forwarder.EnqueueRange(alerts);
        Assert.True(await forwarder.DrainAsync(TimeSpan.FromSeconds(40)), forwarder.Counters.Targets.Single().ToString());
        return hub;
    }

    [Fact]
    public async Task ClientSecret_TokenFromEntraId_ReachesHubAsCbsJwtAndEveryAlertArrives()
    {
        var (_, server) = SyslogForwardingTests.Certificates();
        using var entra = new TestTokenServer(server);
        var settings = new EntraIdSettings
        {
            Mode = EntraIdMode.ClientSecret,
            TenantId = Tenant,
            ClientId = Client,
            ClientSecret = new SecretText("s3cr3t-from-config", "config file"),
            AuthorityHost = entra.AuthorityHost,
        };
        var alerts = Enumerable.Range(1, 200).Select(i => TestAlerts.Make(i)).ToList();
        using var hub = await SendThroughAsync(settings, server, alerts);

        var request = Assert.Single(entra.TokenRequests);
        Assert.Equal("client_credentials", request["grant_type"]);
        Assert.Equal(Client, request["client_id"]);
        Assert.Equal("s3cr3t-from-config", request["client_secret"]);
        Assert.Equal("https://eventhubs.azure.net/.default", request["scope"]);
        Assert.Contains(entra.Paths, p => p.StartsWith($"/{Tenant}/", StringComparison.Ordinal));
        var jwt = Assert.Single(entra.Issued);
        Assert.NotEmpty(hub.Tokens);
        Assert.All(hub.Tokens, t => Assert.Equal(("jwt", jwt), t));
        Assert.Equal(alerts.Select(a => a.MessageId).Order(), hub.Events.Select(e => e.MessageId).Distinct().Order());
    }
}
