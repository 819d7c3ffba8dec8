namespace OtSensor.Integration.Tests.Live;

/// <summary>
/// <c>otsensor sensor</c> with a wrong configuration file: exit 2 and one line on stderr naming the key, before any
/// capture, store or listener is touched (so these need no root).
/// </summary>
public sealed class SensorConfigCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("otsensor-sensor-config-").FullName;

    [Theory]
    [InlineData("""{"interfaces": ["eth1"], "snaplen": "big"}""", "sensor.json: 'snaplen': must be an integer from 64 to 262144")]
    [InlineData("""{"interfaces": []}""", "sensor.json: 'interfaces': must list at least one interface, e.g. [\"eth1\"]")]
    [InlineData("""{"store": "/var/lib/otsensor"}""", "sensor.json: 'interfaces': is required, e.g. [\"eth1\"]")]
    [InlineData("""{"interfaces": ["eth1"], "learnin": "10m"}""", "sensor.json: 'learnin': unknown key (known: interfaces, filter, snaplen, bufferMb, queueMb, promiscuous, store, urls, http, learning, snapshotSeconds, logLevel, sensorName, ring, forwarding)")]
    [InlineData("""{"interfaces": ["eth1"], "learning": "ten minutes"}""", "sensor.json: 'learning': must be a duration such as \"90s\", \"10m\", \"2h\", \"7d\" or 0 (off)")]
    [InlineData("""{"interfaces": ["eth1"], "queueMb": 0.001}""", "sensor.json: 'queueMb': must be a number of MiB from 0.00390625 to 1024")]
    [InlineData("""{"interfaces": ["eth1"], "logLevel": "Loud"}""", "sensor.json: 'logLevel': must be one of Trace, Debug, Information, Warning, Error, Critical")]
    [InlineData("""{"interfaces": ["eth1"], "http": "yes"}""", "sensor.json: 'http': must be true or false")]
    // The forwarding section in the format of forward --config (ForwardingConfigReader).
    [InlineData("""{"interfaces": ["eth1"], "forwarding": {"target": []}}""", "sensor.json: 'forwarding.target': unknown key (known: sensor, outbox, rules, records, targets)")]
    [InlineData("""{"interfaces": ["eth1"], "forwarding": {"targets": [{"type": "syslog", "url": "carrier://x"}]}}""", "sensor.json: 'forwarding.targets[0].url': transport 'carrier' is not udp, tcp or tls")]
    [InlineData("""{"interfaces": ["eth1"], "forwarding": {"rules": {"minSeverity": "Huge"}, "targets": [{"type": "syslog", "url": "udp://127.0.0.1:514"}]}}""", "sensor.json: 'forwarding.rules.minSeverity': 'Huge' is not a severity (Warning, Minor, Major, Critical)")]
    [InlineData("""{"interfaces": ["eth1"], "forwarding": {"records": {"events": true}, "targets": [{"type": "syslog", "url": "udp://127.0.0.1:514"}]}}""", "sensor.json: 'forwarding.records': the sensor service forwards alerts only")]
    [InlineData("""{"interfaces": ["eth1"], "forwarding": {"outbox": {"path": "/tmp/o.db"}}}""", "sensor.json: 'forwarding.targets': must list at least one target")]
    // The earlier format (targets in the --to syntax, rule keys at the top) is still read and checked.
    [InlineData("""{"interfaces": ["eth1"], "forwarding": {"targets": ["carrier-pigeon://x"]}}""", "sensor.json: 'forwarding.targets': ")]
    [InlineData("""{"interfaces": ["eth1"], "forwarding": {"targets": ["syslog:udp://127.0.0.1:514"], "minSeverity": "Huge"}}""", "sensor.json: 'forwarding': 'Huge' is not a severity (Warning, Minor, Major, Critical)")]
    [InlineData("""{"interfaces": ["eth1"], "forwarding": {"targets": ["syslog:udp://127.0.0.1:514"], "rules": {}}}""", "sensor.json: 'forwarding.rules': unknown key in the earlier format (known: targets, minSeverity, engines, protocols, outbox); the current format is that of forwarding.example.json")]
    [InlineData("""{"interfaces": ["eth1"], "ring": {"segmentMb": 0}}""", "sensor.json: 'ring.segmentMb': must be an integer from 1 to 1024")]
    [InlineData("""{"interfaces": ["eth1"], "ring": {"dir": "x"}}""", "sensor.json: 'ring.dir': unknown key (known: directory, segmentMb, segments)")]
    [InlineData("""{"interfaces": ["eth1"], "ring": "yes"}""", "sensor.json: 'ring': must be false (off) or an object with directory, segmentMb, segments")]
    [InlineData("""[1, 2]""", "sensor.json: must be a JSON object")]
    [InlineData("""{"interfaces": ["eth1"],""", "sensor.json: not JSON: ")]
    public void Sensor_BadConfig_ExitsTwoWithOneLineNamingTheKey(string json, string message)
    {
        var path = Path.Combine(_folder, "sensor.json");
        File.WriteAllText(path, json);
        var result = CliRunner.Run("sensor", "--config", path);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("otsensor: sensor: " + message, result.StandardError, StringComparison.Ordinal);
        Assert.Single(result.StandardError.Trim().Split('\n'));
        Assert.Equal("", result.StandardOutput);
    }

    [Theory]
    [InlineData("""{"targets": [{"type": "syslog", "url": "udp://127.0.0.1:514", "format": "cef"}], "rules": {"minSeverity": "Major"}, "outbox": {"path": "fwd/outbox.db", "maxPending": 1000}}""")]
    [InlineData("""{"targets": ["syslog:udp://127.0.0.1:514"], "minSeverity": "Major"}""")]
    public void Sensor_InitWithForwardingInEitherFormat_Accepted(string forwarding)
    {
        var store = Path.Combine(_folder, "store");
        var path = Path.Combine(_folder, "sensor.json");
        File.WriteAllText(path, $$"""{"interfaces": ["eth1"], "store": "{{store}}", "urls": ["http://127.0.0.1:0"], "http": true, "forwarding": {{forwarding}}}""");
        var result = CliRunner.Run("sensor", "--config", path, "--init");
        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Contains("store, admin user and certificate ready", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void Sensor_MissingConfigFile_ExitsTwoWithOneLine()
    {
        var path = Path.Combine(_folder, "none.json");
        var result = CliRunner.Run("sensor", "--config", path);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"otsensor: sensor: {path}: cannot read: ", result.StandardError, StringComparison.Ordinal);
        Assert.Single(result.StandardError.Trim().Split('\n'));
    }

    [Fact]
    public void Sensor_NoSuchInterface_ExitsTwoWithOneLineAndTheStoreMade()
    {
        var store = Path.Combine(_folder, "store");
        var path = Path.Combine(_folder, "sensor.json");
        File.WriteAllText(path, $$"""{"interfaces": ["otsensor-none0"], "store": "{{store}}", "urls": ["http://127.0.0.1:0"], "http": true}""");
        var result = CliRunner.Run("sensor", "--config", path);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("otsensor: sensor: no such interface 'otsensor-none0'", result.StandardError, StringComparison.Ordinal);
        Assert.Single(result.StandardError.Trim().Split('\n'));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
