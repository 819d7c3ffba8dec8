using System.Numerics;
using OtSensor.Analysis.Detection;
using OtSensor.Analysis.Inventory;
using OtSensor.Core.Net;
using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Core.Time;
using OtSensor.Decoding.Flows;
using OtSensor.Decoding.Fragments;
using OtSensor.Decoding.Packets;
using OtSensor.Decoding.Reassembly;
using OtSensor.Protocols.Ads;
using OtSensor.Protocols.Bacnet;
using OtSensor.Protocols.C37118;
using OtSensor.Protocols.Dhcp;
using OtSensor.Protocols.Cdp;
using OtSensor.Protocols.Dns;
using OtSensor.Protocols.Lldp;
using OtSensor.Protocols.NetBios;
using OtSensor.Protocols.Snmp;
using OtSensor.Protocols.Tls;
using OtSensor.Protocols.Dnp3;
using OtSensor.Protocols.Iec104;
using OtSensor.Protocols.Melsec;
using OtSensor.Protocols.Cip;
using OtSensor.Protocols.Enip;
using OtSensor.Protocols.Goose;
using OtSensor.Protocols.EtherCat;
using OtSensor.Protocols.Fins;
using OtSensor.Protocols.Fox;
using OtSensor.Protocols.HartIp;
using OtSensor.Protocols.Http;
using OtSensor.Protocols.Modbus;
using OtSensor.Protocols.ProfinetCm;
using OtSensor.Protocols.ProfinetDcp;
using OtSensor.Protocols.ProfinetRt;
using OtSensor.Protocols.OpcUa;
using OtSensor.Protocols.Registry;
using OtSensor.Protocols.Mms;
using OtSensor.Protocols.S7Comm;
using OtSensor.Protocols.S7CommPlus;
using OtSensor.Protocols.SampledValues;
using OtSensor.Protocols.Srtp;

namespace OtSensor.Engine.Pipeline;

/// <summary>
/// The single-threaded hot path: one frame in, decoded layers, flow lookup, TCP reassembly, protocol
/// recognition and parsing, inventory accounting, PDU and anomaly records out. One instance per worker;
/// it is its own reassembly consumer and protocol sink (the current flow is held in fields), so a frame
/// costs no allocation once flows exist.
/// </summary>
public sealed class PacketPipeline : ITcpStreamConsumer, IProtocolEventSink, IFlowExpiryHandler, IDisposable
{
    private readonly EngineOptions _options;
    private readonly ProtocolRegistry _registry;
    private readonly IPduObserver _observer;
    private readonly bool _recordPdus;
    private readonly FlowTable _flows;
    private readonly IPFragmentReassembler _fragments = new();
    private readonly Stack<FlowState> _statePool = new();
    private readonly long[] _decodeAnomalyCounts = new long[64];
    private readonly long[] _pduCounts = new long[256];
    private readonly Dictionary<string, long> _protocolAnomalyCounts = new(StringComparer.Ordinal);
    private readonly long[] _layerCounts = new long[(int)LayerCounter.Count];
    private readonly Dictionary<ushort, long> _linkTypeCounts = [];
    private readonly LayerTwoDispatch _layerTwo;
    private readonly DetectionEngine? _detection;
    private readonly ChecksumAnomalyLimiter _checksumRecords = new();

    private DecodedPacket _packet;
    // The state of the flow being processed (and through it the flow), valid while _inFlow is true, named by its slot
    // in _states rather than by reference: every store of a reference into the heap costs a GC write barrier, and the
    // interleaved conversations of a polling plant change the current flow on almost every packet.
    private FlowState[] _states = new FlowState[64];
    private int _stateCount;
    private int _currentSlot;
    private bool _inFlow;
    private Direction _currentDirection;
    private long _framesSinceExpiry;
    private LinkType _lastLinkType;
    private long _lastLinkTypeRun;

    public PacketPipeline(EngineOptions options, ProtocolRegistry registry, DeviceInventory inventory, IPduObserver observer, DetectionEngine? detection = null)
    {
        _detection = detection;
        _options = options;
        _registry = registry;
        Inventory = inventory;
        _observer = observer;
        _recordPdus = observer.RecordsPdus;
        _flows = new FlowTable(new FlowTableLimits(), new ReassemblyLimits(), this);
        _layerTwo = new LayerTwoDispatch(registry.FrameModules);
    }

