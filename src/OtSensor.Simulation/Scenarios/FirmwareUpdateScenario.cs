using OtSensor.Simulation.Manifest;
using OtSensor.Simulation.Plant;
using OtSensor.Simulation.Traffic;
using OtSensor.Simulation.Wire;

namespace OtSensor.Simulation.Scenarios;

/// <summary>
/// A firmware image is uploaded to a Modbus PLC over FTP, the PLC reboots on the new version, and the next
/// identification read reports it: the device's firmware changes within the capture.
/// </summary>
public sealed class FirmwareUpdateScenario : Scenario
{
    public override string Name => "firmware-update";
    public override string Description => "FTP upload of a firmware image to a Modbus PLC, then its Modbus device identification reports the new version.";

    public override void Schedule(ScenarioContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var sim = context.Sim;
        var plant = context.Plant;
        var random = context.NewRandom();
        var plc = plant.Speaking(ControlProtocol.ModbusTcp).First();
        var station = plant.EngineeringStation;
        var upload = context.At(0.4);
        var before = plc.Host.Firmware ?? "1.0";
        var after = before + ".1";
        var check = upload.Add(TimeSpan.FromSeconds(30));
        sim.Manifest.AddStep(new AttackStep(upload, "firmware-upload", $"FTP STOR of a 120 KB firmware image to {plc.Host.Name}", station.Name, [plc.Host.Name],
            ["Firmware Update"]));
        sim.Manifest.AddStep(new AttackStep(check, "firmware-changed", $"Modbus 43/14 now reports firmware {after} (was {before})", station.Name, [plc.Host.Name],
            ["Firmware Version Changed", "Modbus Firmware Version Changed"]));
        sim.At(upload.Add(TimeSpan.FromSeconds(-10)), () => BaselineTraffic.ReadIdentity(context, station, plc, sim.Now, random));
        sim.At(upload, () =>
        {
            var control = new TcpConnection(sim, station, station.NextEphemeralPort(), plc.Host, FtpTraffic.Port, random);
            FtpTraffic.Upload(sim, control, sim.Now, "admin", "fwupdate", "/fw/firmware.bin", 120_000, random);
        });
        sim.At(upload.Add(TimeSpan.FromSeconds(20)), () => plc.Host.Firmware = after);
        sim.At(check, () => BaselineTraffic.ReadIdentity(context, station, plc, sim.Now, random));
    }
}
