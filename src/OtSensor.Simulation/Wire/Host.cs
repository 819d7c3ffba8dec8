using OtSensor.Core.Net;
using OtSensor.Simulation.Plant;

namespace OtSensor.Simulation.Wire;

/// <summary>One simulated network interface: who it is in the plant, and the addresses and IP state it sends with.</summary>
public sealed class Host(string name, MacAddress mac, uint address, DeviceKind kind, int purdueLevel)
{
    private ushort _ipId;
    private ushort _ephemeralPort;

    public string Name { get; } = name;
    public MacAddress Mac { get; } = mac;
    /// <summary>IPv4 address, host order.</summary>
    public uint Address { get; } = address;
    public DeviceKind Kind { get; } = kind;
    /// <summary>Purdue level (0–5; 35 stands for the 3.5 DMZ).</summary>
    public int PurdueLevel { get; } = purdueLevel;
    public string? Vendor { get; init; }
    public string? Model { get; init; }
    /// <summary>Firmware the device reports now (a firmware update scenario changes it mid-capture).</summary>
    public string? Firmware { get; set; }
    public string? Serial { get; init; }
    /// <summary>Initial TTL of its IP stack (64 for embedded Linux/VxWorks stacks, 128 for Windows).</summary>
    public byte Ttl { get; init; } = 64;

    /// <summary>Seeds the IP identification counter and the ephemeral port range from the plant's random source.</summary>
    public void SeedCounters(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        _ipId = (ushort)random.Next(0, 65536);
        _ephemeralPort = (ushort)random.Next(49152, 60000);
    }

    public ushort NextIpId() => _ipId++;

    /// <summary>The next client port from the IANA dynamic range (RFC 6335 §6), wrapping inside it.</summary>
    public ushort NextEphemeralPort()
    {
        if (_ephemeralPort < 49152 || _ephemeralPort == ushort.MaxValue) _ephemeralPort = 49152;
        return _ephemeralPort++;
    }

    public string AddressText => $"{Address >> 24}.{(Address >> 16) & 0xFF}.{(Address >> 8) & 0xFF}.{Address & 0xFF}";

    public override string ToString() => $"{Name} ({AddressText})";
}
