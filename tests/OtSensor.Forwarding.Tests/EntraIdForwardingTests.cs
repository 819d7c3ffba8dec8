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

    [Fact]
    public async Task ClientCertificate_PemWithKey_SignedAssertionSentAndJwtReachesHub()
    {
        var (_, server) = SyslogForwardingTests.Certificates();
        using var entra = new TestTokenServer(server);
        // The app registration's certificate, as an operator would drop it on the sensor: certificate and key in one PEM.
        var (_, appCertificate) = SyslogForwardingTests.Certificates();
        var pem = TestAlerts.TempFile("app.pem");
        using (var key = appCertificate.GetRSAPrivateKey()!)
            await File.WriteAllTextAsync(pem, appCertificate.ExportCertificatePem() + "\n" + key.ExportPkcs8PrivateKeyPem());
        var settings = new EntraIdSettings { Mode = EntraIdMode.ClientCertificate, TenantId = Tenant, ClientId = Client, CertificatePath = pem, AuthorityHost = entra.AuthorityHost };
        var alerts = Enumerable.Range(1, 50).Select(i => TestAlerts.Make(i)).ToList();
        using var hub = await SendThroughAsync(settings, server, alerts);

        var request = Assert.Single(entra.TokenRequests);
        Assert.Equal("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", request["client_assertion_type"]);
        Assert.Equal(3, request["client_assertion"].Split('.').Length); // a signed JWT, header.claims.signature
        Assert.False(request.ContainsKey("client_secret"));
        Assert.All(hub.Tokens, t => Assert.Equal(("jwt", Assert.Single(entra.Issued)), t));
        Assert.Equal(50, hub.Events.Select(e => e.MessageId).Distinct().Count());
    }

    [Fact]
    public async Task WorkloadIdentity_FederatedTokenFileFromEnvironmentDefaults_ExchangedAndJwtReachesHub()
    {
        var (_, server) = SyslogForwardingTests.Certificates();
        using var entra = new TestTokenServer(server);
        var tokenFile = TestAlerts.TempFile("federated-token");
        await File.WriteAllTextAsync(tokenFile, "eyJhbGciOiJub25lIn0.eyJzdWIiOiJzeXN0ZW06c2VydmljZWFjY291bnQ6b3Q6c2Vuc29yIn0.c2ln");
        var environment = new Dictionary<string, string> { ["AZURE_TENANT_ID"] = Tenant, ["AZURE_CLIENT_ID"] = Client, ["AZURE_FEDERATED_TOKEN_FILE"] = tokenFile };
        var settings = new EntraIdSettings { Mode = EntraIdMode.WorkloadIdentity, AuthorityHost = entra.AuthorityHost };
        var hub = new TestEventHubEndpoint(certificate: server);
        using (hub)
        {
            var sender = new EventHubsSender("plant-a.servicebus.windows.net", hub.Hub, settings.CreateCredential(TrustOnly(server), environment.GetValueOrDefault), ShortRetry,
                new Uri($"amqps://127.0.0.1:{hub.Port}"), (_, c, _, _) => c is not null && c.GetCertHashString() == server.Thumbprint);
            using var outbox = AlertOutbox.Open(TestAlerts.TempFile("o.db"));
            await using (var forwarder = new AlertForwarder(outbox, [sender], Fast))
            {
                forwarder.Start();
                forwarder.Enqueue(TestAlerts.Make(1));
                Assert.True(await forwarder.DrainAsync(TimeSpan.FromSeconds(30)), forwarder.Counters.Targets.Single().ToString());
            }
            var request = Assert.Single(entra.TokenRequests);
            Assert.Equal(Client, request["client_id"]);
            Assert.Equal(await File.ReadAllTextAsync(tokenFile), request["client_assertion"]);
            Assert.All(hub.Tokens, t => Assert.Equal(("jwt", Assert.Single(entra.Issued)), t));
            Assert.Single(hub.Events);
        }
    }

    [Fact]
    public async Task ClientSecret_EntraIdRefuses_FailureCountedWithoutSecretNothingSent()
    {
        var (_, server) = SyslogForwardingTests.Certificates();
        using var entra = new TestTokenServer(server) { RefuseTokens = true };
        using var hub = new TestEventHubEndpoint(certificate: server);
        var settings = new EntraIdSettings
        {
            Mode = EntraIdMode.ClientSecret,
            TenantId = Tenant,
            ClientId = Client,
            ClientSecret = new SecretText("wr0ng-s3cr3t", "env:OTSENSOR_TEST_SECRET"),
            AuthorityHost = entra.AuthorityHost,
        };
        var sender = new EventHubsSender("plant-a.servicebus.windows.net", hub.Hub, settings.CreateCredential(TrustOnly(server)), ShortRetry,
            new Uri($"amqps://127.0.0.1:{hub.Port}"), (_, c, _, _) => c is not null && c.GetCertHashString() == server.Thumbprint);
        // Past the attempt limit that dead-letters a record failing for its own reason: a refused credential is the link's.
        using var outbox = AlertOutbox.Open(TestAlerts.TempFile("o.db"), new OutboxOptions { MaxAttempts = 2 });
        await using var forwarder = new AlertForwarder(outbox, [sender], Fast);
        forwarder.Start();
        forwarder.EnqueueRange(Enumerable.Range(1, 20).Select(i => TestAlerts.Make(i)));
        var counters = forwarder.Counters.Targets.Single();
        await EventHubsForwardingTests.WaitUntil(() => counters.Failed >= 4, TimeSpan.FromSeconds(30));
        Assert.Contains("AuthenticationFailed", counters.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain("wr0ng-s3cr3t", counters.LastError, StringComparison.Ordinal);
        Assert.Equal(0, counters.Sent);
        Assert.Equal(20, outbox.PendingCount(sender.Name));
        Assert.Equal(0, counters.DeadLettered);
        Assert.Empty(hub.Events);
        Assert.DoesNotContain("wr0ng-s3cr3t", settings.ToString(), StringComparison.Ordinal);
        Assert.Equal("[secret from env:OTSENSOR_TEST_SECRET]", settings.ClientSecret!.ToString());
    }

    /// <summary>
    /// Managed identity through the App Service identity endpoint (<c>IDENTITY_ENDPOINT</c> and <c>IDENTITY_HEADER</c>,
    /// plain HTTP on loopback as on App Service and Container Apps). Azure.Identity reads those two from the process
    /// environment, so this test sets them and restores them; no other test reads them. The Azure VM path (IMDS on
    /// 169.254.169.254) cannot be hosted by a test without owning that link-local address.
    /// </summary>
    [Fact]
    public async Task ManagedIdentity_IdentityEndpointFromEnvironment_JwtReachesHub()
    {
        var (_, server) = SyslogForwardingTests.Certificates();
        using var identity = new TestTokenServer(null);
        var previous = (Environment.GetEnvironmentVariable("IDENTITY_ENDPOINT"), Environment.GetEnvironmentVariable("IDENTITY_HEADER"));
        Environment.SetEnvironmentVariable("IDENTITY_ENDPOINT", identity.IdentityEndpoint.ToString());
        Environment.SetEnvironmentVariable("IDENTITY_HEADER", "identity-header-value");
        try
        {
            var settings = new EntraIdSettings { Mode = EntraIdMode.ManagedIdentity };
            var alerts = Enumerable.Range(1, 30).Select(i => TestAlerts.Make(i)).ToList();
            using var hub = await SendThroughAsync(settings, server, alerts);
            var request = Assert.Single(identity.TokenRequests);
            Assert.Equal("https://eventhubs.azure.net", request["resource"].TrimEnd('/'));
            Assert.Equal("identity-header-value", Assert.Single(identity.IdentityHeaders));
            Assert.All(hub.Tokens, t => Assert.Equal(("jwt", Assert.Single(identity.Issued)), t));
            Assert.Equal(30, hub.Events.Select(e => e.MessageId).Distinct().Count());
        }
        finally
        {
            Environment.SetEnvironmentVariable("IDENTITY_ENDPOINT", previous.Item1);
            Environment.SetEnvironmentVariable("IDENTITY_HEADER", previous.Item2);
        }
    }
}
