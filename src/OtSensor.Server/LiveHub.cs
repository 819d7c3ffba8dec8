using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace OtSensor.Server;

/// <summary>
/// Fans server-sent events out to every open <c>/api/console/live</c> stream. Each subscriber has a small bounded queue
/// that drops its oldest message when full, so a slow browser never holds up a replay.
/// </summary>
internal sealed class LiveHub
{
    private readonly Lock _lock = new();
    private readonly List<Channel<string>> _subscribers = [];

    public ChannelReader<string> Subscribe(out Action unsubscribe)
    {
        var channel = Channel.CreateBounded<string>(new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        lock (_lock) _subscribers.Add(channel);
        unsubscribe = () =>
        {
            lock (_lock) _subscribers.Remove(channel);
            channel.Writer.TryComplete();
        };
        return channel.Reader;
    }

    public int Subscribers
    {
        get { lock (_lock) return _subscribers.Count; }
    }

    /// <summary>Sends one event (<c>event: name</c>, <c>data: json</c>) to every subscriber.</summary>
    public void Publish(string name, Action<Utf8JsonWriter> data)
    {
        Channel<string>[] targets;
        lock (_lock)
        {
            if (_subscribers.Count == 0) return;
            targets = [.. _subscribers];
        }
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, HttpJson.Options)) data(w);
        var message = "event: " + name + "\ndata: " + Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length) + "\n\n";
        foreach (var t in targets) t.Writer.TryWrite(message);
    }
}
