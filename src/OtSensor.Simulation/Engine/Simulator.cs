using OtSensor.Core.Time;
using OtSensor.Simulation.Manifest;
using OtSensor.Simulation.Output;

namespace OtSensor.Simulation.Engine;

/// <summary>
/// A discrete-event simulator: an agenda of actions ordered by time (ties by scheduling order), and an output queue
/// that releases frames in timestamp order once no action can still produce an earlier one. Actions only emit frames
/// at or after the current time, so every frame at or before <see cref="Now"/> is final. Deterministic: no clock,
/// no threads, ties broken by a sequence number.
/// </summary>
public sealed class Simulator(PcapNgStreamWriter writer, ScenarioManifest manifest)
{
    private readonly PriorityQueue<Action, (long Time, long Sequence)> _agenda = new();
    private readonly PriorityQueue<byte[], (long Time, long Sequence)> _frames = new();
    private long _sequence;

    public Timestamp Now { get; private set; }
    public ScenarioManifest Manifest { get; } = manifest;
    public long FramesWritten => writer.Frames;

    /// <summary>Runs <paramref name="action"/> at <paramref name="time"/> (at once if that is already past).</summary>
    public void At(Timestamp time, Action action)
    {
        if (time < Now) time = Now;
        _agenda.Enqueue(action, (time.UnixNanoseconds, _sequence++));
    }

    /// <summary>Queues a frame for <paramref name="time"/> (never before <see cref="Now"/>).</summary>
    public void Emit(Timestamp time, byte[] frame)
    {
        if (time < Now) time = Now;
        _frames.Enqueue(frame, (time.UnixNanoseconds, _sequence++));
    }

    /// <summary>Runs every action due up to <paramref name="end"/>, then writes every frame still queued.</summary>
    public void Run(Timestamp start, Timestamp end)
    {
        Now = start;
        while (_agenda.TryPeek(out _, out var due) && due.Time <= end.UnixNanoseconds)
        {
            var action = _agenda.Dequeue();
            Now = new Timestamp(due.Time);
            Release(due.Time);
            action();
        }
        Release(long.MaxValue);
    }

    private void Release(long upTo)
    {
        while (_frames.TryPeek(out var frame, out var key) && key.Time <= upTo)
        {
            _frames.Dequeue();
            writer.WriteFrame(new Timestamp(key.Time), frame);
        }
    }
}
