using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Registry;

namespace OtSensor.Protocols.Dns;

/// <summary>Registers DNS over UDP (port 53) with the engine; recognised by the strict whole-message check of <see cref="DnsProbe"/>.</summary>
/// <remarks>
/// DNS, LLMNR and mDNS share the message format: the module whose port matches is asked first, so the port decides
/// which of the three a well-formed message is; on other ports a well-formed message is recorded as the first
/// registered (plain DNS).
/// </remarks>
public sealed class DnsModule : IProtocolModule
{
    private static readonly ushort[] Ports = [DnsConstants.DnsPort];

    public ProtocolId Protocol => ProtocolId.Dns;

    public ReadOnlySpan<ushort> DefaultPorts => Ports;

    public bool IsStream => false;

    public ProbeResult Probe(ReadOnlySpan<byte> data, Direction direction) => DnsProbe.RecognizeDatagram(data, ProtocolId.Dns);

    public IStreamSession? CreateStreamSession() => null;

    public IDatagramSession? CreateDatagramSession() => new DnsSession(ProtocolId.Dns);
}
