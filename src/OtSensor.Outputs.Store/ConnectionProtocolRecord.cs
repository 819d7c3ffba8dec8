namespace OtSensor.Outputs.Store;

/// <summary>One protocol of a connection (§9.1 <c>protocols[{name, commands}]</c>).</summary>
public sealed record ConnectionProtocolRecord(string Name, IReadOnlyList<string> Commands);
