namespace OtSensor.Capture.Live;

/// <summary>Counters of one interface (or the sum over all), cumulative since the capture started.</summary>
/// <param name="Interface">libpcap interface name, or <c>*</c> for the total.</param>
/// <param name="KernelReceived">pcap_stats <c>ps_recv</c>: frames that passed the filter in the kernel; on Linux this includes those the kernel then dropped.</param>
/// <param name="DroppedByKernel">pcap_stats <c>ps_drop</c>: frames lost because the kernel buffer was full (the sensor read too slowly).</param>
/// <param name="DroppedByInterface">pcap_stats <c>ps_ifdrop</c>: frames the interface or its driver dropped (the rx_dropped counter since the start).</param>
/// <param name="Received">Frames libpcap handed to the sensor.</param>
/// <param name="DroppedByQueue">Frames received but dropped because the queue to the analysis thread was full.</param>
/// <param name="Delivered">Frames handed to the analysis.</param>
/// <param name="Bytes">Captured bytes of the received frames.</param>
public readonly record struct LiveCaptureStatistics(
    string Interface,
    long KernelReceived,
    long DroppedByKernel,
    long DroppedByInterface,
    long Received,
    long DroppedByQueue,
    long Delivered,
    long Bytes)
{
    /// <summary>Frames lost anywhere between the wire and the analysis.</summary>
    public long Dropped => DroppedByKernel + DroppedByInterface + DroppedByQueue;
}
