namespace OtSensor.Capture.Ring;

/// <summary>One PCAP to cut from a <see cref="TrafficRing"/>: the file to write and the ring sequence numbers of its frames, ascending.</summary>
public sealed record TrafficRingCut(string Path, IReadOnlyList<long> Sequences);
