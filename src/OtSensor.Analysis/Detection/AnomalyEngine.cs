using OtSensor.Analysis.Inventory;
using OtSensor.Core.Net;
using OtSensor.Core.Protocols;
using OtSensor.Core.Time;

namespace OtSensor.Analysis.Detection;

/// <summary>
/// The anomaly engine (sensor-reference §3.5): scans (address, ARP, port, PLC), excessive sessions, login failures
/// and attempts, exception patterns. Thresholds are the catalogue's ("50 connections in 2 min").
/// </summary>
/// <remarks>
/// <para>Work happens when a flow opens, on ARP requests, on the first identity request of a flow, on a login reply
/// and on an exception response: never on the steady stream of a flow's packets. Counters live per device in an array
/// (<see cref="HostActivity"/>); which destinations, ports and targets a source already tried within its window lives
/// in one fixed table (<see cref="RecentKeys"/>), so a flood of distinct addresses costs evictions, not memory.</para>
/// <para>Once a count reaches its threshold every further distinct attempt raises the alert again, which counts up on
/// the open alert (aggregation) and is bounded by the type's per-minute allowance like every other detection.</para>
/// </remarks>
internal sealed class AnomalyEngine
{
    /// <summary>Distinct ports a source must try before its distinct (destination, port) pairs count as a port scan.</summary>
    internal const int PortScanMinPorts = 5;

    /// <summary>
    /// How many times its learned peak a source must open within one window (and at least the catalogue's count): a
    /// window that began while learning holds sessions of both periods, so a steady rate must never reach it.
    /// </summary>
    internal const int SessionFactor = 3;

    private const int KindAddress = 1, KindPair = 2, KindPort = 3, KindArp = 4, KindIdentity = 5;
    private readonly AlertManager _alerts;
    private readonly AlertTypeIndex _t;
    private readonly RecentKeys _seen = new(16);
    private readonly ConnectionAttempts _attempts = new();
    private readonly Threshold _addressScan, _arpScan, _portScan, _plcScan, _sessions, _logins, _guessing, _exceptions;
    private HostActivity[] _hosts = new HostActivity[256];

    public AnomalyEngine(AlertManager alerts, AlertTypeIndex types)
    {
        _alerts = alerts;
        _t = types;
        var c = alerts.Catalogue;
        _addressScan = new Threshold(c[types.AddressScan].Thresholds);
        _arpScan = new Threshold(c[types.ArpScan].Thresholds);
        _portScan = new Threshold(c[types.PortScan].Thresholds);
        _plcScan = new Threshold(c[types.PlcScan].Thresholds);
        _sessions = new Threshold(c[types.ExcessiveSessions].Thresholds);
        _logins = new Threshold(c[types.ExcessiveLogins].Thresholds);
        _guessing = new Threshold(c[types.PasswordGuessing].Thresholds);
        _exceptions = new Threshold(c[types.ExceptionPattern].Thresholds);
    }

    /// <summary>Entries of the distinct-attempt table in use (bounded by its capacity).</summary>
    public int TrackedAttempts => _seen.Count;

    public int TrackedCapacity => _seen.Capacity;

    /// <summary>Devices with counters (bounded by the inventory's device limit).</summary>
    public int TrackedHosts => _hosts.Length;

    private ref HostActivity Host(int deviceId)
    {
        if ((uint)deviceId >= (uint)_hosts.Length) Array.Resize(ref _hosts, Math.Max(_hosts.Length * 2, deviceId + 1));
        return ref _hosts[deviceId];
    }

    private static ulong AddressKey(IPAddressBytes address) => address.Low ^ (address.High * 0x9E3779B97F4A7C15UL);

