using OtSensor.Core.Net;
using OtSensor.Core.Time;
using OtSensor.Engine;
using OtSensor.TestKit.Synthetic;

namespace OtSensor.Integration.Tests.Engine;

/// <summary>
/// Malformed packets become anomaly records, never exceptions that stop a capture: the whole pipeline is fed
/// mutated and random frames of every link type it knows (seeded, so a failure reproduces).
/// </summary>
public sealed class MalformedFramesTests
{
    private static readonly LinkType[] LinkTypes =
        [LinkType.Ethernet, LinkType.Null, LinkType.Loop, LinkType.Raw, LinkType.IPv4, LinkType.IPv6, LinkType.LinuxSll, LinkType.LinuxSll2, LinkType.Unknown];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void ProcessFrame_MutatedRealFrames_NeverThrowsAndRecordsAnomalies(int seed)
    {
        var random = new Random(seed);
        var frames = ModbusDemoPlant.Generate(seed, 20);
        using var observer = new RecordingObserver();
        using var analyzer = new CaptureAnalyzer(new EngineOptions(), observer);
        long n = 0;
        foreach (var (ts, original) in frames)
        {
            var frame = (byte[])original.Clone();
            switch (random.Next(4))
            {
                case 0: // flip a few bits anywhere, headers included
                    for (int i = random.Next(1, 4); i > 0; i--) frame[random.Next(frame.Length)] ^= (byte)(1 << random.Next(8));
                    break;
                case 1: // cut the frame short
                    frame = frame[..random.Next(frame.Length)];
                    break;
                case 2: // overwrite a random run with random bytes
                    int start = random.Next(frame.Length), length = random.Next(frame.Length - start);
                    random.NextBytes(frame.AsSpan(start, length));
                    break;
            }
            analyzer.Pipeline.ProcessFrame(frame, LinkType.Ethernet, ts, ++n);
        }
        analyzer.Pipeline.Complete();

        Assert.NotEmpty(observer.AnomalyRecords);
        Assert.NotEmpty(observer.Pdus); // the untouched quarter still decodes
    }

    [Fact]
    public void ProcessFrame_RandomBytesOfEveryLinkType_NeverThrows()
    {
        var random = new Random(7);
        using var observer = new RecordingObserver();
        using var analyzer = new CaptureAnalyzer(new EngineOptions(), observer);
        var t = Timestamp.FromDateTime(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        for (int i = 0; i < 20_000; i++)
        {
            var frame = new byte[random.Next(0, 200)];
            random.NextBytes(frame);
            analyzer.Pipeline.ProcessFrame(frame, LinkTypes[i % LinkTypes.Length], t.Add(TimeSpan.FromMilliseconds(i)), i + 1);
        }
        analyzer.Pipeline.Complete();
        Assert.Equal(20_000, analyzer.Pipeline.Frames);
        Assert.NotEmpty(observer.AnomalyRecords);
    }
}
