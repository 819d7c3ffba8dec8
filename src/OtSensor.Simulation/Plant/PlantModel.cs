using OtSensor.Simulation.Wire;

namespace OtSensor.Simulation.Plant;

/// <summary>
/// A plant over the Purdue levels: field devices on level 1, HMIs, SCADA and engineering on level 2, historian on
/// level 3, IT services (DNS, NTP) and a workstation beside them. Built by <see cref="PlantBuilder"/> from a seed.
/// </summary>
public sealed class PlantModel
{
    public required IReadOnlyList<FieldDevice> FieldDevices { get; init; }
    public required IReadOnlyList<Host> Hmis { get; init; }
    public required Host ScadaServer { get; init; }
    public required Host EngineeringStation { get; init; }
    public required Host Historian { get; init; }
    public required Host DnsServer { get; init; }
    public required Host NtpServer { get; init; }
    public required IReadOnlyList<Host> Workstations { get; init; }
    /// <summary>The level-1 control subnet (host order), /24.</summary>
    public required uint ControlSubnet { get; init; }
    public required string DomainName { get; init; }

    public IEnumerable<Host> AllHosts()
    {
        foreach (var d in FieldDevices) yield return d.Host;
        foreach (var h in Hmis) yield return h;
        yield return ScadaServer;
        yield return EngineeringStation;
        yield return Historian;
        yield return DnsServer;
        if (!ReferenceEquals(NtpServer, DnsServer)) yield return NtpServer;
        foreach (var w in Workstations) yield return w;
    }

    public IEnumerable<FieldDevice> Speaking(ControlProtocol protocol)
    {
        foreach (var d in FieldDevices)
            if (d.Protocol == protocol) yield return d;
    }
}
