using System.Runtime.CompilerServices;
using OtSensor.Analysis.Inventory;
using OtSensor.Core.Net;
using OtSensor.Core.Protocols;
using OtSensor.Core.Time;
using OtSensor.Protocols.Bacnet;
using OtSensor.Protocols.Cip;
using OtSensor.Protocols.Dns;
using OtSensor.Protocols.Http;
using OtSensor.Protocols.Iec104;
using OtSensor.Protocols.Mms;
using OtSensor.Protocols.Modbus;
using OtSensor.Protocols.OpcUa;
using OtSensor.Protocols.S7Comm;
using OtSensor.Protocols.Tls;

namespace OtSensor.Analysis.Detection;

/// <summary>
/// The detection hook the packet pipeline calls: <see cref="OnFlowOpened"/> once per flow, <see cref="OnPdu{TMessage}"/>
/// per decoded PDU, <see cref="OnLayerTwoPdu{TMessage}"/> per layer-2 PDU and <see cref="OnTick"/> whenever capture
/// time passes <see cref="NextTick"/>. It runs the policy engine (deviations from the learned <see cref="Baseline"/>)
/// and the operational engine (stop, start, programming, firmware, restarts, unresponsive devices), raising alerts
/// through the <see cref="AlertManager"/> and events on its <see cref="Timeline"/>.
/// </summary>
/// <remarks>
/// <para>Learning (sensor-reference §4): from the first packet for <see cref="DetectionOptions.Learning"/> of capture
/// time everything seen is learned and no policy alert is raised; then the sensor is operational. A device first seen
/// later is a newcomer: New Asset Detected, and its own learning window for its reads and polls, but not for writes,
/// programming, firmware, control or identity requests, which no vetted baseline authorized.</para>
/// <para>Cost: a repeated request on a flow is one comparison against the flow's verified kinds
/// (<see cref="DetectionFlow"/>); a response is a flag test; the rest is array indexing by device id and
/// struct-keyed hash sets, only on a flow's first PDUs of a kind. Alerts count up without allocating.</para>
/// </remarks>
public sealed class DetectionEngine : IAlertLearner
{
    private const ulong IndustrialProtocols = 0x1FF_FFFEUL & ~(1UL << (int)ProtocolId.Cotp);
    private const ulong PolicyProtocols = IndustrialProtocols | (1UL << (int)ProtocolId.Snmp);
    private const int DynamicPortStart = 49152;
    private const int LayerTwoCacheSize = 256;

    private readonly DeviceInventory _inventory;
    private readonly AlertTypeIndex _t;
    private readonly long _learningNanoseconds;
    private readonly long _newcomerNanoseconds;
    private readonly long _tickNanoseconds;
    private readonly FirmwareProbe _firmware = new();
    private readonly AnomalyEngine _anomaly;
    private readonly MalwareEngine _malware;
    private readonly ProtocolViolationMap _violations;
    private readonly RateWatch _rates;
    private readonly Func<long, int, int, bool> _learningCheck;
    private readonly List<Device> _pending = [];
    // Servers of flows: the only devices the unresponsiveness check looks at.
    private readonly List<Device> _servers = [];
    private readonly (ulong Macs, long Tag)[] _layerTwoVerified = new (ulong, long)[LayerTwoCacheSize];
    private DeviceWatch[] _watch = new DeviceWatch[256];
    private int _scanned;
    private long _start = long.MinValue;
    private long _learnUntil = long.MaxValue;
    private long _lastTick = long.MinValue;
    private static readonly long FloodHoldNanoseconds = TimeSpan.FromMinutes(1).Ticks * 100;
    private long _nextResponsivenessCheck = long.MinValue;
    // The default silence: a device is found silent 30 to 60 s after it stopped, and the walk over the servers stays
    // cheap on captures whose clock runs for days (a replay of many captures jumps ahead and checks at each jump).
    private static readonly long ResponsivenessCheckNanoseconds = TimeSpan.FromSeconds(30).Ticks * 100;

    public DetectionEngine(DeviceInventory inventory, DetectionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        options ??= new DetectionOptions();
        _inventory = inventory;
        Options = options;
        Baseline = options.Baseline ?? new Baseline(options.Limits.MaxBaselineEntries);
        Timeline = new Timeline(options.Limits.MaxTimelineEvents);
        Alerts = new AlertManager(options.Catalogue, options.Limits, Timeline) { Learner = this };
        _t = new AlertTypeIndex(options.Catalogue);
        _anomaly = new AnomalyEngine(Alerts, _t);
        _malware = new MalwareEngine(Alerts, _t, options.Indicators ?? IndicatorSet.Default);
        _violations = new ProtocolViolationMap(options.Catalogue);
        _rates = new RateWatch(Alerts, _t, Baseline, options.Limits.MaxBaselineEntries);
        _learningCheck = Learning;
        _learningNanoseconds = options.Learning.Ticks * 100;
        _newcomerNanoseconds = (options.NewcomerLearning ?? options.Learning).Ticks * 100;
        _tickNanoseconds = Math.Max(1, options.TickInterval.Ticks * 100);
        foreach (var (alert, source, destination) in Baseline.Muted) MuteFromBaseline(alert, source, destination);
        Array.Fill(_layerTwoVerified, (0UL, -1L));
    }

    public DetectionOptions Options { get; }
    public Baseline Baseline { get; }
    public AlertManager Alerts { get; }
    public Timeline Timeline { get; }

    /// <summary>Capture time (ns) at or after which the pipeline calls <see cref="OnTick"/>.</summary>
    public long NextTick { get; private set; } = long.MinValue;

    /// <summary>Time-driven checks run so far.</summary>
    public long Ticks { get; private set; }

    /// <summary>Which input of the run frames come from (0-based), for evidence references.</summary>
    public int CurrentInput { get; set; }

    /// <summary>Capture time learning ends (null before the first packet).</summary>
    public Timestamp? LearningEnds => _start == long.MinValue ? null : new Timestamp(_learnUntil);

    // ---- time ----

    /// <summary>Time-driven checks: the learning clock, new devices, unresponsive devices, gaps in the traffic.</summary>
    public void OnTick(Timestamp now)
    {
        Ticks++;
        long t = now.UnixNanoseconds;
        if (_start == long.MinValue)
        {
            _start = t;
            _learnUntil = _learningNanoseconds >= long.MaxValue - t ? long.MaxValue : t + _learningNanoseconds;
        }
        var gap = Alerts.Catalogue[_t.NoTraffic].Thresholds.Window.Ticks * 100;
        if (_lastTick != long.MinValue && t - (_lastTick + _tickNanoseconds) >= gap)
        {
            var quietFrom = new Timestamp(_lastTick + _tickNanoseconds);
            Alerts.Raise(_t.NoTraffic, quietFrom, default, default, 0, 0, default, AlertArguments.None);
            Alerts.Raise(_t.TrafficResumed, now, default, default, 0, 0, default, AlertArguments.None);
        }
        _lastTick = t;
        NextTick = t + _tickNanoseconds;
        ScanNewDevices(now);
        _anomaly.JudgeUnanswered(now);
        if (t >= _nextResponsivenessCheck)
        {
            _nextResponsivenessCheck = t + ResponsivenessCheckNanoseconds;
            CheckResponsiveness(now);
            _rates.Check(now, _inventory.ConnectionSpan, _learningCheck);
        }
    }

