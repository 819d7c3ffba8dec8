using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Registry;
using OtSensor.Protocols.Tpkt;

namespace OtSensor.Protocols.Cotp;

/// <summary>
/// Registers ISO-on-TCP (RFC 1006 TPKT + X.224 COTP, TCP 102) with the engine. The upper layers (S7comm,
/// S7comm-plus, later MMS) are plugged in as <see cref="ICotpPayloadDecoder"/> factories, so this folder never
/// references them: the engine composes the module.
/// </summary>
public sealed class CotpModule : IProtocolModule
{
    private static readonly ushort[] Ports = [TpktConstants.DefaultPort];
    private readonly Func<ICotpPayloadDecoder>[] _decoderFactories;

    /// <param name="decoderFactories">One factory per upper layer, in dispatch order; each is called once per flow.</param>
    public CotpModule(params Func<ICotpPayloadDecoder>[] decoderFactories)
    {
        ArgumentNullException.ThrowIfNull(decoderFactories);
        _decoderFactories = decoderFactories;
    }

    public ProtocolId Protocol => ProtocolId.Cotp;

    public ReadOnlySpan<ushort> DefaultPorts => Ports;

    public bool IsStream => true;

    public ProbeResult Probe(ReadOnlySpan<byte> data, Direction direction) => CotpProbe.Recognize(data, direction);

    public IStreamSession? CreateStreamSession()
    {
        var decoders = new ICotpPayloadDecoder[_decoderFactories.Length];
        for (int i = 0; i < decoders.Length; i++) decoders[i] = _decoderFactories[i]();
        return new CotpSession(decoders);
    }

    public IDatagramSession? CreateDatagramSession() => null;
}
