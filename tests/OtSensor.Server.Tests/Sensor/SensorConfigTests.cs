using Microsoft.Extensions.Logging;
using OtSensor.Server.Sensor;

namespace OtSensor.Server.Tests.Sensor;

/// <summary>The sensor's configuration file: defaults, every key read, sizes, durations, and which changes need a restart.</summary>
public sealed class SensorConfigTests
{
    [Fact]
    public void Parse_OnlyInterfaces_DefaultsThatDoNotDrop()
    {
        var config = SensorConfig.Parse("""{"interfaces": ["eth1"]}""", "sensor.json");
        Assert.Equal(["eth1"], config.Interfaces);
        Assert.Null(config.Filter);
        Assert.Equal(65_535, config.SnapLength);
        Assert.Equal(64 << 20, config.BufferBytes);
        Assert.Equal(64 << 20, config.QueueBytes);
        Assert.True(config.Promiscuous);
        Assert.Equal("/var/lib/otsensor", config.Store);
        Assert.Equal(["https://0.0.0.0:8443"], config.Urls);
        Assert.False(config.PlainHttp);
        Assert.Equal(TimeSpan.FromMinutes(10), config.LearningWindow);
        Assert.Equal(TimeSpan.FromSeconds(1), config.SnapshotInterval);
        Assert.Equal(LogLevel.Information, config.LogLevel);
        Assert.Null(config.Forwarding);
    }

    [Fact]
    public void Parse_EveryKey_ReadWithCommentsAndTrailingCommas()
    {
        var config = SensorConfig.Parse("""
            {
              // the span port
              "interfaces": ["eth1", "eth2"], "filter": "not port 22", "snaplen": 1514, "bufferMb": 0.5, "queueMb": 16,
              "promiscuous": false, "store": "/srv/otsensor", "urls": ["http://127.0.0.1:8080"], "http": true,
              "learning": "2h", "snapshotSeconds": 5, "logLevel": "warning", "sensorName": "plant-a-1",
              "forwarding": {"targets": [{"type": "syslog", "url": "udp://10.0.0.9:514"}]},
            }
            """, "sensor.json");
        Assert.Equal(["eth1", "eth2"], config.Interfaces);
        Assert.Equal("not port 22", config.Filter);
        Assert.Equal(1514, config.SnapLength);
        Assert.Equal(512 << 10, config.BufferBytes);
        Assert.Equal(16 << 20, config.QueueBytes);
        Assert.False(config.Promiscuous);
        Assert.Equal("/srv/otsensor", config.Store);
        Assert.True(config.PlainHttp);
        Assert.Equal(TimeSpan.FromHours(2), config.LearningWindow);
        Assert.Equal(TimeSpan.FromSeconds(5), config.SnapshotInterval);
        Assert.Equal(LogLevel.Warning, config.LogLevel);
        Assert.Equal("plant-a-1", config.SensorName);
        Assert.Equal("udp://10.0.0.9:514", config.Forwarding!.Value.GetProperty("targets")[0].GetProperty("url").GetString());
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("90", 90)]
    [InlineData("\"90s\"", 90)]
    [InlineData("\"1.5m\"", 90)]
    [InlineData("\"7d\"", 604_800)]
    [InlineData("\"0\"", 0)]
    public void Parse_Learning_SecondsOrText(string value, int seconds)
        => Assert.Equal(TimeSpan.FromSeconds(seconds), SensorConfig.Parse($$"""{"interfaces": ["eth1"], "learning": {{value}}}""", "s.json").LearningWindow);

    [Theory]
    [InlineData("""{"interfaces": ["eth1"], "snapshotSeconds": 0}""", "s.json: 'snapshotSeconds': must be an integer from 1 to 3600")]
    [InlineData("""{"interfaces": ["eth1"], "bufferMb": 0.01}""", "s.json: 'bufferMb': must be a number of MiB from 0.0625 to 1024")]
    [InlineData("""{"interfaces": ["eth1"], "bufferMb": 2048}""", "s.json: 'bufferMb': must be a number of MiB from 0.0625 to 1024")]
    [InlineData("""{"interfaces": ["eth1", ""]}""", "s.json: 'interfaces': must be an array of non-empty strings")]
    [InlineData("""{"interfaces": ["eth1"], "urls": []}""", "s.json: 'urls': must list at least one listen URL, e.g. [\"https://0.0.0.0:8443\"]")]
    [InlineData("""{"interfaces": ["eth1"], "learning": -5}""", "s.json: 'learning': must be a duration such as \"90s\", \"10m\", \"2h\", \"7d\" or 0 (off)")]
    [InlineData("""{"interfaces": "eth1"}""", "s.json: 'interfaces': must be an array of strings")]
    public void Parse_WrongValue_OneLineNamingTheKey(string json, string message)
        => Assert.Equal(message, Assert.Throws<SensorConfigException>(() => SensorConfig.Parse(json, "s.json")).Message);

    [Fact]
    public void Parse_Ring_DefaultsOffOrSized()
    {
        var defaults = SensorConfig.Parse("""{"interfaces": ["eth1"]}""", "s.json").Ring!;
        Assert.Equal(("ring", 32L << 20, 32, 1L << 30), (defaults.Directory, defaults.SegmentBytes, defaults.Segments, defaults.MaxBytes));
        Assert.Null(SensorConfig.Parse("""{"interfaces": ["eth1"], "ring": false}""", "s.json").Ring);
        var sized = SensorConfig.Parse("""{"interfaces": ["eth1"], "ring": {"directory": "/data/ring", "segmentMb": 64, "segments": 100}}""", "s.json").Ring!;
        Assert.Equal(("/data/ring", 64L << 20, 100, 6400L << 20), (sized.Directory, sized.SegmentBytes, sized.Segments, sized.MaxBytes));
    }

    [Theory]
    [InlineData("""{"interfaces": ["eth1"], "ring": {"segments": 1}}""", "s.json: 'ring.segments': must be an integer from 2 to 4096")]
    [InlineData("""{"interfaces": ["eth1"], "ring": {"segmentMb": 2048}}""", "s.json: 'ring.segmentMb': must be an integer from 1 to 1024")]
    [InlineData("""{"interfaces": ["eth1"], "ring": {"directory": 5}}""", "s.json: 'ring.directory': must be a string")]
    [InlineData("""{"interfaces": ["eth1"], "ring": 5}""", "s.json: 'ring': must be false (off) or an object with directory, segmentMb, segments")]
    public void Parse_WrongRing_OneLineNamingTheKey(string json, string message)
        => Assert.Equal(message, Assert.Throws<SensorConfigException>(() => SensorConfig.Parse(json, "s.json")).Message);

    [Fact]
    public void NeedsRestart_LiveKeysApplyOthersAreNamed()
    {
        var running = SensorConfig.Parse("""{"interfaces": ["eth1"], "learning": "10m", "logLevel": "Information"}""", "s.json");
        var live = SensorConfig.Parse("""{"interfaces": ["eth1"], "learning": "1h", "logLevel": "Debug", "forwarding": {"targets": []}}""", "s.json");
        Assert.Empty(running.NeedsRestart(live));
        var other = SensorConfig.Parse("""{"interfaces": ["eth2"], "snaplen": 1500, "urls": ["https://0.0.0.0:443"], "store": "/srv/x", "ring": false}""", "s.json");
        Assert.Equal(["interfaces", "snaplen", "store", "urls", "ring"], running.NeedsRestart(other));
    }
}
