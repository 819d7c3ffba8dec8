namespace OtSensor.Core.Parsing;

/// <summary>Direction of application data relative to the flow's server (responder).</summary>
public enum Direction : byte
{
    ToServer = 0,
    ToClient = 1,
}
