namespace OtSensor.Analysis.Inventory.Rules;

/// <summary>
/// What the classification rules look at for one device, gathered once at the end of a run from the device, its
/// evidence and its connections (<see cref="DeviceClassifier.FactsOf"/>), or built directly by tests.
/// Protocol names are <c>ProtocolNames</c> ids ("s7comm"), operations <c>OtOperationNames</c> ("program_download").
/// </summary>
public sealed class DeviceFacts
{
    public HashSet<string> ServerOf { get; } = new(StringComparer.Ordinal);
    public HashSet<string> ClientOf { get; } = new(StringComparer.Ordinal);
    /// <summary>Port-table labels of undecoded flows this device served.</summary>
    public HashSet<string> PortServerOf { get; } = new(StringComparer.Ordinal);
    /// <summary>Port-table labels of undecoded flows this device was the client of.</summary>
    public HashSet<string> PortClientOf { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Issued { get; } = new(StringComparer.Ordinal);
    /// <summary>Protocols whose identity messages stated an attribute of this device.</summary>
    public HashSet<string> IdentityFrom { get; } = new(StringComparer.Ordinal);
    /// <summary>Protocols in which the device has an address (BACnet device instance, DNP3 outstation, Modbus unit).</summary>
    public HashSet<string> ProtocolAddressOf { get; } = new(StringComparer.Ordinal);
    public HashSet<int> ServerPorts { get; } = [];
    public HashSet<int> ClientPorts { get; } = [];
    public string? Model { get; set; }
    public string? Vendor { get; set; }
    public string? OuiVendor { get; set; }
    public int CipDeviceType { get; set; } = -1;
    /// <summary>Distinct devices this one was an industrial-protocol client of.</summary>
    public int IcsServersPolled { get; set; }
    public bool Internet { get; set; }
    public bool Layer2Only { get; set; }
}
