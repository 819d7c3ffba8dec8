using System.Buffers;
using OtSensor.Core.Parsing;

namespace OtSensor.Protocols.Dnp3;

/// <summary>Recognises DNP3 by content: a link header with its start octets and a matching header CRC.</summary>
/// <remarks>
/// IEEE 1815-2012 §9.2.4.1.3: 0x05 0x64, LENGTH ≥ 5 and the CRC over the first eight octets. Start octets and
/// CRC together leave a random stream one chance in 2^32 per offset, so one valid header is enough; the probe
/// is used on every new TCP and UDP flow on any port, and by the session to resynchronise.
/// </remarks>
public static class Dnp3Probe
{
    public static ProbeResult Recognize(ReadOnlySpan<byte> data, Direction direction)
    {
        _ = direction;
        return Dnp3LinkFramer.TryGetFrameLength(data, out int frameLength) switch
        {
            OperationStatus.Done => ProbeResult.Recognized,
            OperationStatus.NeedMoreData when frameLength > Dnp3Constants.LinkHeaderLength => ProbeResult.Recognized,
            OperationStatus.NeedMoreData => ProbeResult.Incomplete,
            _ => ProbeResult.Unrecognized,
        };
    }
}
