using System.Buffers.Binary;
using OtSensor.Core.Parsing;
using OtSensor.Decoding.Reassembly;

namespace OtSensor.Decoding.Tests.Reassembly;

/// <summary>
/// A framed-protocol stand-in: consumes only whole records (2-byte big-endian length + body) and leaves any
/// partial record for the reassembler to offer again, exactly as a protocol session does.
/// </summary>
internal sealed class LengthPrefixedRecordConsumer : ITcpStreamConsumer
{
    public List<byte[]> Records { get; } = [];
    public List<long> Gaps { get; } = [];

    public int OnData(ReadOnlySpan<byte> data, Direction direction)
    {
        int consumed = 0;
        while (data.Length - consumed >= 2)
        {
            int length = BinaryPrimitives.ReadUInt16BigEndian(data[consumed..]);
            if (2 + length > data.Length - consumed)
                break;
            Records.Add(data.Slice(consumed + 2, length).ToArray());
            consumed += 2 + length;
        }
        return consumed;
    }

    public void OnGap(Direction direction, long missingBytes) => Gaps.Add(missingBytes);
}
