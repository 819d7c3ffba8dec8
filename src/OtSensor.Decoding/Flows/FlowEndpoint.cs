using OtSensor.Core.Net;

namespace OtSensor.Decoding.Flows;

/// <summary>One end of a flow: address and transport port (zero for protocols without ports).</summary>
public readonly record struct FlowEndpoint(IPAddressBytes Address, ushort Port);
