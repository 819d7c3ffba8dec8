using OtSensor.Simulation.Wire;

namespace OtSensor.Simulation.Plant;

/// <summary>A PLC, RTU or controller and the protocol it serves, with the protocol-level identity it reports.</summary>
public sealed record FieldDevice(Host Host, ControlProtocol Protocol)
{
    /// <summary>Modbus unit id, DNP3 outstation address, IEC 104 common address or BACnet device instance.</summary>
    public int Address { get; init; }
    /// <summary>Protocol vendor number (CIP vendor id, BACnet vendor id), 0 when the protocol has none.</summary>
    public int VendorId { get; init; }
    public int ProductCode { get; init; }
    public int DeviceType { get; init; }
}