    /// <summary>State the anomaly and malware engines hold, for tests of boundedness: distinct-attempt entries, per-host slots, channels.</summary>
    public (int Attempts, int AttemptCapacity, int Hosts, int Channels) AnomalyState
        => (_anomaly.TrackedAttempts, _anomaly.TrackedCapacity, _anomaly.TrackedHosts + _malware.TrackedHosts, _rates.Channels);

    /// <summary>TCP connection attempts whose handshake is undecided, and the most that are kept (tests of boundedness).</summary>
    public (int Pending, int Capacity) HandshakeState => (_anomaly.PendingAttempts, ConnectionAttempts.Capacity);

    private bool GlobalLearning(long time) => time < _learnUntil;

    private bool Learning(long time, int a, int b)
        => time < _learnUntil
        || (a >= 0 && time < Baseline[a].LearningUntil.UnixNanoseconds)
        || (b >= 0 && time < Baseline[b].LearningUntil.UnixNanoseconds);

    // ---- devices and hosts ----

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref DeviceWatch Watch(int deviceId)
    {
        if ((uint)deviceId >= (uint)_watch.Length) GrowWatch(deviceId);
        return ref _watch[deviceId];
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void GrowWatch(int deviceId) => Array.Resize(ref _watch, Math.Max(_watch.Length * 2, deviceId + 1));

    /// <summary>The baseline host of a device, resolved on first sight (learned while learning, else a newcomer).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int HostOf(Device? device, Timestamp time)
    {
        if (device is null) return -1;
        int id = device.Id;
        if ((uint)id < (uint)_watch.Length && _watch[id].Host != 0) return _watch[id].Host - 1;
        return ResolveHost(device, time);
    }

    private int ResolveHost(Device device, Timestamp time)
    {
        ref var watch = ref Watch(device.Id);
        var address = device.HasAddress ? device.Address : default;
        var mac = device.HasAddress || device.Macs.Count == 0 ? default : device.Macs[0];
        var host = Baseline.Find(address, mac);
        if (host is null)
        {
            host = Baseline.Add(address, mac);
            if (host is null) return -1;
            if (GlobalLearning(time.UnixNanoseconds))
            {
                host.Learned = true;
                host.Announced = true;
            }
            else
            {
                host.LearningUntil = new Timestamp(time.UnixNanoseconds + _newcomerNanoseconds);
                // Internet addresses are peers, not assets of the plant.
                host.Announced = device.IsInternet;
            }
        }
        watch.Host = host.Index + 1;
        return host.Index;
    }

    private void NoteSender(Device? device, long frame)
    {
        if (device is null) return;
        ref var watch = ref Watch(device.Id);
        if (watch.FirstFrame == 0)
        {
            watch.FirstFrame = frame;
            watch.FirstInput = CurrentInput;
        }
    }

    /// <summary>Devices the inventory made since the last tick: Device Detected events, and New Asset Detected after learning.</summary>
    private void ScanNewDevices(Timestamp now)
    {
        var devices = _inventory.Devices;
        for (; _scanned < devices.Count; _scanned++)
        {
            var device = devices[_scanned];
            int host = HostOf(device, device.FirstSeen);
            Timeline.Add(device.FirstSeen, TimelineEventType.DeviceCreate, "Device " + Name(device) + " was detected", Endpoint(device), default);
            if (host >= 0 && !Baseline[host].Announced) _pending.Add(device);
        }
        for (int i = _pending.Count - 1; i >= 0; i--)
        {
            var device = _pending[i];
            var host = Baseline[HostOf(device, now)];
            // A device is an asset once it sends something: an address only ever probed is not one.
            if (device.PacketsSent == 0 && now.UnixNanoseconds - device.FirstSeen.UnixNanoseconds < _newcomerNanoseconds) continue;
            _pending.RemoveAt(i);
            if (host.Announced || device.PacketsSent == 0) continue;
            host.Announced = true;
            ref var watch = ref Watch(device.Id);
            Alerts.Raise(_t.NewAsset, device.FirstSeen, Endpoint(device), default, device.Id, 0, new FrameRef(watch.FirstInput, watch.FirstFrame), AlertArguments.None);
        }
    }

    private static string Name(Device device) => device.PrimaryAddress;

    internal static AlertEndpoint Endpoint(Device? device)
    {
        if (device is null) return default;
        if (device.HasAddress) return AlertEndpoint.Of(device.Address);
        return device.Macs.Count > 0 ? AlertEndpoint.Of(device.Macs[0]) : default;
    }

    // ---- flows ----

    /// <summary>A flow opened: its hosts are resolved, and its connection and internet access are checked.</summary>
    /// <param name="flow">The flow's detection state.</param>
    /// <param name="devices">Its client and server devices.</param>
    /// <param name="client">The transport client's address.</param>
    /// <param name="server">The transport server's address.</param>
    /// <param name="serverPort">The server's port.</param>
    /// <param name="time">Capture time of the opening packet.</param>
    /// <param name="frame">Its frame number.</param>
    /// <param name="isTcp">A TCP flow (else UDP).</param>
    /// <param name="openedBySyn">Opened by the client's SYN without ACK: a connection attempt whose handshake the
    /// pipeline then reports through <see cref="OnHandshake"/> while <see cref="DetectionFlow.AwaitingHandshake"/>.</param>
    public void OnFlowOpened(DetectionFlow flow, FlowDevices devices, IPAddressBytes client, IPAddressBytes server, ushort serverPort, Timestamp time, long frame,
        bool isTcp = true, bool openedBySyn = false)
    {
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(devices);
        flow.Reset();
        var clientDevice = devices.Client;
        var serverDevice = devices.Server;
        int c = HostOf(clientDevice, time);
        int s = HostOf(serverDevice, time);
        flow.ClientHost = c;
        flow.ServerHost = s;
        flow.ClientDevice = clientDevice?.Id ?? 0;
        flow.ServerDevice = serverDevice?.Id ?? 0;
        flow.ServerPort = serverPort;
        NoteSender(clientDevice, frame);
        var evidence = new FrameRef(CurrentInput, frame);
        _malware.OnFlowOpened(clientDevice, serverDevice, client, server, serverPort, isTcp, time, evidence);
        flow.AttemptToken = _anomaly.OnFlowOpened(clientDevice, serverDevice, server, serverPort, c >= 0 && Learning(time.UnixNanoseconds, c, -1), time, evidence,
            isTcp, openedBySyn);
        if (isTcp) flow.Cleartext = serverPort == 21 ? CleartextLogin.Ftp : serverPort == 23 ? CleartextLogin.Telnet : CleartextLogin.None;
        _rates.OnFlowOpened(flow);
        if (serverDevice is not null)
        {
            ref var watch = ref Watch(serverDevice.Id);
            if (!watch.Listed)
            {
                watch.Listed = true;
                _servers.Add(serverDevice);
            }
        }
        if (c < 0 || s < 0) return;
        long t = time.UnixNanoseconds;
        if (!server.IsPrivate && !server.IsMulticastOrBroadcast && client.IsPrivate) InternetAccess(c, clientDevice!, server, serverPort, time, frame);
        var key = new BaselineKey(c, s, BaselineKind.Connection, ProtocolId.Unknown, serverPort >= DynamicPortStart ? 0 : serverPort);
        if (Baseline.Contains(key)) return;
        if (Learning(t, c, s))
        {
            Baseline.Learn(key);
            return;
        }
        flow.ConnectionAlerted = true;
        Alerts.Raise(_t.NewConnection, time, AlertEndpoint.Of(client), AlertEndpoint.Of(server), flow.ClientDevice, flow.ServerDevice,
            new FrameRef(CurrentInput, frame), AlertArguments.Of(ProtocolId.Unknown, -1, null, OtOperation.None, serverPort));
    }

    /// <summary>
    /// A TCP segment of a flow whose connection attempt is undecided (<see cref="DetectionFlow.AwaitingHandshake"/>):
    /// the client's ACK completes it; a RST from either side, or no answer within seconds, makes it a failed attempt
    /// towards an address or port scan (<see cref="ConnectionAttempts"/>).
    /// </summary>
    public void OnHandshake(DetectionFlow flow, bool fromClient, bool syn, bool ack, bool rst, Timestamp time)
    {
        ArgumentNullException.ThrowIfNull(flow);
        if (flow.AttemptToken != 0 && _anomaly.OnHandshake(flow.AttemptToken, fromClient, syn, ack, rst, time)) flow.AttemptToken = 0;
    }

    private void InternetAccess(int clientHost, Device client, IPAddressBytes server, ushort port, Timestamp time, long frame)
    {
        var host = Baseline[clientHost];
        if (host.Internet) return;
        if (GlobalLearning(time.UnixNanoseconds))
        {
            host.Internet = true;
            return;
        }
        var arguments = AlertArguments.Of(ProtocolId.Unknown, -1, null, OtOperation.None, port);
        var evidence = new FrameRef(CurrentInput, frame);
        var alert = Alerts.Raise(_t.InternetAccess, time, host.Endpoint, AlertEndpoint.Of(server), client.Id, 0, evidence, arguments);
        if (((client.ServerProtocols | client.ClientProtocols) & IndustrialProtocols) != 0)
            Alerts.Raise(_t.InternetConnectivity, time, host.Endpoint, AlertEndpoint.Of(server), client.Id, 0, evidence, arguments);
        if (alert is { Count: 1 })
            Timeline.Add(time, TimelineEventType.InternetAccess, $"Device {host.Endpoint} accessed the Internet address {server}", host.Endpoint, AlertEndpoint.Of(server), alert.Id);
    }

    // ---- PDUs ----

    /// <summary>A decoded PDU on a flow.</summary>
    /// <param name="flow">The flow's detection state.</param>
    /// <param name="devices">The flow's devices.</param>
    /// <param name="senderIsFlowClient">The PDU came from the flow's transport client.</param>
    /// <param name="fromClient">The PDU travels from the application's client to its server.</param>
    /// <param name="message">The PDU.</param>
    /// <param name="time">Capture time of the frame that completed it.</param>
    /// <param name="frame">That frame's number.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void OnPdu<TMessage>(DetectionFlow flow, FlowDevices devices, bool senderIsFlowClient, bool fromClient, in TMessage message, Timestamp time, long frame)
        where TMessage : struct, IProtocolMessage, allows ref struct
    {
        if (message.Anomalies != 0) OnAnomalies(flow, devices, senderIsFlowClient, in message, time, frame);
        if (typeof(TMessage) == typeof(ModbusMessage))
        {
            CountModbus(devices, senderIsFlowClient, message.IsResponse);
            if (message.IsResponse)
            {
                ref readonly var modbus = ref Unsafe.As<TMessage, ModbusMessage>(ref Unsafe.AsRef(in message));
                if (modbus.ExceptionCode is { } exception) OnModbusException(flow, devices, senderIsFlowClient, (byte)exception, modbus.Function, modbus.FunctionName, time, frame);
            }
        }
        else if (typeof(TMessage) == typeof(Iec104Message))
        {
            if (!message.IsResponse && message.Function is (>= 45 and <= 69) or 100 or 101) OnIec104Command(devices, senderIsFlowClient, in message, time, frame);
        }
        else if (typeof(TMessage) == typeof(HttpMessage))
        {
            OnHttp(flow, devices, senderIsFlowClient, in message, time, frame);
        }
        else if (typeof(TMessage) == typeof(DnsMessage))
        {
            if (!message.IsResponse && message.Protocol == ProtocolId.Dns) OnDnsQuestion(devices, senderIsFlowClient, in message, time, frame);
        }
        else if (typeof(TMessage) == typeof(CipMessage))
        {
            // CIP Vol. 1 Appendix B: general status 0 is success, 6 a partial transfer (more data follows); the rest fail.
            if (message.IsResponse && Unsafe.As<TMessage, CipMessage>(ref Unsafe.AsRef(in message)).GeneralStatus is { } status and not 0 and not 6)
                OnFailedRequest(_t.CipRequestFailed, flow, devices, senderIsFlowClient, in message, time, frame);
        }
        else if (typeof(TMessage) == typeof(MmsMessage))
        {
            // ISO 9506-2 §7.2: a confirmed-error PDU carries an error class (the decoder leaves -1 otherwise).
            if (message.IsResponse && Unsafe.As<TMessage, MmsMessage>(ref Unsafe.AsRef(in message)).ErrorClass >= 0)
                OnFailedRequest(_t.MmsRequestFailed, flow, devices, senderIsFlowClient, in message, time, frame);
        }
        else if (typeof(TMessage) == typeof(BacnetMessage))
        {
            // ASHRAE 135 §21: an Error PDU carries an error class.
            if (message.IsResponse && Unsafe.As<TMessage, BacnetMessage>(ref Unsafe.AsRef(in message)).ErrorClass >= 0)
                OnFailedRequest(_t.BacnetOperationFailed, flow, devices, senderIsFlowClient, in message, time, frame);
        }
        else if (typeof(TMessage) == typeof(S7CommMessage))
        {
            if (message.IsResponse && Unsafe.As<TMessage, S7CommMessage>(ref Unsafe.AsRef(in message)).ErrorClass != 0)
                OnFailedRequest(-1, flow, devices, senderIsFlowClient, in message, time, frame);
        }
        else if (typeof(TMessage) == typeof(OpcUaMessage))
        {
            if (message.IsResponse) OnOpcUaResponse(flow, devices, senderIsFlowClient, in message, time, frame);
        }
        else if (typeof(TMessage) == typeof(TlsMessage))
        {
            // ClientHello (RFC 8446 §4.1.2) names the server it wants (server_name, RFC 6066 §3).
            if (!message.IsResponse && message.Function == 1)
            {
                var name = Unsafe.As<TMessage, TlsMessage>(ref Unsafe.AsRef(in message)).ServerName;
                if (!name.IsEmpty) _malware.OnName(name, ProtocolId.Tls, Sender(devices, senderIsFlowClient), Receiver(devices, senderIsFlowClient), time, new FrameRef(CurrentInput, frame));
            }
        }
        if (message.IsResponse)
        {
            if (message.HasIdentity) OnIdentity(flow, devices, senderIsFlowClient, in message, time, frame);
            return;
        }
        _rates.OnRequest(flow);
        long tag = ((long)message.Protocol << 48) | ((long)message.Operation << 40) | (fromClient ? 1L << 32 : 0) | (uint)message.Function;
        if (flow.LastCleanTag == tag) return;
        var repeat = flow.TryRepeat(tag, time, new FrameRef(CurrentInput, frame));
        if (repeat != DetectionFlow.Repeat.Miss)
        {
            if (repeat == DetectionFlow.Repeat.Dropped) Alerts.CountDropped();
            return;
        }
        OnRequest(flow, devices, senderIsFlowClient, fromClient, message.Protocol, message.Function, message.FunctionName, message.Operation, tag, time, frame);
    }

    /// <summary>
    /// Protocol violation (sensor-reference §3.4): a slave answered with an exception. Every exception response is a
    /// Modbus Exception; codes 1–3 (Modbus Application Protocol v1.1b3 §7: illegal function, data address, data value)
    /// also raise the catalogue's specific titles. The master that sent the request is the source, the slave the
    /// destination; repeats count up on the same alerts.
    /// </summary>
    private void OnModbusException(DetectionFlow flow, FlowDevices devices, bool senderIsFlowClient, byte exception, int function, string? functionName,
        Timestamp time, long frame)
    {
        var slave = senderIsFlowClient ? devices.Client : devices.Server;
        var master = senderIsFlowClient ? devices.Server : devices.Client;
        int type = exception switch
        {
            1 => _t.ModbusIllegalFunction,
            2 => _t.ModbusIllegalDataAddress,
            3 => _t.ModbusIllegalDataValue,
            _ => _t.ModbusException,
        };
        var pdu = new PduAlertContext(time, Endpoint(master), Endpoint(slave), master?.Id ?? 0, slave?.Id ?? 0,
            new FrameRef(CurrentInput, frame), AlertArguments.Of(ProtocolId.Modbus, function, functionName, OtOperation.None, flow.ServerPort)
                with { Value = ModbusExceptionText[exception] });
        Raise(type, in pdu);
        if (type != _t.ModbusException) Raise(_t.ModbusException, in pdu);
        _anomaly.OnException(master, slave, time, pdu.Evidence, in pdu.Arguments);
    }

    private static Device? Sender(FlowDevices devices, bool senderIsFlowClient) => senderIsFlowClient ? devices.Client : devices.Server;

    private static Device? Receiver(FlowDevices devices, bool senderIsFlowClient) => senderIsFlowClient ? devices.Server : devices.Client;

    /// <summary>
    /// Protocol violation (sensor-reference §3.4): the anomaly bits the decoder set on a PDU, each mapped bit raising its
    /// alert (<see cref="ProtocolViolationMap"/>) from the PDU's sender to its receiver; a flood of them counts up.
    /// </summary>
    private void OnAnomalies<TMessage>(DetectionFlow flow, FlowDevices devices, bool senderIsFlowClient, in TMessage message, Timestamp time, long frame)
        where TMessage : struct, IProtocolMessage, allows ref struct
    {
        var protocol = message.Protocol;
        ulong bits = message.Anomalies & _violations.Mapped(protocol);
        if (bits == 0) return;
        var sender = Sender(devices, senderIsFlowClient);
        var receiver = Receiver(devices, senderIsFlowClient);
        var evidence = new FrameRef(CurrentInput, frame);
        for (; bits != 0; bits &= bits - 1)
        {
            int bit = System.Numerics.BitOperations.TrailingZeroCount(bits);
            var arguments = new AlertArguments
            {
                Protocol = protocol, Function = message.Function, FunctionName = message.FunctionName, Operation = message.Operation,
                Port = flow.ServerPort, Value = message.AnomalyName(bit),
            };
            Alerts.Raise(_violations.TypeOf(protocol, bit), time, Endpoint(sender), Endpoint(receiver), sender?.Id ?? 0, receiver?.Id ?? 0, evidence, in arguments);
        }
    }

    /// <summary>
    /// Protocol violation (sensor-reference §3.4) found on the byte stream rather than on one PDU: a session's stream
    /// anomaly that <see cref="ProtocolViolationMap.StreamTypeOf"/> maps (a DNP3 fragment past its bound) raises its
    /// alert from the sender of the offending data to its receiver; repeats count up on the same alert.
    /// </summary>
    /// <param name="flow">The flow's detection state.</param>
    /// <param name="devices">The flow's devices.</param>
    /// <param name="senderIsFlowClient">True when the data came from the flow's transport client.</param>
    /// <param name="protocol">The session's protocol.</param>
    /// <param name="anomaly">The stream anomaly name, as the session reported it.</param>
    /// <param name="time">Capture time of the frame being decoded.</param>
    /// <param name="frame">That frame's number.</param>
    public void OnStreamAnomaly(DetectionFlow flow, FlowDevices devices, bool senderIsFlowClient, ProtocolId protocol, string anomaly, Timestamp time, long frame)
    {
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(devices);
        int type = _violations.StreamTypeOf(protocol, anomaly);
        if (type < 0) return;
        var sender = Sender(devices, senderIsFlowClient);
        var receiver = Receiver(devices, senderIsFlowClient);
        var arguments = new AlertArguments { Protocol = protocol, Function = -1, Port = flow.ServerPort, Value = anomaly };
        Alerts.Raise(type, time, Endpoint(sender), Endpoint(receiver), sender?.Id ?? 0, receiver?.Id ?? 0, new FrameRef(CurrentInput, frame), in arguments);
    }

    /// <summary>
    /// A response that reports a failed request (CIP general status, MMS confirmed-error, BACnet Error, S7 error class):
    /// the protocol's operational "request failed" alert (when it has one) from the requester to the server, and one
    /// more exception towards the server's exception pattern.
    /// </summary>
    private void OnFailedRequest<TMessage>(int type, DetectionFlow flow, FlowDevices devices, bool senderIsFlowClient, in TMessage message, Timestamp time, long frame)
        where TMessage : struct, IProtocolMessage, allows ref struct
    {
        var server = Sender(devices, senderIsFlowClient);
        var requester = Receiver(devices, senderIsFlowClient);
        var evidence = new FrameRef(CurrentInput, frame);
        var arguments = AlertArguments.Of(message.Protocol, message.Function, message.FunctionName, message.Operation, flow.ServerPort);
        if (type >= 0) Alerts.Raise(type, time, Endpoint(requester), Endpoint(server), requester?.Id ?? 0, server?.Id ?? 0, evidence, in arguments);
        _anomaly.OnException(requester, server, time, evidence, in arguments);
    }

    /// <summary>Numeric id of ActivateSessionResponse's binary encoding (OPC UA Part 6, NodeIds.csv).</summary>
    private const int OpcUaActivateSessionResponse = 470;

    /// <summary>
    /// OPC UA (Part 4 §7.34): a response whose service result has the Bad severity bit is a failed request; a failed
    /// ActivateSession is a failed login (wrong user name or password, Part 4 §5.6.3).
    /// </summary>
    private void OnOpcUaResponse<TMessage>(DetectionFlow flow, FlowDevices devices, bool senderIsFlowClient, in TMessage message, Timestamp time, long frame)
        where TMessage : struct, IProtocolMessage, allows ref struct
    {
        if (Unsafe.As<TMessage, OpcUaMessage>(ref Unsafe.AsRef(in message)).ServiceResult is not { } result || (result & 0x8000_0000u) == 0) return;
        OnFailedRequest(_t.OpcUaRequestFailed, flow, devices, senderIsFlowClient, in message, time, frame);
        if (message.Function == OpcUaActivateSessionResponse)
            _anomaly.OnLogin(Receiver(devices, senderIsFlowClient), Sender(devices, senderIsFlowClient), failed: true, ProtocolId.OpcUa, flow.ServerPort, time,
                new FrameRef(CurrentInput, frame));
    }

    /// <summary>An IEC 104 command or interrogation: its target (common address, first object address) for the sweep check.</summary>
    private void OnIec104Command<TMessage>(FlowDevices devices, bool senderIsFlowClient, in TMessage message, Timestamp time, long frame)
        where TMessage : struct, IProtocolMessage, allows ref struct
    {
        ref readonly var iec = ref Unsafe.As<TMessage, Iec104Message>(ref Unsafe.AsRef(in message));
        var body = iec.Body;
        // IEC 60870-5-104 §7.2.5: information object addresses are three octets, least significant first.
        int ioa = body.Length >= 3 ? body[0] | (body[1] << 8) | (body[2] << 16) : -1;
        _malware.OnIec104Command(Sender(devices, senderIsFlowClient), Receiver(devices, senderIsFlowClient), iec.CommonAddress ?? -1, ioa,
            message.Function, message.FunctionName, time, new FrameRef(CurrentInput, frame));
    }

    /// <summary>HTTP: the Host a client asks for (indicators); 401 answers are failed logins, 4xx answers client errors.</summary>
    private void OnHttp<TMessage>(DetectionFlow flow, FlowDevices devices, bool senderIsFlowClient, in TMessage message, Timestamp time, long frame)
        where TMessage : struct, IProtocolMessage, allows ref struct
    {
        var sender = Sender(devices, senderIsFlowClient);
        var receiver = Receiver(devices, senderIsFlowClient);
        if (!message.IsResponse)
        {
            var host = Unsafe.As<TMessage, HttpMessage>(ref Unsafe.AsRef(in message)).Host;
            if (!host.IsEmpty)
            {
                int colon = host.LastIndexOf((byte)':');
                if (colon > 0 && host.IndexOf((byte)']') < colon) host = host[..colon];
                _malware.OnName(host, ProtocolId.Http, sender, receiver, time, new FrameRef(CurrentInput, frame));
            }
            return;
        }
        int status = message.Function;
        if (status is < 400 or > 499) return;
        var evidence = new FrameRef(CurrentInput, frame);
        var arguments = AlertArguments.Of(ProtocolId.Http, status, message.FunctionName, OtOperation.None, flow.ServerPort);
        Alerts.Raise(_t.HttpClientError, time, Endpoint(receiver), Endpoint(sender), receiver?.Id ?? 0, sender?.Id ?? 0, evidence, in arguments);
        // RFC 9110 §15.5.2: 401, the credentials were missing or wrong.
        if (status == 401) _anomaly.OnLogin(receiver, sender, failed: true, ProtocolId.Http, flow.ServerPort, time, evidence);
    }

    /// <summary>A DNS question (RFC 1035 §4.1.2, first question at offset 12): a listed domain is a malicious name request.</summary>
    private void OnDnsQuestion<TMessage>(FlowDevices devices, bool senderIsFlowClient, in TMessage message, Timestamp time, long frame)
        where TMessage : struct, IProtocolMessage, allows ref struct
    {
        ref readonly var dns = ref Unsafe.As<TMessage, DnsMessage>(ref Unsafe.AsRef(in message));
        if (dns.QuestionCount == 0) return;
        Span<byte> name = stackalloc byte[IndicatorSet.MaxNameLength + 1];
        DnsName.Read(dns.Raw, 12, name, out int written, out _);
        if (written > 0) _malware.OnName(name[..Math.Min(written, IndicatorSet.MaxNameLength)], ProtocolId.Dns, Sender(devices, senderIsFlowClient), Receiver(devices, senderIsFlowClient),
            time, new FrameRef(CurrentInput, frame));
    }

    /// <summary>
    /// A segment of a flow whose cleartext login protocol detection reads (<see cref="DetectionFlow.Cleartext"/>): FTP
    /// replies 530 (failed) and 230 (logged in), Telnet consoles' failure texts; an FTP STOR of a firmware image.
    /// </summary>
    /// <param name="flow">The flow's detection state.</param>
    /// <param name="devices">The flow's devices.</param>
    /// <param name="payload">The segment's payload.</param>
    /// <param name="fromClient">The segment travels from the TCP client to the server.</param>
    /// <param name="time">Capture time of the segment.</param>
    /// <param name="frame">Its frame number.</param>
    public void OnCleartext(DetectionFlow flow, FlowDevices devices, ReadOnlySpan<byte> payload, bool fromClient, Timestamp time, long frame)
    {
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(devices);
        var kind = flow.Cleartext;
        if (kind == CleartextLogin.None || payload.IsEmpty) return;
        var evidence = new FrameRef(CurrentInput, frame);
        if (kind == CleartextLogin.Ftp)
        {
            if (fromClient)
            {
                if (CleartextScanner.FirmwareUpload(payload))
                {
                    var pdu = new PduAlertContext(time, Endpoint(devices.Client), Endpoint(devices.Server), devices.Client?.Id ?? 0, devices.Server?.Id ?? 0, evidence,
                        AlertArguments.Of(ProtocolId.Unknown, -1, "STOR", OtOperation.Firmware, flow.ServerPort));
                    Operational(in pdu, out _);
                }
                return;
            }
            for (var rest = payload; !rest.IsEmpty;)
            {
                int end = rest.IndexOf((byte)'\n');
                var line = end < 0 ? rest : rest[..end];
                rest = end < 0 ? default : rest[(end + 1)..];
                int reply = CleartextScanner.FtpReply(line);
                if (reply is 230 or 530) _anomaly.OnLogin(devices.Client, devices.Server, reply == 530, ProtocolId.Unknown, flow.ServerPort, time, evidence, ftp: true);
            }
            return;
        }
        if (!fromClient && CleartextScanner.TelnetFailure(payload))
            _anomaly.OnLogin(devices.Client, devices.Server, failed: true, ProtocolId.Unknown, flow.ServerPort, time, evidence);
    }

    /// <summary>"Illegal Data Address (2)", "code 77" for codes outside the specification: made once, not per exception response.</summary>
    private static readonly string[] ModbusExceptionText = Enumerable.Range(0, 256)
        .Select(code => ModbusNames.Exception((byte)code) is { } name
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{name} ({code})")
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"code {code}"))
        .ToArray();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void CountModbus(FlowDevices devices, bool senderIsFlowClient, bool isResponse)
    {
        var receiver = senderIsFlowClient ? devices.Server : devices.Client;
        var sender = senderIsFlowClient ? devices.Client : devices.Server;
        if (isResponse)
        {
            if (sender is not null) Watch(sender.Id).ModbusResponses++;
        }
        else if (receiver is not null)
        {
            Watch(receiver.Id).ModbusRequests++;
        }
    }

