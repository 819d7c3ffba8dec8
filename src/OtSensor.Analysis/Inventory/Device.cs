using OtSensor.Analysis.Inventory.Rules;
using OtSensor.Core.Net;
using OtSensor.Core.Protocols;
using OtSensor.Core.Time;

namespace OtSensor.Analysis.Inventory;

/// <summary>
/// One network endpoint as the inventory knows it: addresses (several IPs once merged, its MACs), traffic,
/// protocols and the roles it played, and evidence-carrying attributes (<see cref="Evidence"/>).
/// Created once per address, updated in place; the classifier fills type and Purdue level at the end of a run.
/// </summary>
public sealed class Device
{
    private const int MaxMacs = 8;
    private const int MaxAddresses = 8;
    private const int MaxProtocolAddresses = 16;
    private const int MaxPortServices = 16;
    private readonly List<MacAddress> _macs = new(1);
    private readonly List<IPAddressBytes> _addresses = new(1);
    private List<(ProtocolId Protocol, long Address)>? _protocolAddresses;
    private List<PortLabel>? _portServices;
    private List<PortLabel>? _portClients;
    private ProtocolId _lastAddressProtocol;
    private long _lastProtocolAddress = -1;
    // Bit i set: _macs[i] was bound to this device by ARP or by an IPv6 link-local source (never routed).
    private byte _authoritativeMacs;

    internal Device(int id, IPAddressBytes address, Timestamp firstSeen)
    {
        Id = id;
        if (!address.IsEmpty) _addresses.Add(address);
        FirstSeen = firstSeen;
        LastSeen = firstSeen;
    }

    public int Id { get; }
    /// <summary>The device's first IP address; empty for a layer-2-only device known by its MAC alone.</summary>
    public IPAddressBytes Address => _addresses.Count > 0 ? _addresses[0] : default;
    /// <summary>Every IP address of the device (several when merged on a shared MAC, see <see cref="DeviceMerger"/>).</summary>
    public IReadOnlyList<IPAddressBytes> Addresses => _addresses;
    public bool HasAddress => _addresses.Count > 0;
    /// <summary>How people and files name the device's address: its first IP address, or for a layer-2-only device its MAC.</summary>
    public string PrimaryAddress => HasAddress || _macs.Count == 0 ? Address.ToString() : _macs[0].ToString();
    /// <summary>Outside the private and local-use ranges: an internet address.</summary>
    public bool IsInternet => HasAddress && !Address.IsPrivate;

    /// <summary>The classified Purdue level (0–5), or null while unclassified.</summary>
    public int? PurdueLevel
        => int.TryParse(Evidence.Value(DeviceAttribute.PurdueLevel), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int level)
            ? level : null;
    public IReadOnlyList<MacAddress> Macs => _macs;
    public Timestamp FirstSeen { get; private set; }
    public Timestamp LastSeen { get; private set; }
    public long PacketsSent { get; private set; }
    public long PacketsReceived { get; private set; }
    public long BytesSent { get; private set; }
    public long BytesReceived { get; private set; }

    /// <summary>Protocols in which this device sent requests (client / master / publisher), one bit per <see cref="ProtocolId"/>.</summary>
    public ulong ClientProtocols { get; private set; }
    /// <summary>Protocols in which this device answered requests (server / slave / outstation).</summary>
    public ulong ServerProtocols { get; private set; }
    /// <summary>Protocol-neutral operations this device asked others to perform, one bit per <see cref="OtOperation"/>.</summary>
    public uint OperationsIssued { get; private set; }

    /// <summary>Vendor, model, firmware, serial, name, type, Purdue level... each with its source and confidence.</summary>
    public DeviceEvidence Evidence { get; } = new();

    /// <summary>CIP device type (profile) from a ListIdentity reply, -1 when none was seen.</summary>
    public int CipDeviceType { get; internal set; } = -1;

    /// <summary>Issued program download/upload or firmware operations (the sensor's "programming device").</summary>
    public bool IsProgrammingDevice => HasIssued(OtOperation.ProgramDownload) || HasIssued(OtOperation.ProgramUpload) || HasIssued(OtOperation.Firmware);

    /// <summary>Protocol-level addresses of this device as a server (BACnet device instance, DNP3 outstation address, Modbus unit id).</summary>
    public IReadOnlyList<(ProtocolId Protocol, long Address)> ProtocolAddresses => (IReadOnlyList<(ProtocolId, long)>?)_protocolAddresses ?? [];

