using System.Text.Json;
using OtSensor.Engine;
using OtSensor.Outputs.Files;

namespace OtSensor.Integration.Tests.Inventory;

/// <summary>
/// One engine run over a capture with no event log (the inventory and devices.json / connections.json only, in memory):
/// what the inventory tests read. Fast enough to run over all public captures.
/// </summary>
internal sealed class InventoryRun : IDisposable
{
    public InventoryRun(string capture)
    {
        using var log = new EventLogWriter(null, null);
        Analyzer = new CaptureAnalyzer(new EngineOptions(), log);
        Summary = Analyzer.Run([capture]);
        using var devices = new MemoryStream();
        InventoryJsonWriter.WriteDevices(devices, Analyzer.Inventory);
        Devices = JsonDocument.Parse(devices.ToArray());
        using var connections = new MemoryStream();
        InventoryJsonWriter.WriteConnections(connections, Analyzer.Inventory);
        Connections = JsonDocument.Parse(connections.ToArray());
    }

    public CaptureAnalyzer Analyzer { get; }
    public OtSensor.Analysis.Statistics.TrafficSummary Summary { get; }
    public JsonDocument Devices { get; }
    public JsonDocument Connections { get; }

    public IEnumerable<JsonElement> DeviceList => Devices.RootElement.EnumerateArray();

    /// <summary>The device listing this IP or MAC address (as tshark writes them), or null.</summary>
    public JsonElement? Find(string address)
    {
        foreach (var d in DeviceList)
        {
            foreach (var a in d.GetProperty("ipAddresses").EnumerateArray())
                if (a.GetString() == address) return d;
            foreach (var a in d.GetProperty("macAddresses").EnumerateArray())
                if (string.Equals(a.GetString(), address, StringComparison.OrdinalIgnoreCase)) return d;
        }
        return null;
    }

    public void Dispose()
    {
        Devices.Dispose();
        Connections.Dispose();
        Analyzer.Dispose();
    }
}
