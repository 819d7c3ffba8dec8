using System.Net.Security;
using System.Net.Sockets;
using Azure.Core;
using Azure.Messaging.EventHubs;
using Azure.Messaging.EventHubs.Producer;
using OtSensor.Outputs.Forwarding.Outbox;

namespace OtSensor.Outputs.Forwarding.EventHubs;

/// <summary>
/// Sends outbox entries to an event hub with the Azure SDK's <see cref="EventHubProducerClient"/>: one batch per
/// partition key (<see cref="OutboxEntry.PartitionKey"/>), filled with <c>TryAdd</c> up to the hub's message size limit,
/// each event carrying the alert's <c>MessageId</c> so the at-least-once redelivery of a batch is dropped downstream.
/// </summary>
/// <remarks>
/// Keys are sent one after the other, each key's entries oldest first, and a failure stops the call: the entries
/// behind it stay pending, so the order per key holds across retries. The client's own retries (a few, short) run
/// inside each send; the outbox's backoff handles longer outages. An event larger than the hub's limit on its own is
/// rejected (dead-lettered) rather than blocking its key forever.
/// </remarks>
public sealed class EventHubsSender : IAlertSender
{
    private readonly EventHubProducerClient _client;

    /// <summary>One quick retry inside the client: longer outages are the outbox's to wait out (its backoff, without
    /// limit), and a failure (a 401, a refused connection) reaches the counters and the console in seconds, not after
    /// the client's default four tries.</summary>
    public static EventHubsRetryOptions DefaultRetry => new() { MaximumRetries = 1, Delay = TimeSpan.FromMilliseconds(500), TryTimeout = TimeSpan.FromSeconds(30), Mode = EventHubsRetryMode.Exponential };

    public EventHubsSender(string connectionString, EventHubsRetryOptions? retry = null)
    {
        var options = new EventHubProducerClientOptions
        {
            RetryOptions = retry ?? DefaultRetry,
        };
        _client = new EventHubProducerClient(connectionString, options);
        Name = $"eventhubs:{_client.FullyQualifiedNamespace}/{_client.EventHubName}";
    }

    /// <summary>Microsoft Entra ID: the namespace host (<c>ns.servicebus.windows.net</c>), the hub and a credential
    /// (<see cref="EntraIdSettings.CreateCredential"/>); the client sends the token to the hub in the CBS put-token as
    /// a JWT and renews it before it expires.</summary>
    /// <param name="endpoint">Where to connect when not the namespace itself (a private endpoint, a gateway, a test
    /// endpoint): <c>amqps://host:port</c>, or <c>amqp://host:port</c> for plain AMQP.</param>
    /// <param name="validateCertificate">Server certificate check for TLS; null: the system's.</param>
    public EventHubsSender(string fullyQualifiedNamespace, string eventHubName, TokenCredential credential, EventHubsRetryOptions? retry = null,
        Uri? endpoint = null, RemoteCertificateValidationCallback? validateCertificate = null)
    {
        var options = new EventHubProducerClientOptions
        {
            RetryOptions = retry ?? DefaultRetry,
            ConnectionOptions = new EventHubConnectionOptions { CustomEndpointAddress = endpoint, CertificateValidationCallback = validateCertificate },
        };
        _client = new EventHubProducerClient(fullyQualifiedNamespace, eventHubName, credential, options);
        Name = $"eventhubs:{_client.FullyQualifiedNamespace}/{_client.EventHubName}";
    }

    public string Name { get; }

    /// <summary>Alerts, device-change and event records alike.</summary>
    public bool Accepts(RecordKind kind) => true;

    public async Task<SendOutcome> SendAsync(IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken)
    {
        var outcome = new SendOutcome();
        var byKey = new Dictionary<string, List<OutboxEntry>>(StringComparer.Ordinal);
        var keys = new List<string>();
        foreach (var entry in entries)
        {
            if (!byKey.TryGetValue(entry.PartitionKey, out var list))
            {
                byKey[entry.PartitionKey] = list = [];
                keys.Add(entry.PartitionKey);
            }
            list.Add(entry);
        }
        try
        {
            foreach (var key in keys) await SendKeyAsync(key, byKey[key], outcome, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            outcome.Error = e;
            outcome.Transient = e is EventHubsException { IsTransient: true } or SocketException or UnauthorizedAccessException
                or TimeoutException or IOException or OperationCanceledException
                // Entra ID refused or could not be reached: the link's failure (a secret to fix), never the record's.
                or Azure.Identity.AuthenticationFailedException or Azure.Identity.CredentialUnavailableException
                or EventHubsException { Reason: EventHubsException.FailureReason.ServiceCommunicationProblem or EventHubsException.FailureReason.ServiceTimeout or EventHubsException.FailureReason.ServiceBusy };
        }
        return outcome;
    }

    private async Task SendKeyAsync(string key, List<OutboxEntry> entries, SendOutcome outcome, CancellationToken cancellationToken)
    {
        var options = new CreateBatchOptions { PartitionKey = key };
        int i = 0;
        while (i < entries.Count)
        {
            using var batch = await _client.CreateBatchAsync(options, cancellationToken).ConfigureAwait(false);
            var inBatch = new List<long>();
            while (i < entries.Count)
            {
                var entry = entries[i];
                var data = new EventData(Body(entry))
                {
                    MessageId = entry.MessageId,
                    ContentType = "application/json",
                };
                data.Properties["Type"] = entry.Alert.Kind switch { RecordKind.DeviceChange => DeviceChangeRecord.RecordType, RecordKind.Event => ProtocolEventRecord.RecordType, _ => "SecurityAlert" };
                data.Properties["AlertType"] = entry.Alert.Type;
                if (batch.TryAdd(data))
                {
                    inBatch.Add(entry.Sequence);
                    i++;
                    continue;
                }
                if (batch.Count == 0)
                {
                    // Too large for the hub even alone.
                    outcome.Rejected.Add((entry.Sequence, $"event of {data.EventBody.ToMemory().Length} bytes exceeds the hub's maximum of {batch.MaximumSizeInBytes} bytes"));
                    i++;
                    continue;
                }
                break;
            }
            if (batch.Count == 0) continue;
            await _client.SendAsync(batch, cancellationToken).ConfigureAwait(false);
            outcome.Accepted.AddRange(inBatch);
        }
    }

    /// <summary>The event body for the entry's kind.</summary>
    public static byte[] Body(OutboxEntry entry) => entry.Alert.Kind switch
    {
        RecordKind.DeviceChange => DeviceChangeRecord.Write(entry),
        RecordKind.Event => System.Text.Encoding.UTF8.GetBytes(entry.Alert.Body ?? "{}"),
        _ => SecurityAlertRecord.Write(entry),
    };

    public ValueTask DisposeAsync() => _client.DisposeAsync();
}
