namespace OtSensor.Protocols.Tpkt;

/// <summary>Outcome of reading one TPKT header.</summary>
public enum TpktStatus : byte
{
    /// <summary>A whole packet is available.</summary>
    Complete,

    /// <summary>The header or the packet it announces is still arriving.</summary>
    Incomplete,

    /// <summary>Version byte is not 3.</summary>
    InvalidVersion,

    /// <summary>Length field below the 7-byte minimum.</summary>
    InvalidLength,
}
