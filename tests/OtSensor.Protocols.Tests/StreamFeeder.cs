using OtSensor.Core.Parsing;
using OtSensor.Protocols.Registry;

namespace OtSensor.Protocols.Tests;

/// <summary>
/// Emulates the TCP reassembler in front of an <see cref="IStreamSession"/>: bytes the session did not
/// consume are kept and offered again, prefixed, with the next segment. Checks the StreamResult contract.
/// </summary>
public sealed class StreamFeeder(IStreamSession session, IProtocolEventSink sink)
{
    private byte[] _pendingToServer = [];
    private byte[] _pendingToClient = [];

    public StreamStatus LastStatus { get; private set; } = StreamStatus.Ok;

    public bool Disabled { get; private set; }

    public void Feed(Direction direction, IEnumerable<byte[]> segments)
    {
        foreach (var segment in segments) Feed(direction, segment);
    }

    public void Feed(Direction direction, ReadOnlySpan<byte> segment)
    {
        if (Disabled) return;
        ref byte[] pending = ref direction == Direction.ToServer ? ref _pendingToServer : ref _pendingToClient;
        byte[] buffer = [.. pending, .. segment];
        var result = session.OnData(buffer, direction, sink);
        if (result.Consumed < 0 || result.Consumed > buffer.Length)
            throw new InvalidOperationException($"Consumed {result.Consumed} of {buffer.Length}.");
        if (result.Status == StreamStatus.Incomplete && result.Needed <= buffer.Length - result.Consumed)
            throw new InvalidOperationException($"Incomplete needs {result.Needed} but {buffer.Length - result.Consumed} were offered.");
        LastStatus = result.Status;
        if (result.Status == StreamStatus.Error)
        {
            Disabled = true;
            pending = [];
            return;
        }
        pending = buffer[result.Consumed..];
    }

    public int PendingBytes(Direction direction) => direction == Direction.ToServer ? _pendingToServer.Length : _pendingToClient.Length;
}
