using OtSensor.Core.Net;
using OtSensor.Core.Protocols;

namespace OtSensor.Analysis.Inventory;

/// <summary>
/// The devices and connection of one flow, looked up once when the flow opens and then kept on the flow,
/// so per-packet accounting is a few field increments instead of dictionary look-ups.
/// Either device is null when its address cannot be a device (broadcast, multicast) or the inventory is full.
/// </summary>
public sealed class FlowDevices
{
    public Device? Client { get; internal set; }
    public Device? Server { get; internal set; }
    public Connection? Connection { get; internal set; }
    /// <summary>The flow's server port (for the port table when no decoder recognises the flow).</summary>
    public ushort ServerPort { get; internal set; }
    public int ClientPackets { get; internal set; }
    public int ServerPackets { get; internal set; }
    /// <summary>A server address reached through the broadcast MAC: a device only if it answers (set at open, used at close).</summary>
    internal IPAddressBytes DeferredServer { get; set; }

    /// <summary>The protocol last noted on <see cref="Connection"/> from this flow.</summary>
    internal ProtocolId LastProtocol { get; set; }

    /// <summary>
    /// The last few commands of <see cref="LastProtocol"/> noted on <see cref="Connection"/> from this flow: a polling
    /// client cycles through a handful of function codes, and a command found here (by reference: names are static
    /// strings) needs no look-up in the connection's lists.
    /// </summary>
    private readonly string?[] _notedCommands = new string?[NotedCommandSlots];
    private int _nextNotedSlot;
    private const int NotedCommandSlots = 4;

    /// <summary>True when <paramref name="command"/> was noted from this flow since the protocol last changed; else remembers it.</summary>
    internal bool NoteCommand(string command)
    {
        var noted = _notedCommands;
        for (int i = 0; i < noted.Length; i++)
            if (ReferenceEquals(noted[i], command)) return true;
        noted[_nextNotedSlot] = command;
        _nextNotedSlot = (_nextNotedSlot + 1) & (NotedCommandSlots - 1);
        return false;
    }

    /// <summary>Forgets the noted commands (the flow's protocol changed).</summary>
    internal void ForgetCommands()
    {
        Array.Clear(_notedCommands);
        _nextNotedSlot = 0;
    }

    /// <summary>A decoded PDU was seen on this flow.</summary>
    public bool Decoded => LastProtocol != ProtocolId.Unknown;

    public void Clear()
    {
        Client = null;
        Server = null;
        Connection = null;
        ServerPort = 0;
        ClientPackets = 0;
        ServerPackets = 0;
        DeferredServer = default;
        LastProtocol = ProtocolId.Unknown;
        ForgetCommands();
    }
}
