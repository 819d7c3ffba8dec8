using System.Buffers.Binary;
using OtSensor.Analysis.Detection;
using OtSensor.Capture.Files;

namespace OtSensor.Engine.Evidence;

/// <summary>
/// Writes <c>alerts/&lt;id&gt;.pcap</c>: each alert's evidence frames, cut from the run's captures after the run.
/// </summary>
/// <remarks>
/// Detection records only frame references (<see cref="FrameRef"/>: input index and frame number) so the hot path
/// copies no bytes; here each input that holds evidence is read once more, jumping from seek point to seek point
/// (<see cref="CaptureSeekIndex"/>, kept by the run) to just before each wanted frame, and the wanted frames are kept
/// in memory per alert (bounded by <see cref="MaxBytes"/>) and written as classic pcap files
/// (one link type per file: the first evidence frame's; frames of another link type are left out).
/// </remarks>
public static class AlertPcapWriter
{
    /// <summary>Frame bytes kept for all alert PCAPs of one run; evidence beyond it is left out.</summary>
    public const long MaxBytes = 64L << 20;

    /// <summary>
    /// Alert PCAP files per run: a capture that raises thousands of alerts (unrelated captures replayed together) would
    /// otherwise spend seconds creating files. The most severe alerts get theirs first; the others keep their evidence
    /// frame numbers in alerts.json.
    /// </summary>
    public const int DefaultMaxFiles = 250;

    /// <summary>Writes one pcap per alert with evidence into <paramref name="folder"/>; returns the ids of the alerts that got one.</summary>
    /// <param name="seekIndexes">Seek points of each input from the run (<see cref="CaptureAnalyzer.SeekIndexes"/>): with them the
    /// second pass jumps near each wanted frame instead of reading every frame before it.</param>
    public static HashSet<int> Write(string folder, IReadOnlyList<string> inputs, IReadOnlyList<Alert> alerts, int maxFiles = DefaultMaxFiles,
        IReadOnlyList<CaptureSeekIndex>? seekIndexes = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(alerts);
        var chosen = alerts.Where(a => a.EvidenceCount > 0).OrderByDescending(a => a.Type.Severity).ThenBy(a => a.Id).Take(maxFiles);
        // Per input, the wanted frame numbers in ascending order with the alerts that want each.
        var wanted = new SortedDictionary<long, List<int>>?[inputs.Count];
        foreach (var alert in chosen)
            foreach (var frame in alert.Evidence)
            {
                if ((uint)frame.Input >= (uint)inputs.Count) continue;
                var frames = wanted[frame.Input] ??= [];
                if (!frames.TryGetValue(frame.Frame, out var ids)) frames[frame.Frame] = ids = [];
                if (ids.Count == 0 || ids[^1] != alert.Id) ids.Add(alert.Id);
            }
        var captured = new Dictionary<int, List<(ushort LinkType, long Seconds, int Micros, int OriginalLength, byte[] Data)>>();
        long kept = 0;
        for (int input = 0; input < inputs.Count; input++)
        {
            if (wanted[input] is not { Count: > 0 } frames || !CaptureFileReader.TryOpen(inputs[input], out var reader, out _)) continue;
            var index = seekIndexes is not null && input < seekIndexes.Count ? seekIndexes[input] : null;
            using (reader)
            {
                foreach (var (number, ids) in frames)
                {
                    if (index is not null && index.TryFind(number, out var point)) reader!.TrySeek(point);
                    CaptureFrame frame;
                    bool found;
                    while ((found = reader!.TryReadNext(out frame)) && frame.FrameNumber < number) { }
                    if (!found) break;
                    if (frame.FrameNumber != number || kept + frame.Data.Length > MaxBytes) continue;
                    kept += frame.Data.Length;
                    var data = frame.Data.ToArray();
                    long seconds = Math.DivRem(frame.Timestamp.UnixNanoseconds, 1_000_000_000L, out long rest);
                    foreach (int id in ids)
                    {
                        if (!captured.TryGetValue(id, out var list)) captured[id] = list = [];
                        list.Add((frame.RawLinkType, seconds, (int)(rest / 1000), frame.OriginalLength, data));
                    }
                }
            }
        }
        if (captured.Count == 0) return [];
        Directory.CreateDirectory(folder);
        foreach (var (id, frames) in captured)
        {
            using var stream = new FileStream(Path.Combine(folder, id.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".pcap"), FileMode.Create, FileAccess.Write);
            WriteFile(stream, frames);
        }
        return [.. captured.Keys];
    }

    /// <summary>Classic pcap (microsecond timestamps, little-endian): a 24-byte header, then a 16-byte header per frame.</summary>
    private static void WriteFile(Stream stream, List<(ushort LinkType, long Seconds, int Micros, int OriginalLength, byte[] Data)> frames)
    {
        Span<byte> header = stackalloc byte[24];
        BinaryPrimitives.WriteUInt32LittleEndian(header, 0xA1B2C3D4);
        BinaryPrimitives.WriteUInt16LittleEndian(header[4..], 2);
        BinaryPrimitives.WriteUInt16LittleEndian(header[6..], 4);
        BinaryPrimitives.WriteInt32LittleEndian(header[8..], 0);
        BinaryPrimitives.WriteUInt32LittleEndian(header[12..], 0);
        BinaryPrimitives.WriteUInt32LittleEndian(header[16..], 262_144);
        ushort linkType = frames[0].LinkType;
        BinaryPrimitives.WriteUInt32LittleEndian(header[20..], linkType);
        stream.Write(header);
        Span<byte> record = stackalloc byte[16];
        foreach (var f in frames)
        {
            if (f.LinkType != linkType) continue;
            BinaryPrimitives.WriteUInt32LittleEndian(record, (uint)f.Seconds);
            BinaryPrimitives.WriteUInt32LittleEndian(record[4..], (uint)f.Micros);
            BinaryPrimitives.WriteUInt32LittleEndian(record[8..], (uint)f.Data.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(record[12..], (uint)Math.Max(f.OriginalLength, f.Data.Length));
            stream.Write(record);
            stream.Write(f.Data);
        }
    }
}
