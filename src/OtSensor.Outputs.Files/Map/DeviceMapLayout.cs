using OtSensor.Analysis.Inventory;

namespace OtSensor.Outputs.Files.Map;

/// <summary>One device drawn as a box: its place and what it says.</summary>
public sealed record MapNode(Device Device, double X, double Y, double Width, double Height, string Title, string Subtitle, string Kind);

/// <summary>A subnet (or the MAC-only devices, or the internet) inside a Purdue band, drawn as a labelled frame.</summary>
public sealed record MapGroup(string Label, double X, double Y, double Width, double Height);

/// <summary>A Purdue level drawn as a horizontal band across the map.</summary>
public sealed record MapBand(string Label, double Y, double Height);

/// <summary>
/// A device map laid out for people (sensor-reference §7): Purdue levels as horizontal bands from the internet and
/// enterprise at the top to the process at the bottom, subnets as frames side by side inside a band, devices on a
/// grid inside their subnet. Positions come from the grid, never from a force simulation, so boxes cannot overlap
/// and the same inventory always gives the same drawing.
/// </summary>
public sealed class DeviceMapLayout
{
    public const double NodeWidth = 170;
    public const double NodeHeight = 44;
    private const double Gap = 14;
    private const double GroupPadding = 16;
    private const double GroupHeader = 22;
    private const double BandHeader = 30;
    private const double Margin = 20;
    private const int MaxColumns = 6;
    /// <summary>Subnet frames wrap to a new row past this width, so a map stays about as wide as a large screen.</summary>
    private const double MaxRowWidth = 2400;

    private DeviceMapLayout(List<MapBand> bands, List<MapGroup> groups, List<MapNode> nodes, double width, double height)
    {
        Bands = bands;
        Groups = groups;
        Nodes = nodes;
        Width = width;
        Height = height;
    }

    public IReadOnlyList<MapBand> Bands { get; }
    public IReadOnlyList<MapGroup> Groups { get; }
    public IReadOnlyList<MapNode> Nodes { get; }
    public double Width { get; }
    public double Height { get; }

    /// <summary>Lays the devices out, subnets from <paramref name="subnets"/> (learned /24s when null).</summary>
    public static DeviceMapLayout Create(IReadOnlyList<Device> devices, SubnetPlan? subnets = null)
    {
        ArgumentNullException.ThrowIfNull(devices);
        subnets ??= SubnetPlan.LearnedOnly();
        string SubnetOf(Device device) => subnets.Of(device) is { } subnet
            ? (subnet.Origin == SubnetOrigin.Public ? "public addresses" : subnet.ToString())
            : "layer 2 only (MAC)";
        var bands = new List<MapBand>();
        var groups = new List<MapGroup>();
        var nodes = new List<MapNode>();
        double y = Margin, width = 0;
        foreach (var band in devices.GroupBy(BandOf).OrderBy(g => g.Key.Order))
        {
            double bandTop = y;
            double x = Margin;
            double rowTop = bandTop + BandHeader;
            double widest = 0;
            double tallest = 0;
            foreach (var subnet in band.GroupBy(SubnetOf).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var members = subnet.OrderBy(d => d.Id).ToList();
                int columns = Math.Min(MaxColumns, Math.Max(1, (int)Math.Ceiling(Math.Sqrt(members.Count * 2.0))));
                int rows = (members.Count + columns - 1) / columns;
                double groupWidth = (2 * GroupPadding) + (columns * NodeWidth) + ((columns - 1) * Gap);
                double groupHeight = GroupHeader + (2 * GroupPadding) + (rows * NodeHeight) + ((rows - 1) * Gap);
                if (x > Margin && x + groupWidth > MaxRowWidth)
                {
                    // The band's row is full: subnets wrap onto a new row inside the same band.
                    rowTop += tallest + Gap;
                    x = Margin;
                    tallest = 0;
                }
                double groupTop = rowTop;
                groups.Add(new MapGroup($"{subnet.Key} ({members.Count})", x, groupTop, groupWidth, groupHeight));
                for (int i = 0; i < members.Count; i++)
                {
                    int row = i / columns, column = i % columns;
                    var device = members[i];
                    nodes.Add(new MapNode(device,
                        x + GroupPadding + (column * (NodeWidth + Gap)),
                        groupTop + GroupHeader + GroupPadding + (row * (NodeHeight + Gap)),
                        NodeWidth, NodeHeight, Title(device), Subtitle(device), KindOf(device)));
                }
                x += groupWidth + Gap;
                widest = Math.Max(widest, x);
                tallest = Math.Max(tallest, groupHeight);
            }
            double bandHeight = (rowTop - bandTop) + tallest + Gap;
            bands.Add(new MapBand(band.Key.Label, bandTop, bandHeight));
            y = bandTop + bandHeight + Gap;
            width = Math.Max(width, Math.Max(x, widest));
        }
        return new DeviceMapLayout(bands, groups, nodes, Math.Max(width + Margin, 400), y + Margin);
    }

    /// <summary>The band of a device: internet on top, then levels 5 to 0, unknown last.</summary>
    private static (int Order, string Label) BandOf(Device device)
    {
        if (device.IsInternet) return (0, "Internet");
        return device.PurdueLevel is int level ? (10 + ((5 - level) * 10), $"Purdue level {level}") : (1000, "Level unknown");
    }

    private static string Title(Device device)
    {
        var name = device.Evidence.Value(DeviceAttribute.Name);
        return Clip(name ?? device.PrimaryAddress, 24);
    }

    private static string Subtitle(Device device)
    {
        var address = device.PrimaryAddress;
        var type = device.Evidence.Value(DeviceAttribute.Type);
        var vendor = device.Evidence.Value(DeviceAttribute.Vendor);
        var parts = new[] { device.Evidence.Value(DeviceAttribute.Name) is null ? null : address, type, vendor }.Where(p => !string.IsNullOrEmpty(p));
        return Clip(string.Join(" · ", parts), 30);
    }

    private static string KindOf(Device device) => device.IsInternet ? "Internet" : device.Evidence.Value(DeviceAttribute.Type) ?? "Unknown";

    private static string Clip(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
