using System.Globalization;
using System.Text.Json;
using OtSensor.Capture.Files;
using OtSensor.TestKit;

namespace OtSensor.Capture.Tests.Files;

/// <summary>Every public capture against its tshark / capinfos truth (<c>&lt;file&gt;.tshark.json</c>).</summary>
public sealed class SharedCaptureTests
{
    public static TheoryData<string> PublicCaptures()
    {
        var data = new TheoryData<string>();
        var root = SharedCaptures.PublicRoot;
        if (root is null) return data;
        foreach (var family in Directory.GetDirectories(root).Order(StringComparer.Ordinal))
        {
            foreach (var file in SharedCaptures.Captures(Path.GetFileName(family)))
                data.Add(Path.GetRelativePath(root, file));
        }

        return data;
    }

    [Fact]
    public void PublicCaptures_AreFound()
    {
        Assert.NotNull(SharedCaptures.PublicRoot);
        Assert.True(PublicCaptures().Count > 200);
    }

    [Theory]
    [MemberData(nameof(PublicCaptures))]
    public void TryReadNext_PublicCapture_MatchesTsharkTruth(string relativePath)
    {
        var path = Path.Combine(SharedCaptures.PublicRoot!, relativePath);
        using var truth = JsonDocument.Parse(File.ReadAllBytes(path + ".tshark.json"));
        var capinfos = truth.RootElement.GetProperty("capinfos");
        long expectedCount = truth.RootElement.GetProperty("packet_count").GetInt64();

        using var reader = CaptureFileReader.Open(path);
        long count = 0, first = long.MaxValue, last = long.MinValue;
        while (reader.TryReadNext(out var frame))
        {
            count++;
            first = Math.Min(first, frame.Timestamp.UnixNanoseconds);
            last = Math.Max(last, frame.Timestamp.UnixNanoseconds);
            Assert.Equal(count, frame.FrameNumber);
            Assert.True(frame.Data.Length <= frame.OriginalLength || frame.OriginalLength == 0);
        }

        // capinfos notes files cut inside the last packet; we report the same as a truncated record.
        if (capinfos.TryGetProperty("error", out var capinfosError))
        {
            Assert.Contains("cut short in the middle of a packet", capinfosError.GetString(), StringComparison.Ordinal);
            Assert.StartsWith("truncated record data", reader.Error?.Message, StringComparison.Ordinal);
        }
        else
        {
            Assert.Null(reader.Error);
            Assert.Equal(reader.Length, reader.BytesRead);
        }

        Assert.Equal(expectedCount, count);
        Assert.Equal(capinfos.GetProperty("file_type").GetString(), reader.Format == CaptureFormat.Pcap ? "pcap" : "pcapng");
        if (count > 0)
        {
            Assert.Equal(capinfos.GetProperty("first_packet").GetString(), FormatLikeCapinfos(first, capinfos.GetProperty("first_packet").GetString()!));
            Assert.Equal(capinfos.GetProperty("last_packet").GetString(), FormatLikeCapinfos(last, capinfos.GetProperty("last_packet").GetString()!));
        }
    }

    /// <summary>UTC "yyyy-MM-dd HH:mm:ss" plus as many fraction digits as capinfos printed (6 or 9), truncated.</summary>
    private static string FormatLikeCapinfos(long unixNanoseconds, string sample)
    {
        int digits = sample.Length - sample.LastIndexOf('.') - 1;
        long seconds = Math.DivRem(unixNanoseconds, 1_000_000_000L, out long nanos);
        var time = DateTime.UnixEpoch.AddSeconds(seconds);
        long fraction = nanos;
        for (int i = digits; i < 9; i++) fraction /= 10;
        return time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + "." + fraction.ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0');
    }
}
