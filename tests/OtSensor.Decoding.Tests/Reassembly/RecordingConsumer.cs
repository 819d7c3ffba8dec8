using OtSensor.Core.Parsing;
using OtSensor.Decoding.Reassembly;

namespace OtSensor.Decoding.Tests.Reassembly;

/// <summary>Consumes everything it is offered and keeps a copy per direction, plus every gap.</summary>
internal sealed class RecordingConsumer : ITcpStreamConsumer
{
    public List<byte> ToServer { get; } = [];
    public List<byte> ToClient { get; } = [];
    public List<(Direction Direction, long Missing)> Gaps { get; } = [];
    public int Calls { get; private set; }

    public byte[] Stream(Direction direction) => [.. direction == Direction.ToServer ? ToServer : ToClient];

    public int OnData(ReadOnlySpan<byte> data, Direction direction)
    {
        Calls++;
        (direction == Direction.ToServer ? ToServer : ToClient).AddRange(data);
        return data.Length;
    }

    public void OnGap(Direction direction, long missingBytes) => Gaps.Add((direction, missingBytes));
}
