using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Azure.Amqp;
using Microsoft.Azure.Amqp.Encoding;
using Microsoft.Azure.Amqp.Framing;
using Microsoft.Azure.Amqp.Sasl;
using Microsoft.Azure.Amqp.Transport;

namespace OtSensor.Forwarding.Tests;

/// <summary>
/// An Event Hubs stand-in on 127.0.0.1 for the real <c>EventHubProducerClient</c> (platform-notes "Testing Event Hubs
/// without Azure"): SASL <c>MSSBCBS</c>, the <c>$cbs</c> put-token exchange, a receiving link per hub attach that
/// carries <c>max-message-size</c>, batches (format 0x80013700) unpacked into events.
/// </summary>
/// <remarks>
/// Faults: <see cref="Stop"/>/<see cref="Start"/> (down, then back on the same port), <see cref="DropNextTransfer"/>
/// (the connection aborted after a transfer arrived and before it was settled: the client sends it again),
/// <see cref="RejectTokens"/> (put-token answered 401).
/// </remarks>
internal sealed class TestEventHubEndpoint : IRuntimeProvider, IDisposable
{
    private readonly ConcurrentDictionary<AmqpConnection, byte> _connections = new();
    private readonly ConcurrentQueue<ReceivedEvent> _events = new();
    private readonly ConcurrentDictionary<string, SendingAmqpLink> _replyLinks = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<AmqpSession, SendingAmqpLink> _sessionReplyLinks = new();
    private AmqpConnectionListener? _listener;
    private int _dropNext;
    private readonly X509Certificate2? _certificate;

    /// <param name="certificate">Serve AMQP over TLS (<c>amqps</c>) with this certificate: what the client speaks when it
    /// is given a namespace and a credential instead of a development connection string.</param>
    public TestEventHubEndpoint(string hub = "hub", X509Certificate2? certificate = null)
    {
        Hub = hub;
        _certificate = certificate;
        // Pick a free port, then listen on it (and again on it after Stop).
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Start();
    }

    public string Hub { get; }
    public int Port { get; }
    public bool RejectTokens { get; set; }
    public int TokensRejected;
    public int TransfersDropped;

    /// <summary>Every put-token received: its <c>type</c> (<c>jwt</c> for Entra ID, <c>servicebus.windows.net:sastoken</c> for a key) and the token.</summary>
    public ConcurrentQueue<(string Type, string Token)> Tokens { get; } = new();

    public string ConnectionString => $"Endpoint=sb://127.0.0.1:{Port};SharedAccessKeyName=k;SharedAccessKey=dGVzdA==;EntityPath={Hub};UseDevelopmentEmulator=true";

    /// <summary>Every event received, in arrival order (duplicates included).</summary>
    public IReadOnlyList<ReceivedEvent> Events => [.. _events];
    public int Count => _events.Count;

    public void DropNextTransfer() => Interlocked.Exchange(ref _dropNext, 1);

    public void Start()
    {
        var settings = new AmqpSettings { RuntimeProvider = this };
        var sasl = new SaslTransportProvider();
        sasl.Versions.Add(new AmqpVersion(1, 0, 0));
        sasl.AddHandler(new SaslAnonymousHandler("MSSBCBS"));
        settings.TransportProviders.Add(sasl);
        var amqp = new AmqpTransportProvider();
        amqp.Versions.Add(new AmqpVersion(1, 0, 0));
        settings.TransportProviders.Add(amqp);
        if (_certificate is not null)
        {
            var tls = new TlsTransportProvider(new TlsTransportSettings { Certificate = _certificate, IsInitiator = false });
            tls.Versions.Add(new AmqpVersion(1, 0, 0));
            settings.TransportProviders.Add(tls);
        }
        var connectionSettings = new AmqpConnectionSettings { ContainerId = "test-hub", MaxFrameSize = 64 * 1024 };
        _listener = new AmqpConnectionListener([$"{(_certificate is null ? "amqp" : "amqps")}://127.0.0.1:{Port}"], settings, connectionSettings);
        _listener.Open();
    }

    /// <summary>Down: the listener closes and every connection is aborted.</summary>
    public void Stop()
    {
        _listener?.Close();
        _listener = null;
        foreach (var c in _connections.Keys) c.SafeClose();
        _connections.Clear();
    }

    public void AbortConnections()
    {
        foreach (var c in _connections.Keys) c.Abort();
    }

    public AmqpConnection CreateConnection(TransportBase transport, ProtocolHeader protocolHeader, bool isInitiator, AmqpSettings amqpSettings, AmqpConnectionSettings connectionSettings)
    {
        var connection = new AmqpConnection(transport, protocolHeader, isInitiator, amqpSettings, connectionSettings);
        _connections[connection] = 0;
        connection.Closed += (s, _) => _connections.TryRemove((AmqpConnection)s!, out byte _);
        return connection;
    }

