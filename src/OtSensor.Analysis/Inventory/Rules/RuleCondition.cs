using System.Text.Json;

namespace OtSensor.Analysis.Inventory.Rules;

/// <summary>
/// The <c>when</c> (or <c>unless</c>) object of a classification rule: every condition present must hold; a list
/// holds when any of its values does. Field meanings are in classification-rules.json's comment.
/// </summary>
public sealed class RuleCondition
{
    private static readonly string[] Known =
    [
        "server", "client", "portServer", "portClient", "issued", "identityFrom", "protocolAddress", "modelContains", "vendorContains",
        "ouiVendorContains", "cipDeviceType", "minIcsServersPolled", "serverPorts", "serverPortsAlso", "clientPorts",
        "internet", "layer2Only",
    ];

    public string[]? Server { get; init; }
    public string[]? Client { get; init; }
    public string[]? PortServer { get; init; }
    public string[]? PortClient { get; init; }
    public string[]? Issued { get; init; }
    public string[]? IdentityFrom { get; init; }
    public string[]? ProtocolAddress { get; init; }
    public string[]? ModelContains { get; init; }
    public string[]? VendorContains { get; init; }
    public string[]? OuiVendorContains { get; init; }
    public int[]? CipDeviceType { get; init; }
    public int? MinIcsServersPolled { get; init; }
    public int[]? ServerPorts { get; init; }
    public int[]? ServerPortsAlso { get; init; }
    public int[]? ClientPorts { get; init; }
    public bool? Internet { get; init; }
    public bool? Layer2Only { get; init; }

    public bool Matches(DeviceFacts f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return AnyIn(Server, f.ServerOf) && AnyIn(Client, f.ClientOf) && AnyIn(PortServer, f.PortServerOf) && AnyIn(PortClient, f.PortClientOf)
            && AnyIn(Issued, f.Issued) && AnyIn(IdentityFrom, f.IdentityFrom) && AnyIn(ProtocolAddress, f.ProtocolAddressOf)
            && Contains(ModelContains, f.Model) && Contains(VendorContains, f.Vendor) && Contains(OuiVendorContains, f.OuiVendor)
            && (CipDeviceType is null || Array.IndexOf(CipDeviceType, f.CipDeviceType) >= 0)
            && (MinIcsServersPolled is null || f.IcsServersPolled >= MinIcsServersPolled)
            && AnyIn(ServerPorts, f.ServerPorts) && AnyIn(ServerPortsAlso, f.ServerPorts) && AnyIn(ClientPorts, f.ClientPorts)
            && (Internet is null || Internet == f.Internet) && (Layer2Only is null || Layer2Only == f.Layer2Only);
    }

    private static bool AnyIn<T>(T[]? wanted, HashSet<T> have)
    {
        if (wanted is null) return true;
        foreach (var w in wanted)
            if (have.Contains(w)) return true;
        return false;
    }

    private static bool Contains(string[]? wanted, string? value)
    {
        if (wanted is null) return true;
        if (value is null) return false;
        foreach (var w in wanted)
            if (value.Contains(w, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>Reads a condition object; an unknown key is an error (a typo must not silently widen a rule).</summary>
    public static RuleCondition Parse(JsonElement e, string ruleId)
    {
        foreach (var property in e.EnumerateObject())
            if (Array.IndexOf(Known, property.Name) < 0)
                throw new FormatException($"classification rule '{ruleId}': unknown condition '{property.Name}'");
        return new RuleCondition
        {
            Server = Strings(e, "server"),
            Client = Strings(e, "client"),
            PortServer = Strings(e, "portServer"),
            PortClient = Strings(e, "portClient"),
            Issued = Strings(e, "issued"),
            IdentityFrom = Strings(e, "identityFrom"),
            ProtocolAddress = Strings(e, "protocolAddress"),
            ModelContains = Strings(e, "modelContains"),
            VendorContains = Strings(e, "vendorContains"),
            OuiVendorContains = Strings(e, "ouiVendorContains"),
            CipDeviceType = Numbers(e, "cipDeviceType"),
            MinIcsServersPolled = e.TryGetProperty("minIcsServersPolled", out var m) ? m.GetInt32() : null,
            ServerPorts = Numbers(e, "serverPorts"),
            ServerPortsAlso = Numbers(e, "serverPortsAlso"),
            ClientPorts = Numbers(e, "clientPorts"),
            Internet = e.TryGetProperty("internet", out var i) ? i.GetBoolean() : null,
            Layer2Only = e.TryGetProperty("layer2Only", out var l) ? l.GetBoolean() : null,
        };
    }

    private static string[]? Strings(JsonElement e, string name)
        => e.TryGetProperty(name, out var a) ? [.. a.EnumerateArray().Select(x => x.GetString()!)] : null;

    private static int[]? Numbers(JsonElement e, string name)
        => e.TryGetProperty(name, out var a) ? [.. a.EnumerateArray().Select(x => x.GetInt32())] : null;
}
