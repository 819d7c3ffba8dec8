using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;

namespace OtSensor.Protocols.Registry;

/// <summary>
/// Registration of one protocol with the engine: how to recognise it and how to make its per-flow session
/// (cf. ImageSharp <c>PngConfigurationModule</c>).
/// </summary>
public interface IProtocolModule
{
    ProtocolId Protocol { get; }

    /// <summary>Well-known server ports (TCP or UDP per <see cref="IsStream"/>), used as a first guess only.</summary>
    ReadOnlySpan<ushort> DefaultPorts { get; }

    bool IsStream { get; }

    /// <summary>Recognises the protocol by content from the first bytes the client or server sent.</summary>
    ProbeResult Probe(ReadOnlySpan<byte> data, Direction direction);

    IStreamSession? CreateStreamSession();

    IDatagramSession? CreateDatagramSession();
}