    public DeviceInventory Inventory { get; }
    public DetectionEngine? Detection => _detection;
    public long Frames { get; private set; }
    public long Bytes { get; private set; }
    public Timestamp? FirstPacket { get; private set; }
    public Timestamp? LastPacket { get; private set; }
    public FlowTable Flows => _flows;

    /// <summary>PDUs decoded so far, all protocols (summed on demand: the hot path only counts per protocol).</summary>
    public long TotalPdus
    {
        get
        {
            long total = 0;
            foreach (long count in _pduCounts) total += count;
            return total;
        }
    }

    /// <summary>PDUs decoded so far for one protocol.</summary>
    public long PduCount(ProtocolId protocol) => _pduCounts[(byte)protocol];
    public IPFragmentReassembler Fragments => _fragments;

    /// <summary>Processes one captured frame. <paramref name="frame"/> is only read during the call.</summary>
    public void ProcessFrame(ReadOnlySpan<byte> frame, LinkType linkType, Timestamp timestamp, long frameNumber)
    {
        Frames++;
        Bytes += frame.Length;
        if (FirstPacket is null || timestamp < FirstPacket.Value) FirstPacket = timestamp;
        if (LastPacket is null || timestamp > LastPacket.Value) LastPacket = timestamp;
        CountLinkType(linkType);
        // Time-driven detection runs when capture time passes its next tick: one comparison per frame.
        if (_detection is { } detection && timestamp.UnixNanoseconds >= detection.NextTick) detection.OnTick(timestamp);
        if (++_framesSinceExpiry >= _options.ExpiryIntervalFrames)
        {
            _framesSinceExpiry = 0;
            _flows.ExpireIdle(timestamp);
        }

        ref var p = ref _packet;
        p.Timestamp = timestamp;
        p.FrameNumber = frameNumber;
        PacketDecoder.Decode(frame, linkType, ref p);
        if (p.Anomalies != DecodeAnomalies.None) RecordDecodeAnomalies(ref p);

        switch (p.Network)
        {
            case NetworkLayer.Arp:
                _layerCounts[(int)LayerCounter.Arp]++;
                if (p.ArpOperation is 1 or 2)
                {
                    Inventory.ObserveArp(p.ArpSenderIP, p.ArpSenderMac, timestamp);
                    _detection?.OnArp(p.ArpOperation == 2, p.ArpSenderIP, p.ArpTargetIP, timestamp, frameNumber);
                }
                return;
            case NetworkLayer.IPv4:
                _layerCounts[(int)LayerCounter.IPv4]++;
                break;
            case NetworkLayer.IPv6:
                _layerCounts[(int)LayerCounter.IPv6]++;
                break;
            default:
                _layerCounts[(int)LayerCounter.OtherNetwork]++;
                if (p.Network == NetworkLayer.Other) OnLayerTwoFrame(ref p, frame);
                return;
        }

        ReadOnlySpan<byte> transportBuffer = frame;
        if (p.IsFragment)
        {
            _layerCounts[(int)LayerCounter.Fragments]++;
            if (!_fragments.TryAdd(ref p, frame.Slice(p.IPPayloadOffset, p.IPPayloadLength), out var datagram)) return;
            PacketDecoder.DecodeTransport(datagram, ref p);
            if (p.Anomalies != DecodeAnomalies.None) RecordDecodeAnomalies(ref p);
            transportBuffer = datagram;
        }

        switch (p.Transport)
        {
            case TransportLayer.Tcp:
                _layerCounts[(int)LayerCounter.Tcp]++;
                OnTransport(ref p, transportBuffer, frame.Length, isTcp: true);
                break;
            case TransportLayer.Udp:
                _layerCounts[(int)LayerCounter.Udp]++;
                OnTransport(ref p, transportBuffer, frame.Length, isTcp: false);
                break;
            case TransportLayer.Icmp or TransportLayer.IcmpV6:
                _layerCounts[(int)LayerCounter.Icmp]++;
                ObserveHostPair(ref p, frame.Length);
                break;
            default:
                _layerCounts[(int)LayerCounter.OtherTransport]++;
                ObserveHostPair(ref p, frame.Length);
                break;
        }

    }

