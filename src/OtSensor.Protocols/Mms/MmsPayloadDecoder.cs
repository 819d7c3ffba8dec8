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
        var decoded = MmsParser.Parse(tsdu, direction != Direction.ToServer);
        if (decoded.Found)
        {
            var message = new MmsMessage(tsdu, in decoded);
            sink.OnMms(in message);
            return;
        }
        if ((decoded.Anomalies & MmsAnomalies.MalformedSession) != 0) sink.OnStreamAnomaly(ProtocolId.Mms, "malformed_session");
        else if ((decoded.Anomalies & MmsAnomalies.MalformedPresentation) != 0) sink.OnStreamAnomaly(ProtocolId.Mms, "malformed_presentation");
        else if ((decoded.Anomalies & MmsAnomalies.MalformedAcse) != 0) sink.OnStreamAnomaly(ProtocolId.Mms, "malformed_acse");
    }

    public void Reset(Direction direction)
    {
    }
}
