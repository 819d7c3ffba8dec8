using OtSensor.Core.Parsing;
using OtSensor.Protocols.Registry;

namespace OtSensor.Protocols.Cotp;

/// <summary>
/// An upper-layer protocol carried in COTP DT user data on the same TPKT/COTP connection (S7comm 0x32,
/// S7comm-plus 0x72, ISO session/MMS...). One instance per flow, created by <see cref="CotpModule"/>.
/// </summary>
/// <remarks>
/// The session offers each reassembled TSDU to the decoders in registration order and hands it to the
/// first that accepts it: recognition is by content (usually the first byte), so several upper layers can
/// share port 102 without the COTP layer knowing them.
/// </remarks>
public interface ICotpPayloadDecoder
{
    /// <summary>True when <paramref name="tsdu"/> (non-empty) belongs to this decoder's protocol.</summary>
    bool Accepts(ReadOnlySpan<byte> tsdu);

    /// <summary>Decodes one whole TSDU and reports its PDUs to <paramref name="sink"/>. Never throws.</summary>
    void Decode(ReadOnlySpan<byte> tsdu, Direction direction, IProtocolEventSink sink);

    /// <summary>Forgets per-connection state (new flow, or a gap in <paramref name="direction"/>).</summary>
    void Reset(Direction direction);
}
