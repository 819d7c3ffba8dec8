using System.Text.Json;
using OtSensor.TestKit;

namespace OtSensor.Integration.Tests.Inventory;

/// <summary><c>otsensor inventory</c> as a user runs it: table, CSV and JSON, sorting, filters and one-line errors.</summary>
public sealed class InventoryCommandTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("otsensor-inventory-");

    public void Dispose() => _work.Delete(recursive: true);

    private static string Snap7 => Path.Combine(SharedCaptures.PublicFolder("s7comm"), "icsnpp-s7comm__snap7.pcap");

    [Fact]
    public void Inventory_DemoCapture_TableOfTheSixDevices()
    {
        var result = CliRunner.Run("inventory", RepoPaths.DemoCapture);
        Assert.Equal((0, ""), (result.ExitCode, result.StandardError));
        Assert.Contains("6 of 6 devices", result.StandardOutput);
        foreach (var address in new[] { "10.10.10.11", "10.10.10.12", "10.10.10.13", "10.10.20.50" })
            Assert.Contains(address, result.StandardOutput);
        Assert.Contains("modbus(slave)", result.StandardOutput);
    }

    [Fact]
    public void Inventory_CsvFilteredByTypeAndSortedByAddressDescending()
    {
        var result = CliRunner.Run("inventory", RepoPaths.DemoCapture, "--format", "csv", "--type", "plc", "--sort", "-address");
        Assert.Equal(0, result.ExitCode);
        var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id,address,mac,name,type,level,vendor,model,firmware,protocols,confidence,packets", lines[0]);
        Assert.Equal(["10.10.10.13", "10.10.10.12", "10.10.10.11"], lines.Skip(1).Select(l => l.Split(',')[1]));
        Assert.All(lines.Skip(1), l => Assert.Equal("PLC", l.Split(',')[4]));
    }

    [Fact]
    public void Inventory_JsonFilteredByProtocolAndLevel_KeepsTheDeviceObjects()
    {
        var result = CliRunner.Run("inventory", Snap7, "--format", "json", "--protocol", "s7comm", "--level", "1");
        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.StandardOutput);
        var plc = Assert.Single(doc.RootElement.EnumerateArray());
        Assert.Equal("134.217.61.211", plc.GetProperty("ipAddresses")[0].GetString());
        Assert.Equal(("PLC", 1), (plc.GetProperty("type").GetString(), plc.GetProperty("purdueLevel").GetInt32()));
        Assert.Equal("s7comm.identity", plc.GetProperty("evidence").GetProperty("model").GetProperty("source").GetString());
    }

    [Fact]
    public void Inventory_AnalyzeOutputFolder_ReadsDevicesJson()
    {
        var output = Path.Combine(_work.FullName, "out");
        Assert.Equal(0, CliRunner.Run("analyze", Snap7, "--out", output, "--quiet").ExitCode);
        var result = CliRunner.Run("inventory", output, "--format", "csv", "--sort", "-confidence");
        Assert.Equal(0, result.ExitCode);
        var rows = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        Assert.Equal(2, rows.Count);
        Assert.StartsWith("2,134.217.61.211,,S7300/ET200M station_1,PLC,1,Siemens,CPU 315-2 PN/DP,V3.2.7,s7comm(server),92,", rows[0]);
        Assert.Contains(",Engineering Station,2,", rows[1]);
    }

    [Theory]
    [InlineData("--sort", "colour", "unknown sort column 'colour'")]
    [InlineData("--format", "xml", "unknown format 'xml'")]
    public void Inventory_BadOption_ExitsTwoWithOneLine(string option, string value, string reason)
    {
        var result = CliRunner.Run("inventory", RepoPaths.DemoCapture, option, value);
        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(reason, line);
    }

    [Fact]
    public void Inventory_MissingCapture_ExitsTwoNamingIt()
    {
        var result = CliRunner.Run("inventory", Path.Combine(_work.FullName, "nope.pcap"));
        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("nope.pcap", line);
    }
}
