using OtSensor.Core.Protocols;

namespace OtSensor.Analysis.Detection;

/// <summary>
/// The facts an alert's message template names (besides source, destination, count and window), kept as values so
/// raising an alert makes no string: the message is rendered once, when the alerts are written.
/// </summary>
public readonly record struct AlertArguments
{
    public ProtocolId Protocol { get; init; }
    /// <summary>The protocol's function code; -1 when none.</summary>
    public int Function { get; init; }
    /// <summary>The function's name from the protocol's static table; null when unknown.</summary>
    public string? FunctionName { get; init; }
    public OtOperation Operation { get; init; }
    public ushort Port { get; init; }
    /// <summary>A value the alert is about (new firmware version, exception code...); made only when an alert is new.</summary>
    public string? Value { get; init; }
    /// <summary>The value it replaced (previous firmware version...).</summary>
    public string? Previous { get; init; }

    public static AlertArguments None { get; } = new() { Function = -1 };

    /// <summary>The arguments of a PDU: its protocol, function and operation.</summary>
    public static AlertArguments Of(ProtocolId protocol, int function, string? functionName, OtOperation operation, ushort port)
        => new() { Protocol = protocol, Function = function, FunctionName = functionName, Operation = operation, Port = port };
}
