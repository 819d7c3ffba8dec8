using OtSensor.Core.Net;
using OtSensor.Core.Protocols;
using OtSensor.Core.Time;

namespace OtSensor.Analysis.Inventory;

/// <summary>
/// Devices keyed by IP address and the connections between them, built from flows, ARP and decoded PDUs.
/// Broadcast and multicast addresses never become devices. Bounded by <see cref="InventoryLimits"/>:
/// when full, new addresses are counted in <see cref="DevicesDropped"/> instead of stored.
/// </summary>
public sealed class DeviceInventory(InventoryLimits limits)
{
    private readonly Dictionary<IPAddressBytes, Device> _devices = [];
    private readonly List<Device> _ordered = [];
    private readonly Dictionary<long, Connection> _connections = [];
    private readonly List<Connection> _orderedConnections = [];
    private readonly IdentityExtractor _identity = new();
    // Every unicast MAC the inventory has tied to a device (IP devices on the local segment and layer-2-only devices).
    private readonly Dictionary<MacAddress, Device> _byMac = [];

    public DeviceInventory() : this(new InventoryLimits()) { }

    public IReadOnlyList<Device> Devices => _ordered;
    public IReadOnlyList<Connection> Connections => _orderedConnections;
    public long DevicesDropped { get; private set; }
    public long ConnectionsDropped { get; private set; }

    public bool TryGet(IPAddressBytes address, out Device? device) => _devices.TryGetValue(address, out device);

    /// <summary>The device for an address, created on first sight; null for addresses that are not devices.</summary>
    public Device? GetOrAdd(IPAddressBytes address, Timestamp time)
    {
        if (address.IsEmpty || address.IsMulticastOrBroadcast || IsIPv4SubnetBroadcastLike(address)) return null;
        if (_devices.TryGetValue(address, out var device)) return device;
        if (_devices.Count >= limits.MaxDevices) { DevicesDropped++; return null; }
        device = new Device(_ordered.Count + 1, address, time);
        _devices.Add(address, device);
        _ordered.Add(device);
        return device;
    }

    /// <summary>Called once when a flow opens: finds both devices and their connection and stores them in <paramref name="state"/>.</summary>
    public void OpenFlow(FlowDevices state, IPAddressBytes client, MacAddress clientMac, IPAddressBytes server, MacAddress serverMac,
        ushort serverPort, Timestamp time)
    {
        state.Clear();
        state.Client = GetOrAdd(client, time);
        state.Server = GetOrAdd(server, time);
        // A MAC belongs to the IP only on the local segment; off-subnet addresses arrive behind a router's MAC.
        if (client.IsPrivate) AttachMac(state.Client, clientMac);
        if (server.IsPrivate) AttachMac(state.Server, serverMac);
        if (state.Client is null || state.Server is null) return;
        state.Connection = GetOrAddConnection(state.Client, state.Server, time);
        state.Connection?.AddFlow(serverPort);
    }

    /// <summary>Per-packet accounting on an open flow: counters only.</summary>
    public static void ObservePacket(FlowDevices state, bool fromClient, Timestamp time, int bytes)
    {
        var (sender, receiver) = fromClient ? (state.Client, state.Server) : (state.Server, state.Client);
        sender?.ObserveSent(time, bytes);
        receiver?.ObserveReceived(time, bytes);
        state.Connection?.Observe(time, bytes);
    }

    /// <summary>A decoded PDU on an open flow: roles, commands and identity statements.</summary>
    /// <param name="senderIsFlowClient">The PDU came from the flow's transport client (the TCP connection opener).</param>
    /// <param name="fromClient">The PDU travels from the application's client to its server (a request).</param>
    public void ObservePdu<TMessage>(FlowDevices state, bool senderIsFlowClient, bool fromClient, in TMessage message)
        where TMessage : struct, IProtocolMessage, allows ref struct
    {
        var protocol = message.Protocol;
        // Roles follow the application direction (fromClient), which can be the reverse of the
        // transport roles (a connection opened from port 502 still has its Modbus server on 502).
        bool senderIsServer = !fromClient;
        var sender = senderIsFlowClient ? state.Client : state.Server;
        var receiver = senderIsFlowClient ? state.Server : state.Client;
        sender?.AddRole(protocol, senderIsServer, message.IsResponse ? OtOperation.None : message.Operation);
        receiver?.AddRole(protocol, !senderIsServer, OtOperation.None);
        if (state.Connection is { } connection)
        {
            // A flow repeats the same few commands: the last one noted on this flow is skipped without a look-up.
            var command = message.IsResponse ? null : message.FunctionName;
            if (protocol != state.LastProtocol || (command is not null && !ReferenceEquals(command, state.LastCommand)))
            {
                connection.AddCommand(protocol, command);
                state.LastProtocol = protocol;
                if (command is not null) state.LastCommand = command;
            }
        }
        if (sender is not null) _identity.Observe(sender, in message);
    }