    public void Dispose() => _fragments.Dispose();

    /// <summary>End of input: closes every flow so sessions flush and states return to the pool.</summary>
    public void Complete()
    {
        _flows.EndAll();
        _detection?.Complete(LastPacket);
        Inventory.Complete();
    }

    private void OnTransport(ref DecodedPacket p, ReadOnlySpan<byte> buffer, int frameLength, bool isTcp)
    {
        var flow = _flows.GetOrCreate(in p, out var direction, out bool created);
        if (flow is null) return;
        var state = (FlowState?)flow.Application;
        if (created || state is null)
        {
            state = _statePool.Count > 0 ? _statePool.Pop() : NewState();
            state.Reset();
            state.Flow = flow;
            state.ClientUnspecified = flow.Client.Address.IsUnspecifiedIPv4;
            flow.Application = state;
            var (clientMac, serverMac) = direction == Direction.ToServer ? (p.SourceMac, p.DestinationMac) : (p.DestinationMac, p.SourceMac);
            Inventory.OpenFlow(state.Devices, flow.Client.Address, clientMac, flow.Server.Address, serverMac, flow.Server.Port, p.Timestamp);
            _detection?.OnFlowOpened(state.Detection, state.Devices, flow.Client.Address, flow.Server.Address, flow.Server.Port, p.Timestamp, p.FrameNumber, isTcp,
                isTcp && direction == Direction.ToServer && (p.TcpFlags & (TcpFlags.Syn | TcpFlags.Ack | TcpFlags.Rst)) == TcpFlags.Syn);
        }
        // A connection attempt's handshake (scan detection): one flag test per packet once it is decided.
        else if (isTcp && state.Detection.AwaitingHandshake)
        {
            _detection?.OnHandshake(state.Detection, direction == Direction.ToServer, (p.TcpFlags & TcpFlags.Syn) != 0, (p.TcpFlags & TcpFlags.Ack) != 0,
                (p.TcpFlags & TcpFlags.Rst) != 0, p.Timestamp);
        }
        DeviceInventory.ObservePacket(state.Devices, direction == Direction.ToServer, p.Timestamp, frameLength);

        var payload = buffer.Slice(p.PayloadOffset, p.PayloadLength);
        // Cleartext logins without a decoder (FTP, Telnet by port): detection reads their segments; one flag test otherwise.
        if (state.Detection.Cleartext != CleartextLogin.None && payload.Length > 0)
            _detection?.OnCleartext(state.Detection, state.Devices, payload, direction == Direction.ToServer, p.Timestamp, p.FrameNumber);
        SetCurrent(state);
        if (isTcp)
        {
            if (payload.Length > 0 || (p.TcpFlags & (TcpFlags.Syn | TcpFlags.Fin | TcpFlags.Rst)) != 0)
                flow.Tcp!.OnSegment(direction, p.TcpSequence, p.TcpFlags, payload, this);
        }
        else if (payload.Length > 0)
        {
            OnDatagram(state, payload, direction, flow.Server.Port);
        }
        _inFlow = false;
    }

    private void SetCurrent(FlowState state)
    {
        _currentSlot = state.Slot;
        _inFlow = true;
    }

    private FlowState CurrentState => _states[_currentSlot];

    private FlowState NewState()
    {
        if (_stateCount == _states.Length) Array.Resize(ref _states, _states.Length * 2);
        var state = new FlowState { Slot = _stateCount };
        _states[_stateCount++] = state;
        return state;
    }

    /// <summary>A frame whose EtherType or LLC SAP belongs to a layer-2 protocol: offered whole to its session, with no flow.</summary>
    private void OnLayerTwoFrame(ref DecodedPacket p, ReadOnlySpan<byte> frame)
    {
        int index = p.IsLlc ? _layerTwo.FindBySap(p.LlcDsap) : _layerTwo.FindByEtherType(p.EtherType);
        if (index < 0) return;
        _layerCounts[(int)LayerCounter.LayerTwoDecoded]++;
        Inventory.ObserveFrame(p.SourceMac, p.DestinationMac, p.Timestamp, frame.Length);
        try
        {
            _layerTwo.Sessions[index].OnFrame(frame.Slice(p.NetworkOffset, p.NetworkLength), p.SourceMac, p.DestinationMac, this);
        }
#pragma warning disable CA1031 // A parser bug must cost one frame's decoding, never the capture (model-codebases §4.5).
        catch (Exception)
#pragma warning restore CA1031
        {
            OnStreamAnomaly(_layerTwo.Protocols[index], "session_exception");
        }
    }

