using OtSensor.Core.Parsing;
using OtSensor.Protocols.Registry;

namespace OtSensor.Protocols.EtherCat;

/// <summary>Decodes EtherCAT frames carried in UDP datagrams (port 0x88A4, ETG.1000.4 §5.3.2).</summary>
/// <remarks>
/// Over UDP the MAC heuristic of <see cref="EtherCatFrameSession"/> is not available; the flow's client (the side
/// that sent first, normally the master) is taken as the master.
/// </remarks>
public sealed class EtherCatUdpSession : IDatagramSession
{
    public void OnDatagram(ReadOnlySpan<byte> datagram, Direction direction, IProtocolEventSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        EtherCatFrameSession.Decode(datagram, direction == Direction.ToServer, sink);
    }

    public void Reset()
    {
    }
}
