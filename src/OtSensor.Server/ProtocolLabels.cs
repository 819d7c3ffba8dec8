using OtSensor.Core.Protocols;
using OtSensor.Outputs.Files;

namespace OtSensor.Server;

/// <summary>
/// The console API names protocols as the sensor API's device objects do (<c>devices[].protocols[].name</c>,
/// sensor-reference §1.3: <c>MODBUS</c>, <c>Siemens S7</c>, <c>EtherNet/IP</c>), everywhere: dashboard, map, alerts and
/// a device's connections. The store keeps connections and alerts under the short names (<c>modbus</c>), which the
/// sensor API's connection objects show (§1.3's note), so the console endpoints translate on the way out and accept
/// either name in a filter.
/// </summary>
internal static class ProtocolLabels
{
    private static readonly Dictionary<string, string> Displays = Build(out ShortNames);
    private static readonly Dictionary<string, string> ShortNames;

    /// <summary>The display name of a stored short name; a name it does not know is returned as it is.</summary>
    public static string Display(string name) => Displays.TryGetValue(name, out var display) ? display : name;

    /// <summary>The stored short name for a filter given either name (any case); null stays null. A display name shared
    /// by several short names (MODBUS: modbus and umas) gives the first.</summary>
    public static string? ShortName(string? name)
        => name is null ? null : Displays.ContainsKey(name) ? name : ShortNames.TryGetValue(name, out var shortName) ? shortName : name;

    private static Dictionary<string, string> Build(out Dictionary<string, string> shortNames)
    {
        var displays = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        shortNames = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var id in Enum.GetValues<ProtocolId>())
        {
            if (id == ProtocolId.Unknown) continue;
            var shortName = ProtocolNames.Get(id);
            var display = ProtocolDisplayNames.Get(id);
            displays.TryAdd(shortName, display);
            shortNames.TryAdd(display, shortName);
        }
        return displays;
    }
}
