using OtSensor.Core.Net;
using OtSensor.Core.Protocols;
using OtSensor.Core.Time;

namespace OtSensor.Analysis.Detection;

/// <summary>
/// A device as the baseline knows it: its address (IP, or MAC for layer-2-only devices), what it was learned doing
/// (operations it issued, internet access) and the firmware it reported. Hosts are numbered in order of learning;
/// tuples refer to them by that index.
/// </summary>
public sealed class BaselineHost
{
    internal BaselineHost(int index, IPAddressBytes address, MacAddress mac)
    {
        Index = index;
        Address = address;
        Mac = mac;
    }

    public int Index { get; }
    public IPAddressBytes Address { get; }
    public MacAddress Mac { get; }
    /// <summary>Part of the baseline (seen while learning, or imported); false for a newcomer.</summary>
    public bool Learned { get; set; }
    /// <summary>A newcomer's own learning window ends here (sensor-reference §4.1: devices seen later learn on their own).</summary>
    public Timestamp LearningUntil { get; set; }
    /// <summary>Operations (<see cref="OtOperation"/> bits) this host was learned issuing: writes, programming, firmware, control.</summary>
    public uint Operations { get; set; }
    /// <summary>Learned as reaching Internet addresses.</summary>
    public bool Internet { get; set; }
    /// <summary>The firmware version it reported last; null until it reports one.</summary>
    public string? Firmware { get; set; }
    /// <summary>The protocol that reported <see cref="Firmware"/> (versions are compared within one protocol).</summary>
    public ProtocolId FirmwareProtocol { get; set; }
    /// <summary>The protocol unit that reported it (Modbus unit id behind a gateway); -1 when the protocol has none.</summary>
    public int FirmwareUnit { get; set; } = -1;

    /// <summary>New Asset Detected was raised (or was not due) for it.</summary>
    internal bool Announced { get; set; }

    public bool HasLearned(OtOperation operation) => (Operations & (1u << ((int)operation & 31))) != 0;

    internal void LearnOperation(OtOperation operation) => Operations |= 1u << ((int)operation & 31);

    public AlertEndpoint Endpoint => new(Address, Address.IsEmpty ? Mac : default);
}
