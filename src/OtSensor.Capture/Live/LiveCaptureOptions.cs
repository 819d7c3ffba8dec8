namespace OtSensor.Capture.Live;

/// <summary>Settings of a live capture. The defaults keep up with a busy mirror port without drops.</summary>
/// <remarks>
/// Defaults from measurements on the sensor VM (docs/platform-notes "Capture"): immediate mode with libpcap's
/// default 2 MiB buffer lost packets at the first slow callback and 3–17 % at 140–280 kpps; non-immediate mode with
/// a 64 MiB kernel buffer caught 200k of 200k with 0.5–0.9 s latency. The read timeout bounds that latency.
/// </remarks>
public sealed record LiveCaptureOptions
{
    /// <summary>Interfaces to capture on, by libpcap name (e.g. <c>eth1</c>); several are captured at once.</summary>
    public IReadOnlyList<string> Interfaces { get; init; } = [];

    /// <summary>BPF filter (pcap-filter(7) syntax) applied in the kernel, or null for everything.</summary>
    public string? Filter { get; init; }

    /// <summary>Receive frames not addressed to the interface (a span port delivers other hosts' traffic).</summary>
    public bool Promiscuous { get; init; } = true;

    /// <summary>Bytes kept of each frame; longer frames are truncated (their original length is kept).</summary>
    public int SnapLength { get; init; } = 65_535;

    /// <summary>libpcap's kernel ring buffer per interface (pcap_set_buffer_size).</summary>
    public int KernelBufferBytes { get; init; } = 64 << 20;

    /// <summary>Deliver each frame as soon as it arrives instead of when a kernel block fills or the timeout expires.</summary>
    public bool Immediate { get; init; }

    /// <summary>Longest wait for a kernel block to fill before its frames are delivered anyway (pcap_set_timeout).</summary>
    public TimeSpan ReadTimeout { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Queue between each capture thread and the analysis thread, in bytes (frames plus 16 bytes each).</summary>
    public int QueueBytes { get; init; } = 64 << 20;
}
