namespace OtSensor.Protocols.Srtp;

/// <summary>What was wrong with one SRTP message. Names come from <see cref="SrtpNames.Anomaly"/>.</summary>
[Flags]
public enum SrtpAnomalies : ulong
{
    None = 0,

    /// <summary>Service request code not in the known list.</summary>
    UnknownService = 1UL << 0,

    /// <summary>Message type (byte 31) not request 0xC0 for a request, nor ACK 0xD4 / ACK with data 0x94 / error 0xD1 for a response.</summary>
    InvalidMessageType = 1UL << 1,

    /// <summary>A request from the server or a response from the client.</summary>
    DirectionMismatch = 1UL << 2,

    /// <summary>A response with no outstanding request to name it.</summary>
    UnsolicitedResponse = 1UL << 3,

    /// <summary>An initialisation message that is not all zeros after byte 0.</summary>
    InitNotZero = 1UL << 4,
}