    private void ObserveHostPair(ref DecodedPacket p, int frameLength)
    {
        Inventory.ObserveUnpairedPacket(p.SourceIP, p.SourceMac, p.DestinationIP, p.DestinationMac, p.Timestamp, frameLength);
    }

    // ---- ITcpStreamConsumer: bytes of the current flow, in order ----

    int ITcpStreamConsumer.OnData(ReadOnlySpan<byte> data, Direction direction)
    {
        var state = CurrentState;
        _currentDirection = direction;
        if (state.Unrecognized) return data.Length;
        if (state.StreamSession is null)
        {
            var flow = state.Flow!;
            var verdict = _registry.Probe(data, direction, flow.Client.Port, flow.Server.Port, stream: true, out var module);
            if (verdict == ProbeResult.Recognized)
            {
                Attach(state, module!, flow);
            }
            else
            {
                if (verdict == ProbeResult.Incomplete)
                {
                    // A first PDU still arriving (possibly a byte at a time): keep its bytes and wait, up to a bound.
                    if (data.Length < _options.MaxProbeBytes) return 0;
                    state.Unrecognized = true;
                    return data.Length;
                }
                // Mid-stream pick-up may start inside a PDU: skip this chunk and probe the next one, a few times.
                state.ProbedBytes += data.Length;
                if (++state.ProbeAttempts >= _options.MaxProbeAttempts || state.ProbedBytes >= _options.MaxProbeBytes)
                    state.Unrecognized = true;
                return data.Length;
            }
        }

        StreamResult result;
        try
        {
            // The commonest session called directly (a type test instead of an interface dispatch per segment).
            var session = state.StreamSession!;
            result = session is ModbusSession modbus
                ? modbus.OnData(data, ApplicationDirection(state, direction), this)
                : session.OnData(data, ApplicationDirection(state, direction), this);
        }
#pragma warning disable CA1031 // A parser bug must cost one flow's decoding, never the capture (model-codebases §4.5).
        catch (Exception)
#pragma warning restore CA1031
        {
            state.Unrecognized = true;
            OnStreamAnomaly(state.Protocol, "session_exception");
            return data.Length;
        }
        if (result.Status == StreamStatus.Error)
        {
            state.Unrecognized = true;
            OnStreamAnomaly(state.Protocol, "session_error");
            return data.Length;
        }
        return result.Consumed;
    }

    void ITcpStreamConsumer.OnGap(Direction direction, long missingBytes)
    {
        var state = _inFlow ? CurrentState : null;
        RecordAnomaly("tcp", "stream_gap");
        if (state is not null) state.StreamSession?.OnGap(ApplicationDirection(state, direction), this);
    }

    private void OnDatagram(FlowState state, ReadOnlySpan<byte> payload, Direction direction, ushort serverPort)
    {
        _currentDirection = direction;
        if (state.Unrecognized) return;
        if (state.DatagramSession is null)
        {
            if (_registry.Probe(payload, direction, state.Flow!.Client.Port, serverPort, stream: false, out var module) != ProbeResult.Recognized)
            {
                if (++state.ProbeAttempts >= _options.MaxProbeAttempts) state.Unrecognized = true;
                return;
            }
            Attach(state, module!, state.Flow!);
        }
        state.DatagramSession!.OnDatagram(payload, ApplicationDirection(state, direction), this);
    }

    private static Direction ApplicationDirection(FlowState state, Direction transport)
        => state.ReverseRoles ? (transport == Direction.ToServer ? Direction.ToClient : Direction.ToServer) : transport;

