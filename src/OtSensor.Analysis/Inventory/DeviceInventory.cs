using OtSensor.Analysis.Inventory.Oui;
using OtSensor.Analysis.Inventory.Rules;
using OtSensor.Core.Net;
using OtSensor.Core.Protocols;
using OtSensor.Core.Time;

namespace OtSensor.Analysis.Inventory;

/// <summary>
/// Devices keyed by IP address (and layer-2-only devices keyed by MAC) and the connections between them, built from
/// flows, ARP and decoded PDUs. Broadcast and multicast addresses never become devices. Bounded by
/// <see cref="InventoryLimits"/>: when full, new addresses are counted in <see cref="DevicesDropped"/> instead of stored.
/// </summary>
/// <remarks>
/// Per packet and per PDU the inventory only bumps counters and bits on objects the flow already holds
/// (<see cref="FlowDevices"/>); identity statements allocate only when they change a value. Merging devices that
/// share a MAC (<see cref="DeviceMerger"/>), the OUI vendor and the type/Purdue classification run once, in
/// <see cref="Complete"/>, at the end of a run.
/// </remarks>
public sealed class DeviceInventory
{
    private readonly InventoryLimits _limits;
    private readonly Dictionary<IPAddressBytes, Device> _devices = [];
    private readonly List<Device> _ordered = [];
    private readonly Dictionary<long, Connection> _connections = [];
    private readonly List<Connection> _orderedConnections = [];
    private readonly IdentityExtractor _identity = new();
    // MAC-only devices (layer-2 protocols) and IP devices bound to a MAC by ARP or an IPv6 link-local source.
    private readonly Dictionary<MacAddress, Device> _byMac = [];
    // Layer-2 traffic comes from a few MACs in interleaved runs (PROFINET cyclic frames of every device of a cell, GOOSE
    // publishers, EtherCAT): a small direct-mapped cache of MAC -> device answers them without the dictionary.
    private const int MacCacheSize = 64;
    private readonly MacAddress[] _cachedMacs = new MacAddress[MacCacheSize];
    private readonly Device?[] _cachedDevices = new Device?[MacCacheSize];
    private readonly IndustrialPorts _ports;
    private int _nextId = 1;

    public DeviceInventory() : this(new InventoryLimits()) { }

    public DeviceInventory(InventoryLimits limits)
    {
        _limits = limits;
        // Loaded here, not at the first undecoded flow's end, so no table load lands in the middle of a run.
        _ports = IndustrialPorts.Default;
    }

    public IReadOnlyList<Device> Devices => _ordered;
    public IReadOnlyList<Connection> Connections => _orderedConnections;

