using OtSensor.Decoding.Flows;
using OtSensor.Analysis.Detection;
using OtSensor.Analysis.Inventory;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Registry;

namespace OtSensor.Engine.Pipeline;

/// <summary>What the engine keeps on each flow: its devices, the recognised protocol and that protocol's session.</summary>
internal sealed class FlowState
{
    /// <summary>This state's index in the pipeline's table of states, fixed for its life (see <c>PacketPipeline.SetCurrent</c>).</summary>
    public int Slot { get; init; }
    /// <summary>The flow this state belongs to while it is in use; set when the flow opens.</summary>
    public Flow? Flow;
    public FlowDevices Devices { get; } = new();
    public DetectionFlow Detection { get; } = new();
    public IStreamSession? StreamSession;
    public IDatagramSession? DatagramSession;
    public ProtocolId Protocol;
    /// <summary>No protocol recognised it (or its session failed): its payload is skipped.</summary>
    public bool Unrecognized;
    /// <summary>
    /// The TCP client sits on the protocol's well-known port and the TCP server does not (e.g. a connection
    /// opened from port 502): the application roles are the reverse of the TCP roles, as tshark also decides.
    /// </summary>
    public bool ReverseRoles;
    public int ProbeAttempts;
    /// <summary>The flow's client has no address yet (0.0.0.0, a DHCP client): its PDUs belong to the MAC that sent each.</summary>
    public bool ClientUnspecified;

    /// <summary>
    /// The stream session this state last used and its module, kept across <see cref="Reset"/>: the next flow
    /// that speaks the same protocol reuses it (after <see cref="IStreamSession.Reset"/>) instead of allocating.
    /// </summary>
    public IProtocolModule? CachedStreamModule;
    public IStreamSession? CachedStreamSession;
    /// <summary>The same for datagram sessions (a replay of many BACnet or DNS conversations opened a session per flow).</summary>
    public IProtocolModule? CachedDatagramModule;
    public IDatagramSession? CachedDatagramSession;
    public long ProbedBytes;

    public void Reset()
    {
        StreamSession = null;
        DatagramSession = null;
        Protocol = ProtocolId.Unknown;
        Unrecognized = false;
        ReverseRoles = false;
        ProbeAttempts = 0;
        ProbedBytes = 0;
        ClientUnspecified = false;
    }
}