    /// <summary>A request kind not judged yet on this flow (or whose alerts closed): operational, pair and host checks.</summary>
    private void OnRequest(DetectionFlow flow, FlowDevices devices, bool senderIsFlowClient, bool fromClient, ProtocolId protocol, int function,
        string? functionName, OtOperation operation, long tag, Timestamp time, long frame)
    {
        // The application client issues the command whichever side sent this PDU (an S7 download's blocks are
        // requested by the PLC, the programming is still the engineering station's).
        bool clientIsFlowClient = senderIsFlowClient == fromClient;
        int issuer = clientIsFlowClient ? flow.ClientHost : flow.ServerHost;
        int target = clientIsFlowClient ? flow.ServerHost : flow.ClientHost;
        var issuerDevice = clientIsFlowClient ? devices.Client : devices.Server;
        var targetDevice = clientIsFlowClient ? devices.Server : devices.Client;
        NoteSender(senderIsFlowClient ? devices.Client : devices.Server, frame);
        var pdu = new PduAlertContext(time, Endpoint(issuerDevice), Endpoint(targetDevice), issuerDevice?.Id ?? 0, targetDevice?.Id ?? 0,
            new FrameRef(CurrentInput, frame), AlertArguments.Of(protocol, function, functionName, operation, flow.ServerPort));
        Alert? operational = null, operational2 = null, functionAlert = null, unauthorized = null;
        bool suppressed = false;

        if (IsOperational(operation))
        {
            operational = Operational(in pdu, out operational2);
            suppressed |= Alerts.LastSuppressed;
        }
        if (operation == OtOperation.Identification) _anomaly.OnControllerContact(issuerDevice, pdu.Destination, protocol, time, pdu.Evidence);
        if (issuer >= 0 && target >= 0)
        {
            long t = time.UnixNanoseconds;
            bool global = GlobalLearning(t);
            bool learning = global || Learning(t, issuer, target);
            bool learnable = global || (learning && !IsGuarded(operation) && !IsImpactful(operation));
            if (flow.CheckedProtocol != protocol)
            {
                flow.CheckedProtocol = protocol;
                var pair = new BaselineKey(issuer, target, BaselineKind.Protocol, protocol, 0);
                if (!Baseline.Contains(pair))
                {
                    // A controller spoken to in an industrial protocol by a host that never was before: one more target
                    // of a PLC scan (a SCADA server reconnecting to its learned controllers is not one).
                    if (!global && (IndustrialProtocols & (1UL << ((int)protocol & 63))) != 0)
                        _anomaly.OnControllerContact(issuerDevice, pdu.Destination, protocol, time, pdu.Evidence);
                    if (learning) Baseline.Learn(pair);
                    else
                    {
                        if (!flow.ConnectionAlerted) Raise(_t.NewProtocol, in pdu);
                        // Sensor-reference §3.2: HTTP between a pair never learned speaking it.
                        if (protocol == ProtocolId.Http) Raise(_t.UnauthorizedHttp, in pdu);
                    }
                }
            }
            if ((PolicyProtocols & (1UL << ((int)protocol & 63))) != 0)
            {
                var key = new BaselineKey(issuer, target, BaselineKind.Function, protocol, function);
                if (!Baseline.Contains(key))
                {
                    if (learnable) Baseline.Learn(key);
                    else
                    {
                        functionAlert = Raise(_t.FunctionByProtocol[(int)protocol], in pdu);
                        suppressed |= Alerts.LastSuppressed;
                    }
                }
            }
            if (IsGuarded(operation))
            {
                var host = Baseline[issuer];
                if (!host.HasLearned(operation))
                {
                    if (learnable) host.LearnOperation(operation);
                    else
                    {
                        unauthorized = Unauthorized(in pdu);
                        suppressed |= Alerts.LastSuppressed;
                    }
                }
            }
        }
        // A dropped detection (a flood past the type's allowance) is not judged again for a minute: repeats only count.
        flow.Remember(tag, operational, operational2, functionAlert, unauthorized, suppressed ? time.UnixNanoseconds + FloodHoldNanoseconds : 0);
    }

