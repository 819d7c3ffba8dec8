using OtSensor.Core.Net;
using OtSensor.Engine;
using OtSensor.TestKit.Synthetic;

namespace OtSensor.Integration.Tests.Engine;

/// <summary>Checksum offload: a capturing host's own packets carry a wrong IPv4 header checksum, every one of them.</summary>
public sealed class ChecksumOffloadTests
{
    [Fact]
    public void ProcessFrame_OneSenderWithEveryChecksumWrong_RecordsItsFirstThreeAndCountsAll()
    {
        var frames = ModbusDemoPlant.Generate(1, 20);
        using var observer = new RecordingObserver();
        using var analyzer = new CaptureAnalyzer(new EngineOptions(), observer);
        int hmiCorrupted = 0, otherCorrupted = 0;
        long n = 0;
        foreach (var (ts, original) in frames)
        {
            var frame = (byte[])original.Clone();
            bool ipv4 = frame.Length >= 34 && frame[12] == 0x08 && frame[13] == 0x00;
            // Ethernet (14) + IPv4: source address at 12..15 of the header, checksum at 10..11.
            bool fromHmi = ipv4 && frame[26] == 10 && frame[27] == 10 && frame[28] == 20 && frame[29] == 10;
            if (fromHmi && hmiCorrupted < 10) { frame[24] ^= 0x5A; hmiCorrupted++; }
            else if (ipv4 && !fromHmi && otherCorrupted < 1) { frame[25] ^= 0x01; otherCorrupted++; }
            analyzer.Pipeline.ProcessFrame(frame, LinkType.Ethernet, ts, ++n);
        }
        analyzer.Pipeline.Complete();
        var summary = new OtSensor.Analysis.Statistics.TrafficSummary();
        analyzer.Pipeline.FillSummary(summary);

        Assert.Equal((10, 1), (hmiCorrupted, otherCorrupted));
        Assert.Equal(11, summary.Anomalies["packet.ipv4_bad_checksum"]);                      // every one counted
        Assert.Equal(3 + 1, observer.AnomalyRecords.Count(r => r == "packet.ipv4_bad_checksum")); // the HMI's first three, the other's one
        Assert.NotEmpty(observer.Pdus);                                                          // and nothing else lost: the frames still decode
    }
}
