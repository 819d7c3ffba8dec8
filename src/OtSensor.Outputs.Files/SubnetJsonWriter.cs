using System.Text.Json;
using OtSensor.Analysis.Inventory;

namespace OtSensor.Outputs.Files;

/// <summary>
/// Writes <c>subnets.json</c>: every subnet with its origin (configured, learned, public), device count, Purdue levels
/// and connections (within, and to each other subnet), then the plant-wide counts of connections that cross subnets,
/// cross Purdue levels, and skip a level.
/// </summary>
public static class SubnetJsonWriter
{
    private static readonly JsonWriterOptions Options = new() { Indented = true };

    public static void Write(Stream stream, SubnetReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var w = new Utf8JsonWriter(stream, Options);
        w.WriteStartObject();
        w.WriteNumber("crossSubnetConnections", report.CrossSubnetConnections);
        w.WriteNumber("crossLevelConnections", report.CrossLevelConnections);
        w.WriteNumber("levelSkippingConnections", report.LevelSkippingConnections);
        w.WriteStartArray("subnets");
        foreach (var summary in report.Subnets)
        {
            w.WriteStartObject();
            w.WriteString("subnet", summary.Subnet.Cidr);
            w.WriteString("name", summary.Subnet.Name);
            w.WriteString("origin", OriginName(summary.Subnet.Origin));
            w.WriteNumber("devices", summary.Devices);
            w.WriteStartArray("purdueLevels");
            foreach (int level in summary.Levels) w.WriteNumberValue(level);
            w.WriteEndArray();
            w.WriteNumber("connectionsWithin", summary.ConnectionsWithin);
            w.WriteStartArray("connectionsTo");
            foreach (var (other, count) in summary.ConnectionsTo.OrderByDescending(p => p.Value).ThenBy(p => p.Key.Cidr, StringComparer.Ordinal))
            {
                w.WriteStartObject();
                w.WriteString("subnet", other.Cidr);
                w.WriteNumber("connections", count);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static string OriginName(SubnetOrigin origin) => origin switch
    {
        SubnetOrigin.Configured => "configured",
        SubnetOrigin.Learned => "learned",
        _ => "public",
    };
}
