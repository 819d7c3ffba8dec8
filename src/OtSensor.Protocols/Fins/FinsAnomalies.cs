namespace OtSensor.Protocols.Fins;

/// <summary>What was wrong with one FINS frame. Names come from <see cref="FinsNames.Anomaly"/>.</summary>
[Flags]
public enum FinsAnomalies : ulong
{
    None = 0,

    /// <summary>ICF bit 7 clear, or bits 5–1 set.</summary>
    InvalidIcf = 1UL << 0,

    /// <summary>RSV not 0.</summary>
    ReservedNotZero = 1UL << 1,

    /// <summary>Gateway count above 7.</summary>
    InvalidGatewayCount = 1UL << 2,

    /// <summary>Command code not in the FINS command tables.</summary>
    UnknownCommand = 1UL << 3,

    /// <summary>The frame ends before the command code or the response's end code.</summary>
    FrameTooShort = 1UL << 4,

    /// <summary>A command frame travelling from the server, or a response from the client.</summary>
    DirectionMismatch = 1UL << 5,

    /// <summary>FINS/TCP length disagrees with the bytes, or the FINS/TCP command is undefined.</summary>
    InvalidTcpHeader = 1UL << 6,

    /// <summary>A FINS/TCP error code other than 0.</summary>
    TcpError = 1UL << 7,
}
