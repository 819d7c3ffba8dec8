namespace OtSensor.Outputs.Store;

/// <summary>One protocol's share of the traffic: packets and bytes of the connections that carried it, devices that spoke it.</summary>
public sealed record ProtocolUsage(string Name, long Packets, long Bytes, long Devices);