    private Alert? Raise(int type, in PduAlertContext pdu)
        => Alerts.Raise(type, pdu.Time, pdu.Source, pdu.Destination, pdu.SourceDevice, pdu.DestinationDevice, pdu.Evidence, in pdu.Arguments);

    /// <summary>Operations a host must be learned issuing (policy: writes, programming, firmware, control, identity reads, clock setting).</summary>
    private static bool IsGuarded(OtOperation operation) => operation is OtOperation.Write or OtOperation.ProgramDownload
        or OtOperation.ProgramUpload or OtOperation.Firmware or OtOperation.Control or OtOperation.Identification or OtOperation.TimeSync;

    /// <summary>Operations that change a controller's state: never learned from a newcomer's own window.</summary>
    private static bool IsImpactful(OtOperation operation) => operation is OtOperation.Restart or OtOperation.Stop or OtOperation.Start;

    /// <summary>Operations the operational engine reports every time they happen (aggregated per pair).</summary>
    private static bool IsOperational(OtOperation operation) => operation is OtOperation.Stop or OtOperation.Start or OtOperation.Restart
        or OtOperation.ProgramDownload or OtOperation.ProgramUpload or OtOperation.Firmware;

    private Alert? Unauthorized(in PduAlertContext pdu)
    {
        var operation = pdu.Arguments.Operation;
        int type = operation switch
        {
            OtOperation.Write => _t.ConfigurationWrite,
            OtOperation.ProgramDownload => _t.Programming,
            OtOperation.ProgramUpload => _t.ProgramUpload,
            OtOperation.Firmware => _t.FirmwareChange,
            OtOperation.Control => _t.ControlCommand,
            OtOperation.TimeSync => _t.TimeChanged,
            _ => _t.ConfigurationRead,
        };
        var alert = Raise(type, in pdu);
        if (alert is { Count: 1 } && operation is OtOperation.Write or OtOperation.Identification)
        {
            Timeline.Add(pdu.Time, operation == OtOperation.Write ? TimelineEventType.ConfigurationChange : TimelineEventType.ConfigurationRead,
                $"{(operation == OtOperation.Write ? "Configuration write" : "Configuration read")} from {pdu.Source} to {pdu.Destination}", pdu.Source, pdu.Destination, alert.Id);
        }
        return alert;
    }

