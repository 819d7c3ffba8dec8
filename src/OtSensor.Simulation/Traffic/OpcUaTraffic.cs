using OtSensor.Core.Time;
using OtSensor.Simulation.Engine;
using OtSensor.Simulation.Wire;

namespace OtSensor.Simulation.Traffic;

/// <summary>OPC UA conversations built from <see cref="OpcUaClient"/>: endpoint discovery, and a session that reads tags.</summary>
public static class OpcUaTraffic
{
    public const ushort Port = OpcUaClient.Port;

    /// <summary>HEL/ACK, OPN, GetEndpoints, CLO, then TCP close.</summary>
    public static Timestamp DiscoverEndpoints(Simulator sim, TcpConnection tcp, Timestamp at, Random random)
    {
        var client = new OpcUaClient(sim, tcp, random);
        var t = client.GetEndpoints(client.Connect(at).Add(TimeSpan.FromMilliseconds(1)));
        return client.Disconnect(t.Add(TimeSpan.FromMilliseconds(1)));
    }

    /// <summary>
    /// A trend client's session: connect, CreateSession, ActivateSession (anonymous), then one Read of
    /// <paramref name="tags"/> every <paramref name="period"/> <paramref name="reads"/> times, CloseSession, CLO.
    /// </summary>
    public static void ReadingSession(Simulator sim, TcpConnection tcp, Timestamp at, IReadOnlyList<(string Tag, double Nominal)> tags, int reads, TimeSpan period, Random random)
    {
        ArgumentNullException.ThrowIfNull(sim);
        ArgumentNullException.ThrowIfNull(tags);
        ArgumentNullException.ThrowIfNull(random);
        var client = new OpcUaClient(sim, tcp, random);
        var t = client.Connect(at);
        t = client.CreateSession(t.Add(TimeSpan.FromMilliseconds(1)), $"{tcp.Client.Name} trend session");
        t = client.ActivateSession(t.Add(TimeSpan.FromMilliseconds(1)));
        var next = t.Add(TimeSpan.FromMilliseconds(100));
        for (int i = 0; i < reads; i++)
        {
            var when = next;
            sim.At(when, () =>
            {
                var values = new (string, double)[tags.Count];
                for (int k = 0; k < tags.Count; k++) values[k] = (tags[k].Tag, tags[k].Nominal * (1 + ((random.NextDouble() - 0.5) * 0.04)));
                client.Read(sim.Now, values);
            });
            next = next.Add(period);
        }
        sim.At(next, () => client.Disconnect(client.CloseSession(sim.Now).Add(TimeSpan.FromMilliseconds(1))));
    }
}