    private static void Attach(FlowState state, IProtocolModule module, Flow flow)
    {
        state.ReverseRoles = ProtocolRegistry.UsesPort(module, flow.Client.Port) && !ProtocolRegistry.UsesPort(module, flow.Server.Port);
        state.Protocol = module.Protocol;
        if (module.IsStream)
            state.StreamSession = Reuse(ref state.CachedStreamModule, ref state.CachedStreamSession, module, static m => m.CreateStreamSession(), static s => s.Reset());
        else
            state.DatagramSession = Reuse(ref state.CachedDatagramModule, ref state.CachedDatagramSession, module, static m => m.CreateDatagramSession(), static s => s.Reset());
        if (state.StreamSession is null && state.DatagramSession is null) state.Unrecognized = true;
    }

    /// <summary>
    /// The session this flow state last made for <paramref name="module"/>, reset, or a new one when the state last served
    /// another protocol: once a state has seen a protocol, its next flow of that protocol allocates nothing.
    /// </summary>
    private static TSession? Reuse<TSession>(ref IProtocolModule? cachedModule, ref TSession? cached, IProtocolModule module,
        Func<IProtocolModule, TSession?> create, Action<TSession> reset) where TSession : class
    {
        if (ReferenceEquals(cachedModule, module) && cached is not null)
        {
            reset(cached);
        }
        else
        {
            cachedModule = module;
            cached = create(module);
        }
        return cached;
    }

    // ---- IProtocolEventSink: PDUs of the current flow ----

    void IProtocolEventSink.OnModbus(in ModbusMessage message) => OnMessage(in message);

    void IProtocolEventSink.OnIec104(in Iec104Message message) => OnMessage(in message);
    void IProtocolEventSink.OnDnp3(in Dnp3Message message) => OnMessageWithSenderRole(in message);
    void IProtocolEventSink.OnS7Comm(in S7CommMessage message) => OnMessage(in message);

    void IProtocolEventSink.OnS7CommPlus(in S7CommPlusMessage message) => OnMessage(in message);
    void IProtocolEventSink.OnEnip(in EnipMessage message) => OnMessage(in message);
    void IProtocolEventSink.OnCip(in CipMessage message) => OnMessage(in message);

    void IProtocolEventSink.OnMms(in MmsMessage message) => OnMessage(in message);
    void IProtocolEventSink.OnBacnet(in BacnetMessage message) => OnMessage(in message);
    void IProtocolEventSink.OnGoose(in GooseMessage message) => OnMessage(in message);
    void IProtocolEventSink.OnSampledValues(in SampledValuesMessage message) => OnMessage(in message);
    void IProtocolEventSink.OnProfinetDcp(in ProfinetDcpMessage message) => OnMessage(in message);
    void IProtocolEventSink.OnProfinetAlarm(in ProfinetAlarmMessage message) => OnMessage(in message);
    void IProtocolEventSink.OnPnioCm(in PnioCmMessage message) => OnMessage(in message);
    void IProtocolEventSink.OnOpcUa(in OpcUaMessage message) => OnMessage(in message);
    void IProtocolEventSink.OnEtherCat(in EtherCatMessage message) => OnMessage(in message);
    void IProtocolEventSink.OnHartIp(in HartIpMessage message) => OnMessage(in message);
    void IProtocolEventSink.OnC37118(in C37118Message message) => OnMessage(in message);
    void IProtocolEventSink.OnAds(in AdsMessage message) => OnMessage(in message);
    void IProtocolEventSink.OnFins(in FinsMessage message) => OnMessage(in message);
    void IProtocolEventSink.OnMelsec(in MelsecMessage message) => OnMessage(in message);
    void IProtocolEventSink.OnFox(in FoxMessage message) => OnMessage(in message);
    void IProtocolEventSink.OnSrtp(in SrtpMessage message) => OnMessage(in message);
    void IProtocolEventSink.OnDhcp(in DhcpMessage message) => OnMessage(in message);
    void IProtocolEventSink.OnDns(in DnsMessage message) => OnMessage(in message);
    void IProtocolEventSink.OnNetBios(in NetBiosMessage message) => OnMessage(in message);
    void IProtocolEventSink.OnLldp(in LldpMessage message) => OnMessage(in message);
    void IProtocolEventSink.OnCdp(in CdpMessage message) => OnMessage(in message);
    void IProtocolEventSink.OnSnmp(in SnmpMessage message) => OnMessage(in message);
    void IProtocolEventSink.OnHttp(in HttpMessage message) => OnMessage(in message);
    void IProtocolEventSink.OnTls(in TlsMessage message) => OnMessage(in message);

