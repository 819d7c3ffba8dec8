namespace OtSensor.Outputs.Store;

/// <summary>Packets and bytes read in one minute of capture time (epoch ms of the minute's start).</summary>
public sealed record TrafficPoint(long Time, long Packets, long Bytes);
