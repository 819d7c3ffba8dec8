namespace OtSensor.Protocols.Melsec;

/// <summary>What was wrong with one MC protocol frame. Names come from <see cref="MelsecNames.Anomaly"/>.</summary>
[Flags]
public enum MelsecAnomalies : ulong
{
    None = 0,

    /// <summary>Data length disagrees with the bytes of the frame.</summary>
    LengthMismatch = 1UL << 0,

    /// <summary>The data is shorter than the monitoring timer, command and subcommand (request) or the end code (response).</summary>
    DataTooShort = 1UL << 1,

    /// <summary>Command not in the SLMP command list.</summary>
    UnknownCommand = 1UL << 2,

    /// <summary>4E fixed field not 0.</summary>
    ReservedNotZero = 1UL << 3,

    /// <summary>A request from the server or a response from the client.</summary>
    DirectionMismatch = 1UL << 4,

    /// <summary>A response with no outstanding request to name it.</summary>
    UnsolicitedResponse = 1UL << 5,
}
