using System.Buffers.Binary;
using OtSensor.Capture.Files;
using OtSensor.Core.Net;
using OtSensor.Core.Time;
using OtSensor.Simulation;
using OtSensor.Simulation.Scenarios;
using OtSensor.TestKit.Synthetic;

namespace OtSensor.Throughput;

/// <summary>
/// Builds the large captures the end-to-end throughput figures are measured on, as classic little-endian
/// microsecond pcap with Ethernet frames, streamed to disk (constant memory):
/// <list type="bullet">
/// <item><c>modbus</c>: the demo Modbus/TCP plant, one 60-second tile after another, each tile with its own
/// seed, time and client ports (new connections every tile, as a plant reconnecting would).</item>
/// <item><c>public</c>: every Ethernet frame of the real captures in shared/pcaps/public, file after file, each
/// in its own two-hour slot of capture time, the whole set repeated until the size is reached.</item>
/// <item><c>plant</c>: the simulator's baseline plant, every protocol of a mixed site, as pcapng.</item>
/// </list>
/// </summary>
internal static class LargeCaptureBuilder
{
    public readonly record struct Stats(long Bytes, long Frames, long Tiles);

    private const long SlotNanoseconds = 3_600L * 1_000_000_000L;

    public static Stats BuildModbus(string path, long targetBytes)
    {
        using var writer = new PcapStreamWriter(path);
        long tiles = 0;
        var start = ModbusDemoPlant.Start;
        while (writer.Bytes < targetBytes)
        {
            var frames = ModbusDemoPlant.Generate((int)(tiles + 1), 60, start, (int)(tiles % 64) * 16);
            foreach (var (ts, data) in frames) writer.Write(ts, data);
            start = start.Add(TimeSpan.FromSeconds(62));
            tiles++;
        }
        return new Stats(writer.Bytes, writer.Frames, tiles);
    }

    /// <summary>
    /// The simulator's baseline plant (Modbus, S7, DNP3, IEC 104, EtherNet/IP, BACnet, OPC UA, MMS, GOOSE, PROFINET and
    /// the IT chatter around them, 25 devices) run for as long as it takes to fill <paramref name="targetBytes"/>
    /// (about 9 kB of pcapng per second of plant time): one continuous, clean plant, with no clock jumps.
    /// </summary>
    public static Stats BuildPlant(string path, long targetBytes)
    {
        const double BytesPerSecond = 9_000;
        var duration = TimeSpan.FromSeconds(Math.Max(60, targetBytes / BytesPerSecond));
        using var file = File.Create(path);
        var result = SimulationRunner.Run(ScenarioCatalog.Find("baseline")!, duration, seed: 1, file);
        return new Stats(result.Bytes, result.Frames, 1);
    }

    public static Stats BuildFromPublic(string path, long targetBytes, string publicRoot)
    {
        var files = Directory.EnumerateFiles(publicRoot, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".json", StringComparison.Ordinal) && !f.EndsWith(".tsv", StringComparison.Ordinal) && !f.EndsWith(".md", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToArray();
        if (files.Length == 0) throw new DirectoryNotFoundException($"no captures under {publicRoot}");
        using var writer = new PcapStreamWriter(path);
        long passes = 0;
        var clock = Timestamp.FromDateTime(new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        while (writer.Bytes < targetBytes)
        {
            foreach (var file in files)
            {
                if (!CaptureFileReader.TryOpen(file, out var reader, out _)) continue;
                using (reader)
                {
                    Timestamp? first = null;
                    while (reader!.TryReadNext(out var frame))
                    {
                        if (frame.LinkType != LinkType.Ethernet) continue;
                        first ??= frame.Timestamp;
                        // Keep each file's own timing inside a one-hour slot (a few public captures carry absurd
                        // timestamps decades apart), so time only moves forward and stays within pcap's 32-bit seconds.
                        long offset = Math.Clamp(frame.Timestamp.UnixNanoseconds - first.Value.UnixNanoseconds, 0, SlotNanoseconds);
                        writer.Write(new Timestamp(clock.UnixNanoseconds + offset), frame.Data);
                    }
                }
                // Two hours per file: flows of one file expire before the next file begins.
                clock = clock.Add(TimeSpan.FromHours(2));
            }
            passes++;
        }
        return new Stats(writer.Bytes, writer.Frames, passes);
    }

    /// <summary>Streams records to a classic pcap file through one large buffer.</summary>
    private sealed class PcapStreamWriter : IDisposable
    {
        private readonly FileStream _stream;
        private readonly byte[] _header = new byte[16];

        public PcapStreamWriter(string path)
        {
            _stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 20);
            Span<byte> global = stackalloc byte[24];
            BinaryPrimitives.WriteUInt32LittleEndian(global, 0xA1B2C3D4);
            BinaryPrimitives.WriteUInt16LittleEndian(global[4..], 2);
            BinaryPrimitives.WriteUInt16LittleEndian(global[6..], 4);
            BinaryPrimitives.WriteUInt32LittleEndian(global[16..], 262144);
            BinaryPrimitives.WriteUInt32LittleEndian(global[20..], (uint)LinkType.Ethernet);
            _stream.Write(global);
            Bytes = 24;
        }

        public long Bytes { get; private set; }
        public long Frames { get; private set; }

        public void Write(Timestamp ts, ReadOnlySpan<byte> data)
        {
            long micros = ts.UnixNanoseconds / 1000;
            BinaryPrimitives.WriteUInt32LittleEndian(_header, (uint)(micros / 1_000_000));
            BinaryPrimitives.WriteUInt32LittleEndian(_header.AsSpan(4), (uint)(micros % 1_000_000));
            BinaryPrimitives.WriteUInt32LittleEndian(_header.AsSpan(8), (uint)data.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(_header.AsSpan(12), (uint)data.Length);
            _stream.Write(_header);
            _stream.Write(data);
            Bytes += 16 + data.Length;
            Frames++;
        }

        public void Dispose() => _stream.Dispose();
    }
}
