namespace OtSensor.Simulation.Scenarios;

/// <summary>Every scenario by name, in the order `otsensor simulate --help` lists them.</summary>
public static class ScenarioCatalog
{
    public static IReadOnlyList<Scenario> All { get; } =
    [
        new BaselineScenario(),
        new ReconScenario(),
        new PlcStopScenario(),
        new ModbusWriteScenario(),
        new Dnp3UnknownMasterScenario(),
        new Iec104BurstScenario(),
        new DeviceSilentScenario(),
        new NewDeviceScenario(),
        new InternetAccessScenario(),
        new PasswordGuessingScenario(),
        new PlcProgrammingScenario(),
        new CipProgramChangeScenario(),
        new FirmwareUpdateScenario(),
    ];

    public static Scenario? Find(string name)
    {
        foreach (var scenario in All)
            if (string.Equals(scenario.Name, name, StringComparison.OrdinalIgnoreCase)) return scenario;
        return null;
    }
}