    /// <summary>A PDU whose protocol states its sender's role in-band (<see cref="IInBandSenderRole"/>): roles follow the PDU, not the transport.</summary>
    private void OnMessageWithSenderRole<TMessage>(in TMessage message) where TMessage : struct, IProtocolMessage, IInBandSenderRole, allows ref struct
        => OnMessage(in message, message.SenderIsClient);

    /// <param name="message">The decoded PDU.</param>
    /// <param name="senderIsClient">The sender's application role when the PDU states it; null to take it from the transport.</param>
    private void OnMessage<TMessage>(in TMessage message, bool? senderIsClient = null) where TMessage : struct, IProtocolMessage, allows ref struct
    {
        if (!_inFlow)
        {
            OnLayerTwoMessage(in message);
            return;
        }
        var state = CurrentState;
        var flow = state.Flow!;
        bool fromClient = senderIsClient ?? ApplicationDirection(state, _currentDirection) == Direction.ToServer;
        bool fromTcpClient = _currentDirection == Direction.ToServer;
        _pduCounts[(byte)message.Protocol]++;
        if (state.ClientUnspecified)
        {
            // Hosts without an address yet (DHCP clients at 0.0.0.0) all share one flow: each PDU belongs to the MAC
            // that sent it, not to the flow's first client.
            ref readonly var frame = ref _packet;
            Inventory.ObserveFramePdu(frame.SourceMac, frame.DestinationMac, frame.Timestamp, in message);
        }
        else
        {
            Inventory.ObservePdu(state.Devices, senderIsFlowClient: fromTcpClient, fromClient, in message);
            _detection?.OnPdu(state.Detection, state.Devices, fromTcpClient, fromClient, in message, _packet.Timestamp, _packet.FrameNumber);
        }
        if (!_recordPdus) return;

        ref readonly var p = ref _packet;
        var (from, to) = fromTcpClient ? (flow.Client, flow.Server) : (flow.Server, flow.Client);
        bool packetFromSender = p.SourceIP == from.Address && p.SourcePort == from.Port;
        var context = new PduContext
        {
            Timestamp = p.Timestamp,
            FrameNumber = p.FrameNumber,
            FlowId = flow.Id,
            FromClient = fromClient,
            Source = from.Address,
            Destination = to.Address,
            SourcePort = from.Port,
            DestinationPort = to.Port,
            SourceMac = packetFromSender ? p.SourceMac : p.DestinationMac,
            DestinationMac = packetFromSender ? p.DestinationMac : p.SourceMac,
        };
        var writer = _observer.OnPdu(in context, PduSummary.Of(in message));
        if (writer is not null)
        {
            PduDetails.Write(writer, in message);
            _observer.EndPdu();
        }
    }

    /// <summary>A PDU of a layer-2 protocol: MAC addresses, no ports, no flow (docs/event-log-contract.md).</summary>
    private void OnLayerTwoMessage<TMessage>(in TMessage message) where TMessage : struct, IProtocolMessage, allows ref struct
    {
        ref readonly var p = ref _packet;
        _pduCounts[(byte)message.Protocol]++;
        Inventory.ObserveFramePdu(p.SourceMac, p.DestinationMac, p.Timestamp, in message);
        _detection?.OnLayerTwoPdu(p.SourceMac, p.DestinationMac, in message, p.Timestamp, p.FrameNumber);
        if (!_recordPdus) return;
        var context = new PduContext
        {
            Timestamp = p.Timestamp,
            FrameNumber = p.FrameNumber,
            FromClient = !message.IsResponse,
            IsLayer2 = true,
            SourceMac = p.SourceMac,
            DestinationMac = p.DestinationMac,
        };
        var writer = _observer.OnPdu(in context, PduSummary.Of(in message));
        if (writer is not null)
        {
            PduDetails.Write(writer, in message);
            _observer.EndPdu();
        }
    }

