namespace OtSensor.Simulation.Plant;

/// <summary>What a simulated device is, in the sensor API's device type words (sensor-reference §2.4).</summary>
public enum DeviceKind
{
    Plc,
    Rtu,
    Ied,
    Hmi,
    EngineeringStation,
    Historian,
    ScadaServer,
    OpcServer,
    BuildingController,
    IoAdapter,
    Workstation,
    Server,
    Switch,
    Unknown,
}
