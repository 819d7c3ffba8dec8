namespace OtSensor.Outputs.Store;

/// <summary>One protocol of a device (§9.1 <c>protocols[{id, name, addresses}]</c> plus short name, roles, source).</summary>
public sealed record DeviceProtocolRecord(int Id, string Name, string Protocol, IReadOnlyList<string> Addresses, IReadOnlyList<string> Roles, string Source, int Confidence);