    /// <summary>The operational engine: stop, start, restart, program download and upload, firmware; returns the main alert.</summary>
    private Alert? Operational(in PduAlertContext pdu, out Alert? second)
    {
        second = null;
        var protocol = pdu.Arguments.Protocol;
        Alert? alert;
        TimelineEventType eventType;
        string what;
        switch (pdu.Arguments.Operation)
        {
            case OtOperation.Stop:
                // The protocol-specific title rides on the generic one: one cached alert per kind counts both.
                int specific = protocol == ProtocolId.S7Comm ? _t.S7Stop : protocol == ProtocolId.Srtp ? _t.SrtpStop : -1;
                alert = Raise(specific >= 0 ? specific : _t.ControllerStop, in pdu);
                if (specific >= 0) second = Raise(_t.ControllerStop, in pdu);
                eventType = protocol == ProtocolId.S7Comm ? TimelineEventType.S7PlcModeChange : TimelineEventType.ControllerStop;
                what = "PLC stop";
                break;
            case OtOperation.Start:
                alert = Raise(_t.ModeChanged, in pdu);
                eventType = protocol == ProtocolId.S7Comm ? TimelineEventType.S7PlcModeChange : TimelineEventType.PlcStart;
                what = "PLC start";
                break;
            case OtOperation.Restart:
                alert = Raise(protocol == ProtocolId.Dnp3 ? _t.OutstationRestarted : protocol == ProtocolId.ProfinetDcp ? _t.ProfinetFactoryReset : _t.ControllerReset, in pdu);
                eventType = TimelineEventType.ControllerReset;
                what = "Restart";
                break;
            case OtOperation.ProgramDownload:
                alert = Raise(_t.ProgramDownloadSeen, in pdu);
                eventType = TimelineEventType.ProgramDevice;
                what = "Program update";
                break;
            case OtOperation.ProgramUpload:
                alert = Raise(_t.ProgramUploadSeen, in pdu);
                eventType = TimelineEventType.ProgramUploadDevice;
                what = "Program upload";
                break;
            default:
                alert = Raise(_t.FirmwareUpdate, in pdu);
                eventType = TimelineEventType.FirmwareUpdate;
                what = "Firmware update";
                break;
        }
        if (alert is { Count: 1 })
            Timeline.Add(pdu.Time, eventType, $"{what} detected, sent from {pdu.Source} to {pdu.Destination}", pdu.Source, pdu.Destination, alert.Id);
        return alert;
    }

