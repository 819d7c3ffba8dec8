using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Registry;

namespace OtSensor.Protocols.ProfinetCm;

/// <summary>Registers PNIO-CM (connectionless DCE/RPC, UDP 34964 and by content on any port).</summary>
/// <remarks>IEC 61158-6-10 §4.10.2: context management over RPC; 0x8894 is the PNIO RPC port.</remarks>
public sealed class PnioCmModule : IProtocolModule
{
    private static readonly ushort[] Ports = [PnioCmConstants.Port];

    public ProtocolId Protocol => ProtocolId.ProfinetIO;

    public ReadOnlySpan<ushort> DefaultPorts => Ports;

    public bool IsStream => false;

    public ProbeResult Probe(ReadOnlySpan<byte> data, Direction direction) => PnioCmProbe.Recognize(data, direction);

    public IStreamSession? CreateStreamSession() => null;

    public IDatagramSession? CreateDatagramSession() => new PnioCmSession();
}