    public void OnStreamAnomaly(ProtocolId protocol, string anomaly)
    {
        RecordAnomaly(ProtocolNames.Get(protocol), anomaly);
        // The few stream anomalies that are violations reach the protocol-violation engine with the flow's devices
        // (rare: a handful per flow at most, never per packet).
        if (_inFlow && _detection is { } detection && CurrentState is { ClientUnspecified: false } state)
            detection.OnStreamAnomaly(state.Detection, state.Devices, _currentDirection == Direction.ToServer, protocol, anomaly, _packet.Timestamp, _packet.FrameNumber);
    }

    // ---- IFlowExpiryHandler ----

    void IFlowExpiryHandler.OnFlowEnd(Flow flow, FlowEndReason reason)
    {
        if (flow.Application is FlowState state)
        {
            // Deliver what the reassembler still holds (in-order data after holes) before the flow goes.
            if (flow.Tcp is { } tcp)
            {
                SetCurrent(state);
                tcp.Flush(this);
                _inFlow = false;
            }
            state.Reset();
            Inventory.CloseFlow(state.Devices);
            _statePool.Push(state);
            flow.Application = null;
        }
    }

    // ---- counters ----

    private void RecordDecodeAnomalies(ref DecodedPacket p)
    {
        ulong bits = (ulong)p.Anomalies;
        while (bits != 0)
        {
            int bit = BitOperations.TrailingZeroCount(bits);
            bits &= bits - 1;
            _decodeAnomalyCounts[bit]++;
            if ((1UL << bit) == (ulong)DecodeAnomalies.IPv4BadChecksum && !_checksumRecords.ShouldRecord(p.SourceIP)) continue;
            _observer.OnAnomaly(new AnomalyRecord
            {
                Timestamp = p.Timestamp,
                FrameNumber = p.FrameNumber,
                Layer = PacketLayer,
                Name = DecodeAnomalyNames.Get(bit),
                Source = p.SourceIP,
                Destination = p.DestinationIP,
                SourcePort = p.SourcePort,
                DestinationPort = p.DestinationPort,
                HasAddresses = p.IsIP,
            });
        }
        p.Anomalies = DecodeAnomalies.None;
    }

    private void RecordAnomaly(string layer, string name)
    {
        ref readonly var p = ref _packet;
        var key = string.Concat(layer, ".", name);
        _protocolAnomalyCounts[key] = _protocolAnomalyCounts.GetValueOrDefault(key) + 1;
        var flow = _inFlow ? CurrentState.Flow : null;
        _observer.OnAnomaly(new AnomalyRecord
        {
            Timestamp = p.Timestamp,
            FrameNumber = p.FrameNumber,
            Layer = layer,
            Name = name,
            Source = flow?.Client.Address ?? p.SourceIP,
            Destination = flow?.Server.Address ?? p.DestinationIP,
            SourcePort = flow?.Client.Port ?? p.SourcePort,
            DestinationPort = flow?.Server.Port ?? p.DestinationPort,
            HasAddresses = true,
        });
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private void CountLinkType(LinkType linkType)
    {
        // Captures rarely change link type: count runs of the same type and touch the dictionary only on a change.
        if (linkType == _lastLinkType)
        {
            _lastLinkTypeRun++;
            return;
        }
        FlushLinkTypeRun();
        _lastLinkType = linkType;
        _lastLinkTypeRun = 1;
    }

    private void FlushLinkTypeRun()
    {
        if (_lastLinkTypeRun == 0) return;
        ref long count = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_linkTypeCounts, (ushort)_lastLinkType, out _);
        count += _lastLinkTypeRun;
        _lastLinkTypeRun = 0;
    }