    /// <summary>A response stating its sender's identity: a firmware version other than the one last reported is a change.</summary>
    private void OnIdentity<TMessage>(DetectionFlow flow, FlowDevices devices, bool senderIsFlowClient, in TMessage message, Timestamp time, long frame)
        where TMessage : struct, IProtocolMessage, allows ref struct
    {
        int hostIndex = senderIsFlowClient ? flow.ClientHost : flow.ServerHost;
        if (hostIndex < 0) return;
        _firmware.Clear();
        message.ReportIdentity(_firmware);
        if (_firmware.Length == 0) return;
        var host = Baseline[hostIndex];
        var protocol = message.Protocol;
        // A BACnet router answers for the devices behind it, and a Modbus gateway for each unit id: the version is
        // compared per unit id, and BACnet's (per object instance) is not compared at all.
        if (protocol == ProtocolId.Bacnet) return;
        int unit = -1;
        if (typeof(TMessage) == typeof(ModbusMessage)) unit = Unsafe.As<TMessage, ModbusMessage>(ref Unsafe.AsRef(in message)).UnitId;
        if (host.Firmware is null || host.FirmwareProtocol != protocol || host.FirmwareUnit != unit)
        {
            // The first version a protocol (and unit) reports is the reference; another one's wording is not compared.
            if (host.Firmware is null) (host.Firmware, host.FirmwareProtocol, host.FirmwareUnit) = (_firmware.ToString(), protocol, unit);
            return;
        }
        if (_firmware.Matches(host.Firmware)) return;
        var previous = host.Firmware;
        host.Firmware = _firmware.ToString();
        if (GlobalLearning(time.UnixNanoseconds)) return;
        var sender = senderIsFlowClient ? devices.Client : devices.Server;
        var receiver = senderIsFlowClient ? devices.Server : devices.Client;
        var arguments = new AlertArguments { Protocol = protocol, Function = message.Function, FunctionName = message.FunctionName, Value = host.Firmware, Previous = previous };
        var evidence = new FrameRef(CurrentInput, frame);
        var alert = Alerts.Raise(_t.FirmwareVersionChanged, time, Endpoint(sender), Endpoint(receiver), sender?.Id ?? 0, receiver?.Id ?? 0, evidence, in arguments);
        int specific = _t.FirmwareByProtocol[(int)protocol];
        if (specific >= 0) Alerts.Raise(specific, time, Endpoint(sender), Endpoint(receiver), sender?.Id ?? 0, receiver?.Id ?? 0, evidence, in arguments);
        if (alert is { Count: 1 })
            Timeline.Add(time, TimelineEventType.FirmwareChanged, $"Firmware of {Endpoint(sender)} changed from {previous} to {host.Firmware}", Endpoint(sender), default, alert.Id);
    }