    /// <summary>Industrial protocols this device served on a well-known port in flows no decoder recognised (weak evidence).</summary>
    public IReadOnlyList<PortLabel> PortServices => (IReadOnlyList<PortLabel>?)_portServices ?? [];

    /// <summary>Industrial protocols this device was the client of, in flows only the server port could explain (weak evidence).</summary>
    public IReadOnlyList<PortLabel> PortClients => (IReadOnlyList<PortLabel>?)_portClients ?? [];

    /// <summary>Set when merged into another device at the end of a run; the device is then no longer listed.</summary>
    public Device? MergedInto { get; private set; }

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

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal void Touch(Timestamp time)
    {
        if (time > LastSeen) LastSeen = time;
        if (time < FirstSeen) FirstSeen = time;
    }

    internal void AddMac(MacAddress mac, bool authoritative)
    {
        if (mac.IsZero || mac.IsGroup) return;
        for (int i = 0; i < _macs.Count; i++)
        {
            if (_macs[i] != mac) continue;
            if (authoritative) _authoritativeMacs |= (byte)(1 << i);
            return;
        }
        if (_macs.Count >= MaxMacs) return;
        if (authoritative) _authoritativeMacs |= (byte)(1 << _macs.Count);
        _macs.Add(mac);
    }

    /// <summary>Was <paramref name="mac"/> bound to this device by ARP or an IPv6 link-local source?</summary>
    public bool IsAuthoritativeMac(MacAddress mac)
    {
        for (int i = 0; i < _macs.Count; i++)
            if (_macs[i] == mac) return (_authoritativeMacs & (1 << i)) != 0;
        return false;
    }

    internal void AddRole(ProtocolId protocol, bool asServer, OtOperation operation)
    {
        ulong bit = 1UL << ((int)protocol & 63);
        if (asServer) ServerProtocols |= bit;
        else
        {
            ClientProtocols |= bit;
            if (operation != OtOperation.None) OperationsIssued |= 1u << ((int)operation & 31);
        }
    }

    /// <summary>Notes a protocol address; the last one noted is compared first, so a repeat costs two comparisons.</summary>
    internal void AddProtocolAddress(ProtocolId protocol, long address)
    {
        if (address == _lastProtocolAddress && protocol == _lastAddressProtocol) return;
        _lastAddressProtocol = protocol;
        _lastProtocolAddress = address;
        _protocolAddresses ??= new(1);
        foreach (var entry in _protocolAddresses)
            if (entry.Protocol == protocol && entry.Address == address) return;
        if (_protocolAddresses.Count < MaxProtocolAddresses) _protocolAddresses.Add((protocol, address));
    }

    internal void AddPortService(PortLabel label) => AddLabel(ref _portServices, label);

    internal void AddPortClient(PortLabel label) => AddLabel(ref _portClients, label);

    private static void AddLabel(ref List<PortLabel>? labels, PortLabel label)
    {
        labels ??= new(1);
        if (labels.Contains(label) || labels.Count >= MaxPortServices) return;
        labels.Add(label);
    }

    public bool IsClientOf(ProtocolId protocol) => (ClientProtocols & (1UL << ((int)protocol & 63))) != 0;
    public bool IsServerOf(ProtocolId protocol) => (ServerProtocols & (1UL << ((int)protocol & 63))) != 0;
    public bool HasIssued(OtOperation operation) => (OperationsIssued & (1u << ((int)operation & 31))) != 0;

    /// <summary>Folds <paramref name="other"/> (same physical device) into this one: addresses, MACs, counters, roles, evidence.</summary>
    internal void Absorb(Device other)
    {
        foreach (var address in other._addresses)
            if (!_addresses.Contains(address) && _addresses.Count < MaxAddresses) _addresses.Add(address);
        foreach (var mac in other._macs) AddMac(mac, other.IsAuthoritativeMac(mac));
        PacketsSent += other.PacketsSent;
        PacketsReceived += other.PacketsReceived;
        BytesSent += other.BytesSent;
        BytesReceived += other.BytesReceived;
        Touch(other.FirstSeen);
        Touch(other.LastSeen);
        ClientProtocols |= other.ClientProtocols;
        ServerProtocols |= other.ServerProtocols;
        OperationsIssued |= other.OperationsIssued;
        Evidence.Absorb(other.Evidence);
        if (CipDeviceType < 0) CipDeviceType = other.CipDeviceType;
        foreach (var (protocol, address) in other.ProtocolAddresses) AddProtocolAddress(protocol, address);
        foreach (var label in other.PortServices) AddPortService(label);
        foreach (var label in other.PortClients) AddPortClient(label);
        other.MergedInto = this;
    }
}
