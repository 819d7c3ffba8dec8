using OtSensor.Core.Net;
using OtSensor.Core.Protocols;
using OtSensor.Core.Time;

namespace OtSensor.Analysis.Inventory;

/// <summary>
/// One network endpoint as the inventory knows it: addresses, traffic, protocols and the roles it played,
/// and identity attributes with the message that stated them. Created once per address, updated in place.
/// </summary>
public sealed class Device
{
    private const int MaxMacs = 8;
    private readonly List<MacAddress> _macs = new(1);

    internal Device(int id, IPAddressBytes address, Timestamp firstSeen)
    {
        Id = id;
        Address = address;
        FirstSeen = firstSeen;
        LastSeen = firstSeen;
    }

    public int Id { get; }
    /// <summary>The device's IP address; empty for a layer-2-only device known by its MAC alone.</summary>
    public IPAddressBytes Address { get; }
    public bool HasAddress => !Address.IsEmpty;
    /// <summary>Outside the private and local-use ranges: an internet address.</summary>
    public bool IsInternet => HasAddress && !Address.IsPrivate;
    public IReadOnlyList<MacAddress> Macs => _macs;
    public Timestamp FirstSeen { get; private set; }
    public Timestamp LastSeen { get; private set; }
    public long PacketsSent { get; private set; }
    public long PacketsReceived { get; private set; }
    public long BytesSent { get; private set; }
    public long BytesReceived { get; private set; }

    /// <summary>Protocols in which this device sent requests (client / master), one bit per <see cref="ProtocolId"/>.</summary>
    public ulong ClientProtocols { get; private set; }
    /// <summary>Protocols in which this device answered requests (server / slave / outstation).</summary>
    public ulong ServerProtocols { get; private set; }
    /// <summary>Protocol-neutral operations this device asked others to perform, one bit per <see cref="OtOperation"/>.</summary>
    public uint OperationsIssued { get; private set; }

    public DeviceIdentity Identity { get; } = new();

    internal void ObserveSent(Timestamp time, int bytes)
    {
        PacketsSent++;
        BytesSent += bytes;
        Touch(time);
    }

    internal void ObserveReceived(Timestamp time, int bytes)
    {
        PacketsReceived++;
        BytesReceived += bytes;
        Touch(time);
    }

    internal void Touch(Timestamp time)
    {
        if (time > LastSeen) LastSeen = time;
        if (time < FirstSeen) FirstSeen = time;
    }

    internal void AddMac(MacAddress mac)
    {
        if (mac.IsZero || mac.IsGroup) return;
        for (int i = 0; i < _macs.Count; i++)
            if (_macs[i] == mac) return;
        if (_macs.Count < MaxMacs) _macs.Add(mac);
    }

    internal void AddRole(ProtocolId protocol, bool asServer, OtOperation operation)
    {
        ulong bit = 1UL << (int)protocol;
        if (asServer) ServerProtocols |= bit;
        else
        {
            ClientProtocols |= bit;
            if (operation != OtOperation.None) OperationsIssued |= 1u << (int)operation;
        }
    }

    public bool IsClientOf(ProtocolId protocol) => (ClientProtocols & (1UL << (int)protocol)) != 0;
    public bool IsServerOf(ProtocolId protocol) => (ServerProtocols & (1UL << (int)protocol)) != 0;
    public bool HasIssued(OtOperation operation) => (OperationsIssued & (1u << (int)operation)) != 0;
}
