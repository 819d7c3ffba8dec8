using OtSensor.Core.Net;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Registry;

namespace OtSensor.Protocols.EtherCat;

/// <summary>Decodes EtherCAT frames (EtherType 0x88A4): one message per datagram. Stateless across frames.</summary>
/// <remarks>
/// A frame whose source MAC has the locally administered bit set has been through a slave's processing unit
/// (the ESC sets that bit on the way back, ETG.1000.4 §5.3; Beckhoff ESC datasheet section I, "Frame processing"),
/// so it is not from the master. A master that itself uses a locally administered MAC therefore looks like
/// returning traffic in both directions; tshark draws no such line at all.
/// </remarks>
public sealed class EtherCatFrameSession : IFrameSession
{
    /// <summary>Bit 1 of the first octet in the 48-bit value: the locally administered (U/L) bit.</summary>
    private const ulong LocallyAdministeredBit = 0x0200_0000_0000UL;

    public void OnFrame(ReadOnlySpan<byte> payload, MacAddress source, MacAddress destination, IProtocolEventSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        Decode(payload, (source.Value & LocallyAdministeredBit) == 0, sink);
    }

    /// <summary>Walks one frame and hands each datagram to <paramref name="sink"/>; shared with the UDP session.</summary>
    internal static void Decode(ReadOnlySpan<byte> frame, bool fromMaster, IProtocolEventSink sink)
    {
        var reader = new EtherCatDatagramReader(frame, fromMaster);
        if (reader.HeaderTruncated)
        {
            sink.OnStreamAnomaly(ProtocolId.EtherCat, EtherCatFields.StreamTruncatedFrameHeader);
            return;
        }
        while (reader.TryRead(out var message)) sink.OnEtherCat(in message);
    }

    public void Reset()
    {
    }
}
