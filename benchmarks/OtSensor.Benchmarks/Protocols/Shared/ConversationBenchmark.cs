using System.Globalization;
using BenchmarkDotNet.Attributes;
using OtSensor.Protocols.Registry;

namespace OtSensor.Benchmarks.Protocols.Shared;

/// <summary>
/// Base of the per-decoder benchmarks that replay one conversation of a public capture through a protocol
/// session (<see cref="ConversationReplay"/>). A derived class names the capture, the session and the number of
/// PDUs one replay yields, and declares its <c>[Benchmark]</c> with <c>OperationsPerInvoke</c> equal to that
/// number, so the Mean column reads as nanoseconds per PDU.
/// </summary>
/// <remarks>
/// The setup replays the conversation once and throws unless the session emitted exactly
/// <see cref="PdusPerRound"/> messages, none with an anomaly bit, no stream anomaly, and nothing left unconsumed:
/// a broken input cannot produce a flattering number.
/// </remarks>
public abstract class ConversationBenchmark
{
    private ConversationReplay _replay = null!;

    /// <summary>Messages (PDUs) one replay of the conversation yields; the derived class's <c>OperationsPerInvoke</c>.</summary>
    protected abstract int PdusPerRound { get; }

    [GlobalSetup]
    public void Setup()
    {
        _replay = CreateReplay();
        long messages = _replay.Round();
        var sink = _replay.Sink;
        if (messages != PdusPerRound || sink.MessageAnomalies != 0 || sink.StreamAnomalies != 0 || _replay.Leftover != 0)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"{GetType().Name}: {messages} messages (expected {PdusPerRound}), {sink.MessageAnomalies} with anomalies, {sink.StreamAnomalies} stream anomalies, {_replay.Leftover} bytes left."));
        }
    }

    /// <summary>One replay of the conversation (session reset first); returns the messages emitted.</summary>
    protected long Replay() => _replay.Round();

    /// <summary>
    /// What one replay yields and allocates once warm, measured outside BenchmarkDotNet for the allocation probe
    /// (<c>-- --alloc-probe</c>): messages, messages with anomalies, stream anomalies, bytes left, and the bytes
    /// allocated by the last of <paramref name="rounds"/> replays.
    /// </summary>
    internal (int Expected, long Messages, long MessageAnomalies, long StreamAnomalies, int Leftover, long Allocated) Probe(int rounds = 4)
    {
        var replay = CreateReplay();
        long messages = replay.Round();
        long messageAnomalies = replay.Sink.MessageAnomalies, streamAnomalies = replay.Sink.StreamAnomalies;
        int leftover = replay.Leftover;
        for (int i = 1; i < rounds - 1; i++) replay.Round();
        long before = GC.GetAllocatedBytesForCurrentThread();
        replay.Round();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        return (PdusPerRound, messages, messageAnomalies, streamAnomalies, leftover, allocated);
    }

    /// <summary>Loads the capture conversation and wraps a new session around it.</summary>
    private protected abstract ConversationReplay CreateReplay();

    private protected static ConversationReplay Stream(string family, string file, ushort serverPort, IStreamSession session)
        => new(CaptureConversation.Load(family, file, serverPort, tcp: true), session);

    private protected static ConversationReplay Datagrams(string family, string file, ushort serverPort, IDatagramSession session)
        => new(CaptureConversation.Load(family, file, serverPort, tcp: false), session);
}