    /// <summary>The connections in order, for walks that must not pay an interface call per element (detection's rate checks).</summary>
    internal ReadOnlySpan<Connection> ConnectionSpan => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_orderedConnections);
    public long DevicesDropped { get; private set; }
    public long ConnectionsDropped { get; private set; }

    public bool TryGet(IPAddressBytes address, out Device? device) => _devices.TryGetValue(address, out device);

    /// <summary>The device for an address, created on first sight; null for addresses that are not devices.</summary>
    public Device? GetOrAdd(IPAddressBytes address, Timestamp time)
    {
        if (address.IsEmpty || address.IsMulticastOrBroadcast || IsIPv4ThisNetwork(address)) return null;
        if (_devices.TryGetValue(address, out var device)) return device;
        if (_ordered.Count >= _limits.MaxDevices) { DevicesDropped++; return null; }
        device = new Device(_nextId++, address, time);
        _devices.Add(address, device);
        _ordered.Add(device);
        return device;
    }

    /// <summary>Called once when a flow opens: finds both devices and their connection and stores them in <paramref name="state"/>.</summary>
    public void OpenFlow(FlowDevices state, IPAddressBytes client, MacAddress clientMac, IPAddressBytes server, MacAddress serverMac,
        ushort serverPort, Timestamp time)
    {
        ArgumentNullException.ThrowIfNull(state);
        state.Clear();
        state.ServerPort = serverPort;
        state.Client = GetOrAddPeer(client, clientMac, time);
        state.Server = GetOrAddPeer(server, serverMac, time);
        // Sent to the broadcast MAC: a directed broadcast, unless the address answers (see CloseFlow).
        if (state.Server is null && serverMac.IsBroadcast && CanBeSubnetBroadcast(server) && !IsIPv4SubnetBroadcast(server)) state.DeferredServer = server;
        // A MAC belongs to the IP only on the local segment; off-subnet addresses arrive behind a router's MAC.
        if (client.IsPrivate) AttachMac(state.Client, client, clientMac);
        if (server.IsPrivate) AttachMac(state.Server, server, serverMac);
        if (state.Client is null || state.Server is null) return;
        state.Connection = GetOrAddConnection(state.Client, state.Server, time);
        state.Connection?.AddFlow(serverPort);
    }

    /// <summary>Per-packet accounting on an open flow: counters only.</summary>
    public static void ObservePacket(FlowDevices state, bool fromClient, Timestamp time, int bytes)
    {
        ArgumentNullException.ThrowIfNull(state);
        Device? sender, receiver;
        if (fromClient)
        {
            state.ClientPackets++;
            (sender, receiver) = (state.Client, state.Server);
        }
        else
        {
            state.ServerPackets++;
            (sender, receiver) = (state.Server, state.Client);
        }
        sender?.ObserveSent(time, bytes);
        receiver?.ObserveReceived(time, bytes);
        state.Connection?.Observe(time, bytes);
    }

    /// <summary>
    /// Called once when a flow ends. A flow no decoder recognised whose server answered (three packets or more, so a
    /// refused connection or a lone probe does not count) on a port of the industrial port table labels its
    /// connection, its server and its client with that protocol, source "port" (<see cref="EvidenceConfidence.Port"/>).
    /// </summary>
    public void CloseFlow(FlowDevices state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.DeferredServer is { IsEmpty: false } deferred && state.ServerPackets > 0) AddAnsweringServer(state, deferred);
        if (!state.Decoded && state.ServerPackets > 0 && state.ClientPackets + state.ServerPackets >= 3
            && _ports.Lookup(state.ServerPort) is { } label)
        {
            state.Server?.AddPortService(label);
            state.Client?.AddPortClient(label);
            state.Connection?.AddPortLabel(label);
        }
        state.Clear();
    }

    /// <summary>
    /// A flow opened towards the broadcast MAC whose server nevertheless answered: a host on a capture that addresses
    /// everything to ff:ff:ff:ff:ff:ff (made-up captures do). It becomes a device and the flow's connection now,
    /// with the packets counted on the flow (their bytes were not kept).
    /// </summary>
    private void AddAnsweringServer(FlowDevices state, IPAddressBytes address)
    {
        var time = state.Client?.LastSeen ?? default;
        var server = GetOrAdd(address, time);
        if (server is null) return;
        for (int i = 0; i < state.ServerPackets; i++) server.ObserveSent(time, 0);
        for (int i = 0; i < state.ClientPackets; i++) server.ObserveReceived(time, 0);
        state.Server = server;
        if (state.Client is null) return;
        state.Connection = GetOrAddConnection(state.Client, server, time);
        state.Connection?.AddFlow(state.ServerPort);
    }

    /// <summary>A decoded PDU on an open flow: roles, commands and identity statements.</summary>
    /// <param name="state">The flow's devices.</param>
    /// <param name="senderIsFlowClient">The PDU came from the flow's transport client (the TCP connection opener).</param>
    /// <param name="fromClient">The PDU travels from the application's client to its server (a request).</param>
    /// <param name="message">The PDU.</param>
    public void ObservePdu<TMessage>(FlowDevices state, bool senderIsFlowClient, bool fromClient, in TMessage message)
        where TMessage : struct, IProtocolMessage, allows ref struct
    {
        ArgumentNullException.ThrowIfNull(state);
        var protocol = message.Protocol;
        // Roles follow the application direction (fromClient), which can be the reverse of the
        // transport roles (a connection opened from port 502 still has its Modbus server on 502).
        bool senderIsServer = !fromClient;
        var sender = senderIsFlowClient ? state.Client : state.Server;
        var receiver = senderIsFlowClient ? state.Server : state.Client;
        sender?.AddRole(protocol, senderIsServer, message.IsResponse ? OtOperation.None : message.Operation);
        receiver?.AddRole(protocol, !senderIsServer, OtOperation.None);
        // A flow repeats the same few commands: one already noted from this flow is skipped without a look-up.
        var command = message.IsResponse ? null : message.FunctionName;
        if (protocol != state.LastProtocol)
        {
            state.LastProtocol = protocol;
            state.ForgetCommands();
            state.Connection?.AddCommand(protocol, command);
            if (command is not null) state.NoteCommand(command);
        }
        else if (command is not null && !state.NoteCommand(command))
        {
            state.Connection?.AddCommand(protocol, command);
        }
        if (sender is null) return;
        _identity.Observe(sender, in message);
        ProtocolFacts.Observe(sender, senderIsServer, in message);
    }

    /// <summary>A packet outside any flow (ICMP, other IP protocols): both ends are devices, no connection is made.</summary>
    public void ObserveUnpairedPacket(IPAddressBytes source, MacAddress sourceMac, IPAddressBytes destination, Timestamp time, int bytes)
        => ObserveUnpairedPacket(source, sourceMac, destination, default, time, bytes);

    /// <summary>A packet outside any flow; a destination sent to a group MAC (directed broadcast) is not a device.</summary>
    public void ObserveUnpairedPacket(IPAddressBytes source, MacAddress sourceMac, IPAddressBytes destination, MacAddress destinationMac,
        Timestamp time, int bytes)
    {
        var sender = GetOrAdd(source, time);
        if (sender is not null)
        {
            if (source.IsPrivate) AttachMac(sender, source, sourceMac);
            sender.ObserveSent(time, bytes);
        }
        GetOrAddPeer(destination, destinationMac, time)?.ObserveReceived(time, bytes);
    }

    /// <summary>ARP (RFC 826): the sender's IP and MAC belong together on the local segment (an authoritative binding).</summary>
    public void ObserveArp(IPAddressBytes senderIP, MacAddress senderMac, Timestamp time)
    {
        var device = GetOrAdd(senderIP, time);
        if (device is null) return;
        AttachMac(device, senderMac, authoritative: true);
        device.Touch(time);
    }

    /// <summary>
    /// A PDU of a layer-2-only protocol (GOOSE, PROFINET DCP, EtherCAT...): its sender is the device owning the
    /// source MAC (a device bound to it by ARP keeps its layer-2 traffic), or a new MAC-only device, merged at the
    /// end of the run with the IP device that carries the same MAC. Group addresses never are devices.
    /// </summary>
    public void ObserveFramePdu<TMessage>(MacAddress source, MacAddress destination, Timestamp time, in TMessage message)
        where TMessage : struct, IProtocolMessage, allows ref struct
    {
        var sender = GetOrAddByMac(source, time);
        var receiver = GetOrAddByMac(destination, time);
        var operation = message.IsResponse ? OtOperation.None : message.Operation;
        if (sender is not null)
        {
            sender.AddRole(message.Protocol, asServer: message.IsResponse, operation);
            _identity.Observe(sender, in message);
            ProtocolFacts.Observe(sender, message.IsResponse, in message);
        }
        if (receiver is not null) receiver.AddRole(message.Protocol, asServer: !message.IsResponse, OtOperation.None);
    }

    /// <summary>
    /// A frame of a layer-2 protocol the engine decodes (whether or not it yields PDUs: PROFINET cyclic data does not):
    /// its unicast ends are devices, counted once per frame.
    /// </summary>
    public void ObserveFrame(MacAddress source, MacAddress destination, Timestamp time, int bytes)
    {
        GetOrAddByMac(source, time)?.ObserveSent(time, bytes);
        GetOrAddByMac(destination, time)?.ObserveReceived(time, bytes);
    }

    /// <summary>The device owning a unicast MAC, created as a MAC-only device on first sight; null for group or zero MACs.</summary>
    public Device? GetOrAddByMac(MacAddress mac, Timestamp time)
    {
        if (mac.IsZero || mac.IsGroup) return null;
        int slot = (int)((mac.Value * 0x9E37_79B9_7F4A_7C15UL) >> 58);
        if (_cachedMacs[slot] == mac) return _cachedDevices[slot];
        if (_byMac.TryGetValue(mac, out var device))
        {
            Remember(mac, device);
            return device;
        }
        if (_ordered.Count >= _limits.MaxDevices) { DevicesDropped++; return null; }
        device = new Device(_nextId++, default, time);
        device.AddMac(mac, authoritative: true);
        _byMac.Add(mac, device);
        _ordered.Add(device);
        Remember(mac, device);
        return device;
    }

    private void Remember(MacAddress mac, Device device)
    {
        int slot = (int)((mac.Value * 0x9E37_79B9_7F4A_7C15UL) >> 58);
        _cachedMacs[slot] = mac;
        _cachedDevices[slot] = device;
    }

    /// <summary>
    /// An identity statement from any source (a naming protocol, an import, a test): kept when more confident than
    /// the current value. The plug-in point for DHCP, DNS, NetBIOS, LLDP, SNMP... decoders.
    /// </summary>
    public static bool State(Device device, DeviceAttribute attribute, string value, string source, string? detail, byte confidence)
    {
        ArgumentNullException.ThrowIfNull(device);
        return device.Evidence.Set(attribute, value, source, detail, confidence);
    }

    /// <summary>
    /// End of a run: merges devices that share a MAC (<see cref="DeviceMerger"/>), then states OUI vendors and
    /// classifies every device. Safe to call again (classification starts afresh). Open flows must be closed first.
    /// </summary>
    public void Complete() => Complete(ClassificationRuleSet.Default, OuiRegistry.Default);

    public void Complete(ClassificationRuleSet rules, OuiRegistry oui)
    {
        if (DeviceMerger.Merge(_ordered) > 0) Reindex();
        DeviceClassifier.Classify(_ordered, _orderedConnections, rules, oui);
    }

    private void Reindex()
    {
        _ordered.RemoveAll(d => d.MergedInto is not null);
        foreach (var (address, device) in _devices.ToList())
            if (device.MergedInto is not null) _devices[address] = DeviceMerger.Root(device);
        foreach (var (mac, device) in _byMac.ToList())
            if (device.MergedInto is not null) _byMac[mac] = DeviceMerger.Root(device);
        Array.Clear(_cachedMacs);
        Array.Clear(_cachedDevices);
        var connections = _orderedConnections.ToList();
        _connections.Clear();
        _orderedConnections.Clear();
        foreach (var c in connections)
        {
            c.First = DeviceMerger.Root(c.First);
            c.Second = DeviceMerger.Root(c.Second);
            if (ReferenceEquals(c.First, c.Second)) continue;
            long key = Key(c.First, c.Second);
            if (_connections.TryGetValue(key, out var existing)) existing.Absorb(c);
            else
            {
                _connections.Add(key, c);
                _orderedConnections.Add(c);
            }
        }
    }

    /// <summary>
    /// A flow end or packet destination: an address whose host part can be all ones reached through the broadcast MAC, or an IPv4 address ending in .255
    /// (the /24 convention for a subnet broadcast; synthetic captures send those to unicast MACs) is a directed
    /// broadcast and never becomes a device here. A host really owning such an address still becomes one when it
    /// sends a packet outside a flow or answers ARP for it.
    /// </summary>
    private Device? GetOrAddPeer(IPAddressBytes address, MacAddress mac, Timestamp time)
    {
        // 0.0.0.0 is a host without an address yet (a DHCP client, RFC 2131 §4.1): known by its MAC, merged at the end
        // of the run with the device that MAC later belongs to.
        if (address.IsUnspecifiedIPv4) return GetOrAddByMac(mac, time);
        if ((mac.IsBroadcast && CanBeSubnetBroadcast(address)) || IsIPv4SubnetBroadcast(address)) return _devices.GetValueOrDefault(address);
        return GetOrAdd(address, time);
    }

    private static bool IsIPv4SubnetBroadcast(IPAddressBytes address) => address.IsIPv4 && (address.IPv4Value & 0xFF) == 0xFF;

    /// <summary>
    /// Host part all ones for some subnet of /30 or wider (ends in binary 11, 111, ... : .3, .7, .15, .31, .63, .127,
    /// .255): the only addresses a frame to the broadcast MAC can be a directed broadcast for. Any other address sent to
    /// ff:ff:ff:ff:ff:ff is a host on a made-up capture that broadcasts everything.
    /// </summary>
    private static bool CanBeSubnetBroadcast(IPAddressBytes address)
    {
        if (!address.IsIPv4) return false;
        uint low = address.IPv4Value & 0xFF;
        return (low & 3) == 3 && ((low + 1) & low) == 0;
    }

    private void AttachMac(Device? device, IPAddressBytes address, MacAddress mac)
        // An IPv6 link-local source is never routed: its MAC is the device's own.
        => AttachMac(device, mac, authoritative: !address.IsIPv4 && (address.High >> 54) == (0xFE80UL >> 6));

    private void AttachMac(Device? device, MacAddress mac, bool authoritative)
    {
        if (device is null || mac.IsZero || mac.IsGroup) return;
        device.AddMac(mac, authoritative);
        if (authoritative) _byMac.TryAdd(mac, device);
    }

    private Connection? GetOrAddConnection(Device client, Device server, Timestamp time)
    {
        long key = Key(client, server);
        if (_connections.TryGetValue(key, out var connection)) return connection;
        if (_connections.Count >= _limits.MaxConnections) { ConnectionsDropped++; return null; }
        connection = new Connection(client, server, time);
        _connections.Add(key, connection);
        _orderedConnections.Add(connection);
        return connection;
    }

    private static long Key(Device a, Device b)
        => a.Id < b.Id ? ((long)a.Id << 32) | (uint)b.Id : ((long)b.Id << 32) | (uint)a.Id;

    // 0.0.0.0/8 ("this network") is never a device: DHCP clients use 0.0.0.0 before they have an address.
    private static bool IsIPv4ThisNetwork(IPAddressBytes address) => address.IsIPv4 && (address.IPv4Value >> 24) == 0;
}
