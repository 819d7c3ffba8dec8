namespace OtSensor.Forwarding.Tests;

internal static class RepoPaths
{
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "OtSensor.sln"))) return dir.FullName;
            throw new DirectoryNotFoundException("OtSensor.sln not found above the test binary");
        }
    }

    public static string Forwarding => Path.Combine(Root, "src", "OtSensor.Outputs.Forwarding");
}
