using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Registry;

namespace OtSensor.Protocols.Bacnet;

/// <summary>Registers BACnet/IP with the engine (UDP 47808, and by content on any port).</summary>
/// <remarks>ANSI/ASHRAE 135 Annex J.1: BACnet/IP uses UDP, port 0xBAC0 by default.</remarks>
public sealed class BacnetModule : IProtocolModule
{
    private static readonly ushort[] Ports = [BacnetConstants.DefaultPort];

    public ProtocolId Protocol => ProtocolId.Bacnet;

    public ReadOnlySpan<ushort> DefaultPorts => Ports;

    public bool IsStream => false;

    public ProbeResult Probe(ReadOnlySpan<byte> data, Direction direction) => BacnetProbe.Recognize(data, direction);

    public IStreamSession? CreateStreamSession() => null;

    public IDatagramSession? CreateDatagramSession() => new BacnetSession();
}