    // ---- layer 2 ----

    /// <summary>A PDU of a layer-2 protocol (GOOSE, PROFINET DCP, EtherCAT...): MAC addresses, no flow.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void OnLayerTwoPdu<TMessage>(MacAddress source, MacAddress destination, in TMessage message, Timestamp time, long frame)
        where TMessage : struct, IProtocolMessage, allows ref struct
    {
        ulong macs = source.Value ^ (destination.Value * 0x9E3779B97F4A7C15UL);
        long tag = ((long)message.Protocol << 48) | ((long)message.Operation << 40) | (message.IsResponse ? 1L << 32 : 0) | (uint)message.Function;
        int slot = (int)((macs ^ (ulong)tag ^ ((ulong)tag >> 29)) * 0x9E3779B97F4A7C15UL >> 56) & (LayerTwoCacheSize - 1);
        ref var entry = ref _layerTwoVerified[slot];
        if (entry.Macs == macs && entry.Tag == tag) return;
        if (OnLayerTwoRequest(source, destination, message.Protocol, message.Function, message.FunctionName, message.Operation, time, frame)) entry = (macs, tag);
    }

    private bool OnLayerTwoRequest(MacAddress sourceMac, MacAddress destinationMac, ProtocolId protocol, int function, string? functionName,
        OtOperation operation, Timestamp time, long frame)
    {
        var sender = _inventory.GetOrAddByMac(sourceMac, time);
        var receiver = _inventory.GetOrAddByMac(destinationMac, time);
        NoteSender(sender, frame);
        int issuer = HostOf(sender, time);
        int target = HostOf(receiver, time);
        var pdu = new PduAlertContext(time, sender is null ? AlertEndpoint.Of(sourceMac) : Endpoint(sender),
            receiver is null ? AlertEndpoint.Of(destinationMac) : Endpoint(receiver), sender?.Id ?? 0, receiver?.Id ?? 0,
            new FrameRef(CurrentInput, frame), AlertArguments.Of(protocol, function, functionName, operation, 0));
        bool verified = true;
        if (IsOperational(operation))
        {
            Operational(in pdu, out _);
            verified = false;
        }
        if (issuer < 0) return verified;
        long t = time.UnixNanoseconds;
        bool learnable = GlobalLearning(t) || (Learning(t, issuer, target) && !IsGuarded(operation) && !IsImpactful(operation));
        var key = new BaselineKey(issuer, target, BaselineKind.Function, protocol, function);
        if ((PolicyProtocols & (1UL << ((int)protocol & 63))) != 0 && !Baseline.Contains(key))
        {
            if (learnable) Baseline.Learn(key);
            else
            {
                Raise(_t.FunctionByProtocol[(int)protocol], in pdu);
                verified = false;
            }
        }
        return verified;
    }

