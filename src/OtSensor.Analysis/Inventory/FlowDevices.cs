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

    /// <summary>The protocol and command last noted on <see cref="Connection"/> from this flow (a repeat needs no look-up).</summary>
    internal ProtocolId LastProtocol { get; set; }
    internal string? LastCommand { get; set; }

    public void Clear()
    {
        Client = null;
        Server = null;
        Connection = null;
        LastProtocol = ProtocolId.Unknown;
        LastCommand = null;
    }
}
