namespace OtSensor.Integration.Tests;

/// <summary>Paths inside the repository, found from the test binary upwards.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = Find();

    public static string DemoCapture => Path.Combine(Root, "pcaps", "demo", "modbus-plant.pcap");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "OtSensor.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("OtSensor.sln was not found above the test binary.");
    }
}
