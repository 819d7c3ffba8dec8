using System.Text;
using OtSensor.Analysis.Detection;
using OtSensor.TestKit;

namespace OtSensor.Analysis.Tests.Detection;

/// <summary>Issue 7: at least 80 alert types as data, titles from the sensor's catalogue, a validated file with one-line errors.</summary>
public sealed class AlertCatalogueTests
{
    private static string SensorReference()
    {
        var root = SharedCaptures.PublicRoot ?? throw new InvalidOperationException("../shared is missing");
        return File.ReadAllText(Path.Combine(root, "..", "..", "docs", "sensor-reference.md"));
    }

    [Fact]
    public void Default_HasAtLeastEightyTypesOverAllFiveEngines()
    {
        var types = AlertCatalogue.Default.Types;
        Assert.True(types.Count >= 80, $"{types.Count} alert types");
        foreach (AlertEngine engine in Enum.GetValues<AlertEngine>())
            Assert.Contains(types, t => t.Engine == engine);
        Assert.Equal(types.Count, types.Select(t => t.Id).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Default_SensorTitlesAppearInTheSensorReference()
    {
        var reference = SensorReference();
        foreach (var type in AlertCatalogue.Default.Types.Where(t => t.IsSensorTitle))
        {
            // §3.5 groups ten families in one row: "Suspicion of Malicious Activity (BlackEnergy) / (DarkComet) / ...".
            const string group = "Suspicion of Malicious Activity (";
            bool grouped = type.Title.StartsWith(group, StringComparison.Ordinal)
                && reference.Contains("/ " + type.Title[(group.Length - 1)..], StringComparison.Ordinal);
            Assert.True(reference.Contains(type.Title, StringComparison.Ordinal) || grouped, $"'{type.Title}' ({type.Id}) is not in sensor-reference.md");
        }
    }

    [Fact]
    public void Default_EveryTypeHasMitreRemediationAndAPositiveWindow()
    {
        foreach (var type in AlertCatalogue.Default.Types)
        {
            Assert.NotEmpty(type.Mitre);
            Assert.All(type.Mitre, m => Assert.Matches("^T0[0-9]{3}$", m.Id));
            Assert.NotEmpty(type.Remediation);
            Assert.True(type.Thresholds.Window > TimeSpan.Zero, type.Id);
        }
    }

    [Fact]
    public void Default_KeepsTheCatalogueThresholds()
    {
        var portScan = AlertCatalogue.Default.Get("port-scan");
        Assert.Equal(25, portScan.Thresholds.Count);
        Assert.Equal(TimeSpan.FromMinutes(2), portScan.Thresholds.Window);
        Assert.Equal(AlertEngine.Anomaly, portScan.Engine);
        Assert.Equal(AlertSeverity.Critical, AlertCatalogue.Default.Get("unauthorized-plc-programming").Severity);
    }

    [Theory]
    [InlineData("""{"alerts":[{"id":"a","title":"A","engine":"Policy Violation","severity":"Major","message":"m"},{"id":"a","title":"B","engine":"Anomaly","severity":"Minor","message":"m"}]}""", "alert 'a' is defined twice")]
    [InlineData("""{"alerts":[{"id":"a","title":"A","engine":"Policy","severity":"Major","message":"m"}]}""", "alert 'a': engine must be")]
    [InlineData("""{"alerts":[{"id":"a","title":"A","engine":"Anomaly","severity":"High","message":"m"}]}""", "alert 'a': severity must be")]
    [InlineData("""{"alerts":[{"id":"a","title":"A","engine":"Anomaly","severity":"Minor","message":"{sender} did it"}]}""", "unknown placeholder {sender}")]
    [InlineData("""{"alerts":[{"id":"a","title":"A","engine":"Anomaly","severity":"Minor","message":"m","thresholds":{"windowSeconds":-1}}]}""", "thresholds.windowSeconds")]
    [InlineData("""{"alerts":[{"id":"a","title":"A","engine":"Anomaly","severity":"Minor","message":"m","colour":"red"}]}""", "unknown field \"colour\"")]
    [InlineData("""{"alerts": [ """, "not valid JSON")]
    public void Parse_BadCatalogue_FailsWithOneLine(string json, string expected)
    {
        var e = Assert.Throws<FormatException>(() => AlertCatalogue.Parse(new MemoryStream(Encoding.UTF8.GetBytes(json))));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void WithOverrides_ChangesOnlyTheNamedFields()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, """{"alerts":[{"id":"new-connection-detected","enabled":false},{"id":"port-scan","severity":"Major","thresholds":{"count":10}}]}""");
            var catalogue = AlertCatalogue.WithOverrides(path);
            Assert.False(catalogue.Get("new-connection-detected").Enabled);
            var portScan = catalogue.Get("port-scan");
            Assert.Equal(AlertSeverity.Major, portScan.Severity);
            Assert.Equal(10, portScan.Thresholds.Count);
            Assert.Equal("Port Scan Detected", portScan.Title);
            Assert.Equal(AlertCatalogue.Default.Types.Count, catalogue.Types.Count);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void WithOverrides_UnknownId_NamesTheFileAndTheId()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, """{"alerts":[{"id":"port-scna","enabled":false}]}""");
            var e = Assert.Throws<FormatException>(() => AlertCatalogue.WithOverrides(path));
            Assert.Contains(path, e.Message, StringComparison.Ordinal);
            Assert.Contains("'port-scna' is not in the catalogue", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
