using OtSensor.Capture.Files;
using OtSensor.Core.Net;
using OtSensor.Core.Time;

namespace OtSensor.Capture.Tests.Files;

/// <summary>A copy of one <see cref="CaptureFrame"/> that outlives the reader's buffer.</summary>
internal sealed record ReadFrame(Timestamp Timestamp, LinkType LinkType, ushort RawLinkType, int InterfaceIndex, int OriginalLength, byte[] Data, long FrameNumber, long FileOffset);

/// <summary>Everything a full walk of one file produced.</summary>
internal sealed record ReadResult(CaptureFormat Format, List<ReadFrame> Frames, CaptureReadError? Error, long BytesRead, long Length, long FramesRead);

/// <summary>Temp folder per test plus helpers to write bytes and read them back.</summary>
internal sealed class CaptureTestFiles : IDisposable
{
    public CaptureTestFiles()
    {
        Folder = Path.Combine(Path.GetTempPath(), "otsensor-capture-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    public string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public string Write(string name, Action<Stream> writer)
    {
        var path = Path.Combine(Folder, name);
        using (var stream = File.Create(path)) writer(stream);
        return path;
    }

    public ReadResult ReadAll(byte[] bytes, CaptureReaderOptions? options = null)
        => ReadAll(Write(Guid.NewGuid().ToString("N") + ".cap", bytes), options);

    public static ReadResult ReadAll(string path, CaptureReaderOptions? options = null)
    {
        using var reader = CaptureFileReader.Open(path, options);
        var frames = new List<ReadFrame>();
        while (reader.TryReadNext(out var frame))
        {
            frames.Add(new ReadFrame(frame.Timestamp, frame.LinkType, frame.RawLinkType, frame.InterfaceIndex, frame.OriginalLength, frame.Data.ToArray(), frame.FrameNumber, frame.FileOffset));
        }

        // Reading past the end stays false and keeps the first error.
        Assert.False(reader.TryReadNext(out _));
        return new ReadResult(reader.Format, frames, reader.Error, reader.BytesRead, reader.Length, reader.FramesRead);
    }

    /// <summary>Frames of assorted lengths (0, 1, 60, 1514, 9000 …) with distinct contents and µs-aligned times.</summary>
    public static List<(Timestamp ts, byte[] data)> SampleFrames(int count = 8, long nanosecondStep = 1_000)
    {
        int[] lengths = [60, 0, 1, 1514, 42, 9000, 64, 3];
        var frames = new List<(Timestamp, byte[])>();
        var start = Timestamp.FromSeconds(1_352_718_180, 264_365_000);   // 2012-11-12T11:03:00.264365Z
        for (int i = 0; i < count; i++)
        {
            var data = new byte[lengths[i % lengths.Length]];
            for (int j = 0; j < data.Length; j++) data[j] = (byte)((i * 31) + j);
            frames.Add((new Timestamp(start.UnixNanoseconds + (i * nanosecondStep * 1_234)), data));
        }

        return frames;
    }

    public static void AssertSameFrames(IReadOnlyList<(Timestamp ts, byte[] data)> expected, IReadOnlyList<ReadFrame> actual, LinkType linkType)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].ts, actual[i].Timestamp);
            Assert.Equal(expected[i].data, actual[i].Data);
            Assert.Equal(expected[i].data.Length, actual[i].OriginalLength);
            Assert.Equal(linkType, actual[i].LinkType);
            Assert.Equal(i + 1, actual[i].FrameNumber);
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
