namespace OtSensor.Cli;

/// <summary>Process exit codes of the <c>otsensor</c> command.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>Nothing usable was read (missing file, not a capture), or the command line was wrong.</summary>
    public const int NothingUsable = 2;
    public const int BadUsage = 2;
}