    /// <summary>
    /// A flow opened: a session of its client. A TCP flow opened by the client's SYN to a private unicast address is a
    /// connection attempt whose fate decides whether it counts towards an address or port scan (see
    /// <see cref="OnHandshake"/>); its token is returned for the flow to keep (0: no attempt to follow). A UDP flow to
    /// such an address counts at once, as a new destination and (destination, port) pair of its client. Internet peers
    /// are browsing, not scanning the plant, and a TCP flow picked up after its SYN is an established connection.
    /// </summary>
    public long OnFlowOpened(Device? client, Device? server, IPAddressBytes serverAddress, ushort port, bool learning, Timestamp time, FrameRef evidence,
        bool isTcp = false, bool openedBySyn = false)
    {
        if (client is null) return 0;
        long t = time.UnixNanoseconds;
        ref var h = ref Host(client.Id);
        var source = DetectionEngine.Endpoint(client);

        h.Sessions.Roll(t, _sessions.Window);
        int sessions = ++h.Sessions.Count;
        if (learning) h.SessionPeak = Math.Max(h.SessionPeak, sessions);
        else if (sessions >= Math.Max(_sessions.Count, SessionFactor * h.SessionPeak))
            Raise(_t.ExcessiveSessions, time, source, default, client.Id, 0, evidence, AlertArguments.None with { Port = port });

        if (!serverAddress.IsPrivate || serverAddress.IsMulticastOrBroadcast || serverAddress.IsEmpty) return 0;
        var destination = server is null ? AlertEndpoint.Of(serverAddress) : DetectionEngine.Endpoint(server);
        if (!isTcp)
        {
            Probe(client.Id, server?.Id ?? 0, source, destination, AddressKey(serverAddress), port, time, evidence);
            return 0;
        }
        if (!openedBySyn) return 0;
        return _attempts.Open(new ConnectionAttempt
        {
            Time = t,
            Client = client.Id,
            Server = server?.Id ?? 0,
            Source = source,
            Destination = destination,
            Address = AddressKey(serverAddress),
            Port = port,
            Evidence = evidence,
        }, this);
    }

    /// <summary>
    /// A segment of a flow whose connection attempt is still undecided (<paramref name="token"/> from
    /// <see cref="OnFlowOpened"/>): the client's ACK without SYN or RST completes the handshake (RFC 9293 §3.5), a
    /// connection, not a probe; a RST from either side (the server refusing, or a SYN scanner tearing down the half-open
    /// connection the server's SYN-ACK offered) makes it a failed attempt, counted now. A SYN-ACK or a retransmitted SYN
    /// decides nothing. Returns true when the attempt is decided and the flow need not report further segments.
    /// </summary>
    public bool OnHandshake(long token, bool fromClient, bool syn, bool ack, bool rst, Timestamp time)
    {
        if (rst) return _attempts.Fail(token, time, this);
        if (fromClient && ack && !syn) return _attempts.Complete(token);
        return !_attempts.IsOpen(token);
    }

    /// <summary>
    /// Attempts that got no answer within <see cref="ConnectionAttempts.UnansweredNanoseconds"/> of their SYN count as
    /// failed, at <paramref name="now"/> (the time-driven checks call this; counters see capture time in order).
    /// </summary>
    public void JudgeUnanswered(Timestamp now) => _attempts.Expire(now, this);

    /// <summary>Connection attempts awaiting an answer (bounded by <see cref="ConnectionAttempts.Capacity"/>).</summary>
    public int PendingAttempts => _attempts.Count;

    /// <summary>
    /// A failed connection attempt, or a UDP datagram opening a flow: a new destination towards an address scan, a new
    /// (destination, port) pair towards a port scan once the source tried enough distinct ports.
    /// </summary>
    internal void Probe(int clientId, int serverId, AlertEndpoint source, AlertEndpoint destination, ulong address, ushort port, Timestamp time, FrameRef evidence)
    {
        long t = time.UnixNanoseconds;
        ref var h = ref Host(clientId);
        NewAddress(ref h, clientId, address, source, t, time, evidence);
        long since = h.Pairs.Roll(t, _portScan.Window);
        if (h.Ports.Start != since) h.Ports = new WindowCount { Start = since };
        if (_seen.Add(RecentKeys.Key(KindPort, clientId, port), t, since)) h.Ports.Count++;
        if (!_seen.Add(RecentKeys.Key(KindPair, clientId, address, port), t, since)) return;
        if (++h.Pairs.Count >= _portScan.Count && h.Ports.Count >= PortScanMinPorts)
            Raise(_t.PortScan, time, source, destination, clientId, serverId, evidence, AlertArguments.None with { Port = port });
    }

    private void NewAddress(ref HostActivity h, int sourceId, ulong address, AlertEndpoint source, long t, Timestamp time, FrameRef evidence)
    {
        long since = h.Addresses.Roll(t, _addressScan.Window);
        if (_seen.Add(RecentKeys.Key(KindAddress, sourceId, address), t, since) && ++h.Addresses.Count >= _addressScan.Count)
            Raise(_t.AddressScan, time, source, default, sourceId, 0, evidence, AlertArguments.None);
    }