    /// <summary>Copies the run's counters into <paramref name="summary"/> (end of run only: strings are made here).</summary>
    public void FillSummary(Analysis.Statistics.TrafficSummary summary)
    {
        summary.Frames += Frames;
        summary.Bytes += Bytes;
        summary.FirstPacket = FirstPacket;
        summary.LastPacket = LastPacket;
        FlushLinkTypeRun();
        foreach (var (type, count) in _linkTypeCounts)
            summary.LinkTypes[Enum.IsDefined((LinkType)type) ? ((LinkType)type).ToString() : type.ToString(System.Globalization.CultureInfo.InvariantCulture)] = count;
        for (int i = 0; i < _layerCounts.Length; i++)
            if (_layerCounts[i] > 0) summary.Layers[LayerNames[i]] = _layerCounts[i];
        for (int i = 0; i < _pduCounts.Length; i++)
            if (_pduCounts[i] > 0) summary.Pdus[ProtocolNames.Get((ProtocolId)i)] = _pduCounts[i];
        for (int bit = 0; bit < 64; bit++)
            if (_decodeAnomalyCounts[bit] > 0) summary.Anomalies[string.Concat(PacketLayer, ".", DecodeAnomalyNames.Get(bit))] = _decodeAnomalyCounts[bit];
        foreach (var (name, count) in _protocolAnomalyCounts) summary.Anomalies[name] = count;
        summary.Flows["created"] = _flows.Created;
        summary.Flows["expired"] = _flows.Expired;
        summary.Flows["evicted"] = _flows.Evicted;
        summary.Flows["port_reused"] = _flows.PortReused;
        ref readonly var tcp = ref _flows.EndedTcpStats;
        var r = summary.Reassembly;
        r["tcp_segments"] = tcp.Segments;
        r["tcp_bytes_delivered"] = tcp.BytesDelivered;
        r["tcp_retransmitted_segments"] = tcp.RetransmittedSegments;
        r["tcp_retransmitted_bytes"] = tcp.RetransmittedBytes;
        r["tcp_out_of_order_segments"] = tcp.OutOfOrderSegments;
        r["tcp_overlaps"] = tcp.Overlaps;
        r["tcp_overlap_mismatches"] = tcp.OverlapMismatches;
        r["tcp_gaps"] = tcp.Gaps;
        r["tcp_gap_bytes"] = tcp.GapBytes;
        r["tcp_out_of_order_bound_hits"] = tcp.OutOfOrderBoundHits;
        r["tcp_pending_bound_hits"] = tcp.PendingBoundHits;
        r["tcp_dropped_on_reset_bytes"] = tcp.DroppedOnResetBytes;
        FillFragmentCounters(r);
        if (_detection is not null) FillAlertCounts(summary.Alerts, _detection);
        summary.Devices = Inventory.Devices.Count;
        summary.Connections = Inventory.Connections.Count;
    }

    private static void FillAlertCounts(SortedDictionary<string, long> counts, DetectionEngine detection)
    {
        var alerts = detection.Alerts;
        counts["total"] = alerts.Alerts.Count;
        foreach (AlertSeverity severity in Enum.GetValues<AlertSeverity>()) counts[AlertNames.Severity(severity)] = 0;
        foreach (var alert in alerts.Alerts)
        {
            counts[AlertNames.Severity(alert.Type.Severity)]++;
            var engine = AlertNames.Engine(alert.Type.Engine);
            counts[engine] = counts.GetValueOrDefault(engine) + 1;
        }
        counts["suppressed"] = alerts.TotalSuppressed;
        counts["suppressed_repeats"] = alerts.DroppedRepeats;
        for (int type = 0; type < alerts.Catalogue.Types.Count; type++)
            if (alerts.Suppressed(type) > 0) counts["suppressed." + alerts.Catalogue[type].Id] = alerts.Suppressed(type);
        counts["muted_detections"] = alerts.MutedDetections;
        counts["timeline_events"] = detection.Timeline.Events.Count;
        counts["timeline_dropped"] = detection.Timeline.Dropped;
    }

    private void FillFragmentCounters(SortedDictionary<string, long> counters)
    {
        counters["ip_fragments_completed"] = _fragments.Completed;
        counters["ip_fragments_evicted"] = _fragments.Evicted;
        counters["ip_fragments_limit_reached"] = _fragments.LimitReached;
        counters["ip_fragments_overlaps"] = _fragments.Overlaps;
        counters["ip_fragments_duplicates"] = _fragments.Duplicates;
        counters["ip_fragments_too_large"] = _fragments.TooLarge;
    }

    /// <summary>Layer name of L2–L4 decode anomalies (their names already say which header).</summary>
    private const string PacketLayer = "packet";

    private enum LayerCounter { Arp, IPv4, IPv6, OtherNetwork, Fragments, Tcp, Udp, Icmp, OtherTransport, LayerTwoDecoded, Count }

    private static readonly string[] LayerNames = ["arp", "ipv4", "ipv6", "other_network", "ip_fragments", "tcp", "udp", "icmp", "other_transport", "layer2_decoded"];
}
