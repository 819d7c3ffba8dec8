namespace OtSensor.Simulation.Plant;

/// <summary>The protocol a simulated field device answers on.</summary>
public enum ControlProtocol
{
    ModbusTcp,
    S7Comm,
    EtherNetIP,
    Dnp3,
    Iec104,
    Bacnet,
    /// <summary>IEC 61850 GOOSE publisher (layer 2): it answers nothing, it publishes.</summary>
    Goose,
}
