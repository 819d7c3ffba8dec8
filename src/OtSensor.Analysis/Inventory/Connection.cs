using OtSensor.Analysis.Inventory.Rules;
using OtSensor.Core.Protocols;
using OtSensor.Core.Time;

namespace OtSensor.Analysis.Inventory;

/// <summary>
/// Traffic between one pair of devices, shaped like the sensor API's connection object
/// (<c>firstDeviceId</c>, <c>secondDeviceId</c>, <c>ports</c>, <c>protocols[{name, commands}]</c>).
/// <see cref="First"/> is the device that opened the first flow (the client).
/// </summary>
public sealed class Connection
{
    private const int MaxPorts = 64;
    private const int MaxCommandsPerProtocol = 64;
    private readonly List<ushort> _ports = new(2);
    private readonly List<(ProtocolId Protocol, List<string> Commands)> _protocols = new(1);
    private List<PortLabel>? _portLabels;

    internal Connection(Device first, Device second, Timestamp discovered)
    {
        First = first;
        Second = second;
        Discovered = discovered;
        LastSeen = discovered;
    }

    public Device First { get; internal set; }
    public Device Second { get; internal set; }
    public Timestamp Discovered { get; private set; }
    public Timestamp LastSeen { get; private set; }
    public long Packets { get; private set; }
    public long Bytes { get; private set; }
    public int Flows { get; private set; }
    /// <summary>Server ports seen, in order of first use (bounded).</summary>
    public IReadOnlyList<ushort> Ports => _ports;
    public IReadOnlyList<(ProtocolId Protocol, List<string> Commands)> Protocols => _protocols;
    /// <summary>Industrial protocols guessed from the server port of flows no decoder recognised (source "port").</summary>
    public IReadOnlyList<PortLabel> PortLabels => (IReadOnlyList<PortLabel>?)_portLabels ?? [];

    internal void AddPortLabel(PortLabel label)
    {
        _portLabels ??= new(1);
        if (!_portLabels.Contains(label) && _portLabels.Count < MaxPorts) _portLabels.Add(label);
    }

    /// <summary>Folds a connection between the same two (merged) devices into this one.</summary>
    internal void Absorb(Connection other)
    {
        Packets += other.Packets;
        Bytes += other.Bytes;
        Flows += other.Flows;
        if (other.Discovered < Discovered) Discovered = other.Discovered;
        if (other.LastSeen > LastSeen) LastSeen = other.LastSeen;
        foreach (var port in other._ports)
            if (!_ports.Contains(port) && _ports.Count < MaxPorts) _ports.Add(port);
        foreach (var (protocol, commands) in other._protocols)
        {
            AddCommand(protocol, null);
            foreach (var command in commands) AddCommand(protocol, command);
        }
        foreach (var label in other.PortLabels) AddPortLabel(label);
    }

    internal void Observe(Timestamp time, int bytes)
    {
        Packets++;
        Bytes += bytes;
        if (time > LastSeen) LastSeen = time;
        if (time < Discovered) Discovered = time;
    }

    internal void AddFlow(ushort serverPort)
    {
        Flows++;
        if (serverPort == 0 || _ports.Count >= MaxPorts || _ports.Contains(serverPort)) return;
        _ports.Add(serverPort);
    }

    internal void AddCommand(ProtocolId protocol, string? command)
    {
        List<string>? commands = null;
        foreach (var entry in _protocols)
        {
            if (entry.Protocol == protocol) { commands = entry.Commands; break; }
        }
        if (commands is null)
        {
            commands = new List<string>(2);
            _protocols.Add((protocol, commands));
        }
        if (command is null) return;
        // Command names are static strings from the parsers' tables: a reference comparison finds a known
        // command without comparing characters; only a command not found that way is compared by value.
        foreach (var c in commands)
            if (ReferenceEquals(c, command)) return;
        if (commands.Count >= MaxCommandsPerProtocol) return;
        foreach (var c in commands)
            if (string.Equals(c, command, StringComparison.Ordinal)) return;
        commands.Add(command);
    }
}
