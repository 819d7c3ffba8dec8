namespace OtSensor.Core.Protocols;

/// <summary>Stable lowercase names of <see cref="OtOperation"/> values, from a static table.</summary>
public static class OtOperationNames
{
    private static readonly string[] Names =
    [
        "none", "read", "write", "program_download", "program_upload", "firmware", "control", "restart", "stop",
        "start", "time_sync", "discovery", "identification", "authentication", "diagnostics", "other",
    ];

    public static string Get(OtOperation operation) => (uint)operation < (uint)Names.Length ? Names[(int)operation] : "other";
}