    /// <summary>A packet outside any flow (ICMP, other IP protocols): both ends are devices, no connection is made.</summary>
    public void ObserveUnpairedPacket(IPAddressBytes source, MacAddress sourceMac, IPAddressBytes destination, Timestamp time, int bytes)
    {
        var sender = GetOrAdd(source, time);
        if (sender is not null)
        {
            if (source.IsPrivate) AttachMac(sender, sourceMac);
            sender.ObserveSent(time, bytes);
        }
        GetOrAdd(destination, time)?.ObserveReceived(time, bytes);
    }

    /// <summary>ARP (RFC 826): the sender's IP and MAC belong together on the local segment.</summary>
    public void ObserveArp(IPAddressBytes senderIP, MacAddress senderMac, Timestamp time)
    {
        var device = GetOrAdd(senderIP, time);
        if (device is null) return;
        AttachMac(device, senderMac);
        device.Touch(time);
    }

    /// <summary>
    /// A PDU of a layer-2-only protocol (GOOSE, PROFINET DCP, EtherCAT...): its sender is the device owning the
    /// source MAC (a device seen with an IP keeps its layer-2 traffic), or a new MAC-only device. A unicast
    /// destination is a device too; group addresses (GOOSE and DCP multicasts) never are.
    /// </summary>
    public void ObserveFramePdu<TMessage>(MacAddress source, MacAddress destination, Timestamp time, int bytes, in TMessage message)
        where TMessage : struct, IProtocolMessage, allows ref struct
    {
        var sender = GetOrAddByMac(source, time);
        var receiver = GetOrAddByMac(destination, time);
        var operation = message.IsResponse ? OtOperation.None : message.Operation;
        if (sender is not null)
        {
            sender.ObserveSent(time, bytes);
            sender.AddRole(message.Protocol, asServer: message.IsResponse, operation);
            _identity.Observe(sender, in message);
        }
        if (receiver is not null)
        {
            receiver.ObserveReceived(time, bytes);
            receiver.AddRole(message.Protocol, asServer: !message.IsResponse, OtOperation.None);
        }
    }

    /// <summary>The device owning a unicast MAC, created as a MAC-only device on first sight; null for group or zero MACs.</summary>
    public Device? GetOrAddByMac(MacAddress mac, Timestamp time)
    {
        if (mac.IsZero || mac.IsGroup) return null;
        if (_byMac.TryGetValue(mac, out var device)) return device;
        if (_ordered.Count >= limits.MaxDevices) { DevicesDropped++; return null; }
        device = new Device(_ordered.Count + 1, default, time);
        device.AddMac(mac);
        _byMac.Add(mac, device);
        _ordered.Add(device);
        return device;
    }

    private void AttachMac(Device? device, MacAddress mac)
    {
        if (device is null || mac.IsZero || mac.IsGroup) return;
        device.AddMac(mac);
        _byMac.TryAdd(mac, device);
    }

    private Connection? GetOrAddConnection(Device client, Device server, Timestamp time)
    {
        long key = client.Id < server.Id ? ((long)client.Id << 32) | (uint)server.Id : ((long)server.Id << 32) | (uint)client.Id;
        if (_connections.TryGetValue(key, out var connection)) return connection;
        if (_connections.Count >= limits.MaxConnections) { ConnectionsDropped++; return null; }
        connection = new Connection(client, server, time);
        _connections.Add(key, connection);
        _orderedConnections.Add(connection);
        return connection;
    }

    // 0.0.0.0/8 ("this network") is never a device: DHCP clients use 0.0.0.0 before they have an address.
    private static bool IsIPv4SubnetBroadcastLike(IPAddressBytes address) => address.IsIPv4 && (address.IPv4Value >> 24) == 0;
}
