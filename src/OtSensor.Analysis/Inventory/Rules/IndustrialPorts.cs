using System.Reflection;
using System.Text.Json;

namespace OtSensor.Analysis.Inventory.Rules;

/// <summary>
/// The table of well-known industrial server ports (embedded <c>industrial-ports.json</c>, data not code).
/// Loaded once on first use; a look-up is one dictionary probe, done once per flow that ends undecoded.
/// </summary>
public sealed class IndustrialPorts
{
    private const string ResourceName = "OtSensor.Analysis.Inventory.Rules.industrial-ports.json";
    private static readonly Lazy<IndustrialPorts> Shared = new(() => Parse(OpenResource()), LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly Dictionary<ushort, PortLabel> _byPort;

    private IndustrialPorts(Dictionary<ushort, PortLabel> byPort) => _byPort = byPort;

    public static IndustrialPorts Default => Shared.Value;

    public int Count => _byPort.Count;

    public PortLabel? Lookup(ushort port) => _byPort.GetValueOrDefault(port);

    public static IndustrialPorts Parse(Stream json)
    {
        using var doc = JsonDocument.Parse(json);
        var byPort = new Dictionary<ushort, PortLabel>();
        foreach (var entry in doc.RootElement.GetProperty("ports").EnumerateArray())
        {
            var label = new PortLabel(
                entry.GetProperty("label").GetString()!,
                entry.TryGetProperty("protocol", out var p) ? p.GetString() : null,
                entry.GetProperty("description").GetString()!);
            foreach (var port in entry.GetProperty("ports").EnumerateArray())
                byPort.TryAdd(port.GetUInt16(), label);
        }
        return new IndustrialPorts(byPort);
    }

    private static Stream OpenResource() => Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
        ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
}
