using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Registry;

namespace OtSensor.Protocols.Dns;

/// <summary>Registers multicast DNS (RFC 6762, UDP 5353) with the engine; recognised by the strict whole-message check of <see cref="DnsProbe"/>.</summary>
/// <remarks>
/// DNS, LLMNR and mDNS share the message format: the module whose port matches is asked first, so the port decides
/// which of the three a well-formed message is; on other ports a well-formed message is recorded as the first
/// registered (plain DNS).
/// </remarks>
public sealed class MdnsModule : IProtocolModule
{
    private static readonly ushort[] Ports = [DnsConstants.MdnsPort];

    public ProtocolId Protocol => ProtocolId.Mdns;

    public ReadOnlySpan<ushort> DefaultPorts => Ports;

    public bool IsStream => false;

    public ProbeResult Probe(ReadOnlySpan<byte> data, Direction direction) => DnsProbe.RecognizeDatagram(data, ProtocolId.Mdns);

    public IStreamSession? CreateStreamSession() => null;

    public IDatagramSession? CreateDatagramSession() => new DnsSession(ProtocolId.Mdns);
}
