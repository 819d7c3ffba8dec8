using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Cotp;
using OtSensor.Protocols.Registry;

namespace OtSensor.Protocols.Mms;

/// <summary>MMS on a TPKT/COTP connection: each TSDU holding an ISO session SPDU (or a bare MMS PDU) is decoded.</summary>
/// <remarks>Stateless: presentation contexts are told apart by the ASN.1 class of the value (see <see cref="MmsParser"/>),
/// so a capture that starts mid-connection is decoded from its first data SPDU.</remarks>
public sealed class MmsPayloadDecoder : ICotpPayloadDecoder
{
    public bool Accepts(ReadOnlySpan<byte> tsdu) => MmsParser.LooksLikeMms(tsdu);

    public void Decode(ReadOnlySpan<byte> tsdu, Direction direction, IProtocolEventSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        var message = MmsParser.Parse(tsdu, direction != Direction.ToServer);
        if (message.IsMms)
        {
            sink.OnMms(in message);
            return;
        }
        var anomalies = message.AnomalyFlags;
        if ((anomalies & MmsAnomalies.MalformedSession) != 0) sink.OnStreamAnomaly(ProtocolId.Mms, "malformed_session");
        else if ((anomalies & MmsAnomalies.MalformedPresentation) != 0) sink.OnStreamAnomaly(ProtocolId.Mms, "malformed_presentation");
        else if ((anomalies & MmsAnomalies.MalformedAcse) != 0) sink.OnStreamAnomaly(ProtocolId.Mms, "malformed_acse");
    }

    public void Reset(Direction direction)
    {
    }
}
