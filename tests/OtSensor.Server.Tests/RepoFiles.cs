namespace OtSensor.Server.Tests;

/// <summary>Files of the repository (the committed captures), found above the test binary.</summary>
internal static class RepoFiles
{
    public static string Root { get; } = FindRoot();

    /// <summary>pcaps/demo/modbus-plant.pcap: a Modbus plant, 6 devices, Modbus exception alerts with PCAPs.</summary>
    public static string DemoCapture => Path.Combine(Root, "pcaps", "demo", "modbus-plant.pcap");

    public static string Simulated(string name) => Path.Combine(Root, "pcaps", "simulated", name);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "OtSensor.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("OtSensor.sln not found above the test binary");
    }
}
