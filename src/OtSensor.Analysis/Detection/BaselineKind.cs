namespace OtSensor.Analysis.Detection;

/// <summary>What a learned tuple between two hosts records.</summary>
public enum BaselineKind : byte
{
    /// <summary>A client reached a server on a port (<see cref="BaselineKey.Value"/>).</summary>
    Connection,
    /// <summary>A client spoke a protocol (<see cref="BaselineKey.Protocol"/>) to a server.</summary>
    Protocol,
    /// <summary>A client sent a function code (<see cref="BaselineKey.Value"/>) of a protocol to a server.</summary>
    Function,
}
