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
    /// <summary>The Windows file server holding project backups and recipes (SMB2 on TCP 445).</summary>
    public required Host FileServer { get; init; }
    /// <summary>The control network's default gateway (10.20.1.1): traffic to other networks and the internet leaves through its MAC.</summary>
    public required Host Gateway { get; init; }
    public required Host NtpServer { get; init; }
    public required IReadOnlyList<Host> Workstations { get; init; }
    /// <summary>PROFINET IO devices of the first S7 PLC's cell (layer 2 only, besides their ARP announcements).</summary>
    public required IReadOnlyList<Traffic.ProfinetTraffic.IoDevice> IoDevices { get; init; }
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
        yield return FileServer;
        yield return Gateway;
        if (!ReferenceEquals(NtpServer, DnsServer)) yield return NtpServer;
        foreach (var w in Workstations) yield return w;
    }

    public IEnumerable<FieldDevice> Speaking(ControlProtocol protocol)
    {
        foreach (var d in FieldDevices)
            if (d.Protocol == protocol) yield return d;
    }
}
