namespace OtSensor.Core.Parsing;

/// <summary>Whether a protocol recognises the first bytes of a stream or datagram.</summary>
public enum ProbeResult : byte
{
    Unrecognized,
    Recognized,
    /// <summary>Too few bytes to decide.</summary>
    Incomplete,
}
