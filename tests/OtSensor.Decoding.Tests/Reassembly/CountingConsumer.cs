using OtSensor.Core.Parsing;
using OtSensor.Decoding.Reassembly;

namespace OtSensor.Decoding.Tests.Reassembly;

/// <summary>Allocation-free consumer for the steady-state allocation tests: counts, consumes all.</summary>
internal sealed class CountingConsumer : ITcpStreamConsumer
{
    public long Bytes;
    public long Gaps;

    public int OnData(ReadOnlySpan<byte> data, Direction direction)
    {
        Bytes += data.Length;
        return data.Length;
    }

    public void OnGap(Direction direction, long missingBytes) => Gaps++;
}