    public AmqpSession CreateSession(AmqpConnection connection, AmqpSessionSettings settings) => throw new InvalidOperationException();

    public AmqpLink CreateLink(AmqpSession session, AmqpLinkSettings settings)
    {
        if (settings.Role == true)
        {
            // The peer sends: to $cbs (token requests) or to the hub (events).
            settings.MaxMessageSize = 1024 * 1024;
            settings.TotalLinkCredit = 300;
            settings.AutoSendFlow = true;
            var link = new ReceivingAmqpLink(session, settings);
            var address = ((Target)settings.Target).Address?.ToString() ?? "";
            if (address == "$cbs") link.RegisterMessageListener(m => OnTokenRequest(session, link, m));
            else link.RegisterMessageListener(m => OnEvents(session, link, m));
            return link;
        }
        var sender = new SendingAmqpLink(session, settings);
        var replyAddress = ((Target)settings.Target).Address?.ToString();
        if (replyAddress is not null) _replyLinks[replyAddress] = sender;
        _sessionReplyLinks[session] = sender;
        return sender;
    }

    public IAsyncResult BeginOpenLink(AmqpLink link, TimeSpan timeout, AsyncCallback callback, object state) => new Done(callback, state);

    public void EndOpenLink(IAsyncResult result)
    {
    }

    private void OnTokenRequest(AmqpSession session, ReceivingAmqpLink link, AmqpMessage request)
    {
        link.DisposeMessage(request, AmqpConstants.AcceptedOutcome, true, false);
        Tokens.Enqueue((request.ApplicationProperties.Map.TryGetValue<string>("type", out var type) ? type : "", request.ValueBody?.Value as string ?? ""));
        bool reject = RejectTokens;
        if (reject) Interlocked.Increment(ref TokensRejected);
        var reply = AmqpMessage.Create();
        reply.Properties.CorrelationId = request.Properties.MessageId;
        reply.ApplicationProperties.Map["status-code"] = reject ? 401 : 200;
        reply.ApplicationProperties.Map["status-description"] = reject ? "Unauthorized" : "OK";
        var replyTo = request.Properties.ReplyTo?.ToString();
        SendingAmqpLink? responder = replyTo is not null && _replyLinks.TryGetValue(replyTo, out var byAddress) ? byAddress
            : _sessionReplyLinks.GetValueOrDefault(session);
        responder?.SendMessageNoWait(reply, new ArraySegment<byte>(Guid.NewGuid().ToByteArray()), AmqpConstants.NullBinary);
    }

    private void OnEvents(AmqpSession session, ReceivingAmqpLink link, AmqpMessage message)
    {
        var received = new List<ReceivedEvent>();
        if (message.MessageFormat == 0x80013700)
        {
            foreach (var data in message.DataBody)
            {
                var bytes = (ArraySegment<byte>)data.Value;
                using var inner = AmqpMessage.CreateAmqpStreamMessage(new BufferListStream([bytes]), true);
                received.Add(Read(inner));
            }
        }
        else received.Add(Read(message));
        foreach (var e in received) _events.Enqueue(e);
        if (Interlocked.Exchange(ref _dropNext, 0) == 1)
        {
            // Received, never settled: the client cannot know it arrived.
            Interlocked.Increment(ref TransfersDropped);
            session.Connection.Abort();
            return;
        }
        link.DisposeMessage(message, AmqpConstants.AcceptedOutcome, true, true);
    }

    private static ReceivedEvent Read(AmqpMessage m)
    {
        string? key = m.MessageAnnotations.Map.TryGetValue<string>("x-opt-partition-key", out var k) ? k : null;
        using var body = new MemoryStream();
        foreach (var d in m.DataBody)
        {
            var seg = (ArraySegment<byte>)d.Value;
            body.Write(seg.Array!, seg.Offset, seg.Count);
        }
        return new ReceivedEvent(m.Properties.MessageId?.ToString() ?? "", key, body.ToArray());
    }

    public void Dispose() => Stop();

    private sealed class Done : IAsyncResult
    {
        public Done(AsyncCallback callback, object state)
        {
            AsyncState = state;
            callback(this);
        }

        public object AsyncState { get; }
        public WaitHandle AsyncWaitHandle => throw new NotSupportedException();
        public bool CompletedSynchronously => true;
        public bool IsCompleted => true;
    }
}

/// <summary>One event as the test hub received it.</summary>
internal sealed record ReceivedEvent(string MessageId, string? PartitionKey, byte[] Body);
