using OtSensor.Core.Time;

namespace OtSensor.Core.Tests;

public sealed class TimestampTests
{
    [Theory]
    [InlineData(0L, "1970-01-01T00:00:00.000000Z")]
    [InlineData(1_352_718_180_264_365_000L, "2012-11-12T11:03:00.264365Z")]
    [InlineData(1_352_718_180_264_365_999L, "2012-11-12T11:03:00.264365Z")] // nanoseconds are cut, not rounded
    [InlineData(1_352_718_181_000_001_000L, "2012-11-12T11:03:01.000001Z")]
    [InlineData(-1_000L, "1969-12-31T23:59:59.999999Z")]
    [InlineData(4_102_444_799_999_999_000L, "2099-12-31T23:59:59.999999Z")]
    public void FormatRfc3339Utf8_WritesMicrosecondUtc(long nanoseconds, string expected)
        => Assert.Equal(expected, new Timestamp(nanoseconds).ToString());

    [Fact]
    public void FormatRfc3339Utf8_ConsecutiveSecondsAndBack_UsesTheRightPrefix()
    {
        var a = new Timestamp(1_000_000_000_000_000_000L);
        var b = new Timestamp(1_000_000_001_500_000_000L);
        Assert.Equal("2001-09-09T01:46:40.000000Z", a.ToString());
        Assert.Equal("2001-09-09T01:46:41.500000Z", b.ToString());
        Assert.Equal("2001-09-09T01:46:40.000000Z", a.ToString());
    }

    [Fact]
    public void UnixMilliseconds_FloorsNegativeTimes()
    {
        Assert.Equal(-1, new Timestamp(-1).UnixMilliseconds);
        Assert.Equal(1, new Timestamp(1_999_999).UnixMilliseconds);
    }
}