    /// <summary>
    /// An ARP request (RFC 826) from <paramref name="sender"/> for <paramref name="target"/>: a new target counts
    /// towards an ARP scan and an address scan. Gratuitous ARP and probes from 0.0.0.0 (RFC 5227) are not attempts.
    /// </summary>
    public void OnArpRequest(Device? sender, IPAddressBytes senderAddress, IPAddressBytes target, Timestamp time, FrameRef evidence)
    {
        if (sender is null || senderAddress.IsUnspecifiedIPv4 || target == senderAddress || target.IsEmpty) return;
        long t = time.UnixNanoseconds;
        ref var h = ref Host(sender.Id);
        var source = DetectionEngine.Endpoint(sender);
        ulong address = AddressKey(target);
        long since = h.Arp.Roll(t, _arpScan.Window);
        if (_seen.Add(RecentKeys.Key(KindArp, sender.Id, address), t, since) && ++h.Arp.Count >= _arpScan.Count)
            Raise(_t.ArpScan, time, source, default, sender.Id, 0, evidence, AlertArguments.None);
        if (target.IsPrivate) NewAddress(ref h, sender.Id, address, source, t, time, evidence);
    }

    /// <summary>
    /// A PLC scan target: an identity request (Modbus 43/14, S7 SZL, CIP identity...) or an industrial protocol spoken
    /// to a controller by a host never learned speaking it there; each new (destination, protocol) counts.
    /// </summary>
    public void OnControllerContact(Device? issuer, AlertEndpoint target, ProtocolId protocol, Timestamp time, FrameRef evidence)
    {
        if (issuer is null) return;
        long t = time.UnixNanoseconds;
        ref var h = ref Host(issuer.Id);
        long since = h.Identities.Roll(t, _plcScan.Window);
        if (_seen.Add(RecentKeys.Key(KindIdentity, issuer.Id, AddressKey(target.Address) ^ target.Mac.Value, (ulong)protocol), t, since)
            && ++h.Identities.Count >= _plcScan.Count)
            Raise(_t.PlcScan, time, DetectionEngine.Endpoint(issuer), default, issuer.Id, 0, evidence, AlertArguments.None with { Protocol = protocol });
    }

    /// <summary>
    /// A login reply seen: a failure counts towards password guessing (failed logins in the window), and any login
    /// towards excessive login attempts; an FTP failure is also an FTP Login Failed.
    /// </summary>
    public void OnLogin(Device? client, Device? server, bool failed, ProtocolId protocol, ushort port, Timestamp time, FrameRef evidence, bool ftp = false)
    {
        if (client is null) return;
        long t = time.UnixNanoseconds;
        ref var h = ref Host(client.Id);
        var source = DetectionEngine.Endpoint(client);
        var destination = DetectionEngine.Endpoint(server);
        var arguments = AlertArguments.None with { Protocol = protocol, Port = port };
        if (failed && ftp) Raise(_t.FtpLoginFailed, time, source, destination, client.Id, server?.Id ?? 0, evidence, arguments);
        h.LoginAttempts.Roll(t, _logins.Window);
        if (++h.LoginAttempts.Count >= _logins.Count)
            Raise(_t.ExcessiveLogins, time, source, destination, client.Id, server?.Id ?? 0, evidence, arguments);
        if (!failed) return;
        h.LoginFailures.Roll(t, _guessing.Window);
        if (++h.LoginFailures.Count >= _guessing.Count)
            Raise(_t.PasswordGuessing, time, source, destination, client.Id, server?.Id ?? 0, evidence, arguments);
    }

    /// <summary>An exception response from <paramref name="slave"/>: past the catalogue's count per window, an abnormal exception pattern.</summary>
    public void OnException(Device? master, Device? slave, Timestamp time, FrameRef evidence, in AlertArguments arguments)
    {
        if (slave is null) return;
        long t = time.UnixNanoseconds;
        ref var h = ref Host(slave.Id);
        h.Exceptions.Roll(t, _exceptions.Window);
        if (++h.Exceptions.Count >= _exceptions.Count)
            Raise(_t.ExceptionPattern, time, DetectionEngine.Endpoint(master), DetectionEngine.Endpoint(slave), master?.Id ?? 0, slave.Id, evidence, in arguments);
    }

    private void Raise(int type, Timestamp time, AlertEndpoint source, AlertEndpoint destination, int sourceDevice, int destinationDevice, FrameRef evidence, in AlertArguments arguments)
        => _alerts.Raise(type, time, source, destination, sourceDevice, destinationDevice, evidence, in arguments);

    /// <summary>A type's count and window, in nanoseconds.</summary>
    private readonly struct Threshold(AlertThresholds thresholds)
    {
        public int Count { get; } = Math.Max(1, thresholds.Count);
        public long Window { get; } = thresholds.Window.Ticks * 100;
    }
}
