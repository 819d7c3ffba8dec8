namespace OtSensor.Outputs.Reports.Model;

/// <summary>One device-to-device connection: the two device ids, the protocols and commands seen, the server ports.</summary>
/// <remarks><see cref="FirstId"/> is the side that opened the first flow (the client) where the inventory knows it.</remarks>
public sealed record ReportConnection(int FirstId, int SecondId, IReadOnlyList<string> Protocols, IReadOnlyList<int> Ports, long Packets, string Commands, long Bytes = 0);