    // ---- unresponsive devices ----

    /// <summary>
    /// ARP (RFC 826): a request for <paramref name="target"/> is an attempt to reach it (a silent device is ARPed for
    /// in vain); a reply from <paramref name="sender"/> is a sign of life, like any packet it sends.
    /// </summary>
    public void OnArp(bool isReply, IPAddressBytes sender, IPAddressBytes target, Timestamp time = default, long frame = 0)
    {
        if (isReply)
        {
            if (_inventory.TryGet(sender, out var replier)) Watch(replier!.Id).ArpReplies++;
            return;
        }
        if (_inventory.TryGet(target, out var device) && device!.ServerProtocols != 0) Watch(device.Id).ArpRequests++;
        if (_inventory.TryGet(sender, out var requester)) _anomaly.OnArpRequest(requester, sender, target, time, new FrameRef(CurrentInput, frame));
    }

    /// <summary>
    /// Every thirty seconds of capture time: a device that has served a protocol and then, for <c>silence</c>, was sent <c>count</c> packets or
    /// ARPed for without sending anything is suspected disconnected; it is back to normal when it sends again. A Modbus
    /// server that answers none of its requests (three, or any while it is found unresponsive) gets the Modbus alert.
    /// </summary>
    private void CheckResponsiveness(Timestamp now)
    {
        var general = Alerts.Catalogue[_t.Unresponsive].Thresholds;
        var modbus = Alerts.Catalogue[_t.ModbusUnresponsive].Thresholds;
        long silence = general.Silence.Ticks * 100, modbusSilence = modbus.Silence.Ticks * 100;
        var devices = _servers;
        for (int i = 0; i < devices.Count; i++)
        {
            var device = devices[i];
            if (device.ServerProtocols == 0) continue;
            ref var w = ref Watch(device.Id);
            long attempts = device.PacketsReceived + w.ArpRequests;
            long sent = device.PacketsSent + w.ArpReplies;
            if (sent != w.Sent)
            {
                w.Sent = sent;
                w.SentTime = now;
                // Only attempts after this check count: those since the previous check may have been answered by the
                // packets it sent meanwhile (a silent device is found a check later, never a quiet one wrongly).
                w.ReceivedAtSent = attempts;
                if (w.Unresponsive)
                {
                    w.Unresponsive = false;
                    Timeline.Add(now, TimelineEventType.BackToNormal, $"Device {Endpoint(device)} was found responsive, after being suspected as disconnected", Endpoint(device), default);
                }
            }
            else if (!w.Unresponsive && w.Sent > 0 && attempts - w.ReceivedAtSent >= general.Count
                && now.UnixNanoseconds - w.SentTime.UnixNanoseconds >= silence)
            {
                w.Unresponsive = true;
                Alerts.Raise(_t.Unresponsive, now, Endpoint(device), default, device.Id, 0, default,
                    AlertArguments.None with { Value = (attempts - w.ReceivedAtSent).ToString(System.Globalization.CultureInfo.InvariantCulture) });
            }
            if (w.ModbusResponses != w.ModbusResponsesSeen || w.ModbusRequests == 0)
            {
                w.ModbusResponsesSeen = w.ModbusResponses;
                w.ModbusRequestsAtResponse = w.ModbusRequestsAtCheck;
                w.ModbusResponseTime = now;
                w.ModbusUnresponsive = false;
            }
            else if (!w.ModbusUnresponsive && w.ModbusResponses > 0 && now.UnixNanoseconds - w.ModbusResponseTime.UnixNanoseconds >= modbusSilence
                && (w.ModbusRequests - w.ModbusRequestsAtResponse >= modbus.Count || (w.Unresponsive && w.ModbusRequests > w.ModbusRequestsAtResponse)))
            {
                w.ModbusUnresponsive = true;
                Alerts.Raise(_t.ModbusUnresponsive, now, Endpoint(device), default, device.Id, 0, default, AlertArguments.None with { Protocol = ProtocolId.Modbus });
            }
            w.AttemptsAtCheck = attempts;
            w.ModbusRequestsAtCheck = w.ModbusRequests;
        }
    }

    // ---- end of run, triage ----

    /// <summary>End of input: the last time-driven checks run at the last packet's time.</summary>
    public void Complete(Timestamp? last)
    {
        if (last is not { } end || _start == long.MinValue) return;
        ScanNewDevices(end);
        _anomaly.JudgeUnanswered(end);
        CheckResponsiveness(end);
    }

    /// <summary>The Learn triage action: the alert's traffic becomes part of the baseline.</summary>
    public void Learn(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var source = Baseline.Find(alert.Source.Address, alert.Source.Mac);
        var destination = Baseline.Find(alert.Destination.Address, alert.Destination.Mac);
        var a = alert.Arguments;
        int type = alert.Type.Index;
        if (source is not null && type == _t.NewAsset)
        {
            source.Learned = true;
            source.Announced = true;
        }
        if (source is null) return;
        if (type == _t.InternetAccess || type == _t.InternetConnectivity) source.Internet = true;
        if (IsGuarded(a.Operation)) source.LearnOperation(a.Operation);
        if (destination is null) return;
        if (type == _t.NewConnection) Baseline.Learn(new BaselineKey(source.Index, destination.Index, BaselineKind.Connection, ProtocolId.Unknown, a.Port >= DynamicPortStart ? 0 : a.Port));
        if (a.Protocol != ProtocolId.Unknown)
        {
            Baseline.Learn(new BaselineKey(source.Index, destination.Index, BaselineKind.Protocol, a.Protocol, 0));
            if (a.Function >= 0 || type == _t.FunctionByProtocol[(int)a.Protocol])
                Baseline.Learn(new BaselineKey(source.Index, destination.Index, BaselineKind.Function, a.Protocol, a.Function));
        }
    }

    /// <summary>Muted patterns go with the baseline file, by alert id and address text.</summary>
    public void ExportMuted()
    {
        Baseline.Muted.Clear();
        foreach (var key in Alerts.MutedPatterns)
            Baseline.Muted.Add((Alerts.Catalogue[key.Type].Id, key.Source.ToString(), key.Destination.ToString()));
    }

    private void MuteFromBaseline(string alert, string source, string destination)
    {
        if (!Alerts.Catalogue.TryGet(alert, out var type)) return;
        Alerts.Mute(new AlertKey(type!.Index, ParseEndpoint(source), ParseEndpoint(destination)));
    }

    private static AlertEndpoint ParseEndpoint(string text)
    {
        if (text.Length == 0) return default;
        if (IPAddressBytes.TryParse(text, out var address)) return AlertEndpoint.Of(address);
        ulong value = 0;
        foreach (var part in text.Split(':'))
            value = (value << 8) | (byte.TryParse(part, System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out byte b) ? b : (byte)0);
        return AlertEndpoint.Of(new MacAddress(value));
    }
}
