using OtSensor.Core.Net;
using OtSensor.Core.Time;
using SharpPcap.LibPcap;

namespace OtSensor.Capture.Live;

/// <summary>
/// Live capture from one or more interfaces through libpcap (SharpPcap's <see cref="LibPcapLiveDevice"/>). Each
/// interface has its own capture thread and its own bounded <see cref="FrameRing"/>; one analysis thread takes the
/// frames with <see cref="TryRead"/> / <see cref="Release"/>, oldest first across interfaces.
/// </summary>
/// <remarks>
/// <para>Usage: <c>Open</c> (checks the interfaces, permissions and filter; kernel buffering starts), <c>Start</c>,
/// then <c>TryRead</c>/<c>Release</c> in a loop on one thread, <c>Stop</c>, read what is left, <c>Dispose</c>.</para>
/// <para>The capture threads never wait for the analysis: when a queue is full the frame is dropped and counted
/// (<see cref="LiveCaptureStatistics.DroppedByQueue"/>), so a slow analysis shows up as drops, never as a stalled
/// capture that would move the loss into the kernel where it is harder to attribute.</para>
/// </remarks>
public sealed class LiveCapture : IDisposable
{
    private readonly LiveInterfaceCapture[] _interfaces;
    private FrameRing? _peeked;
    private bool _disposed;

    private LiveCapture(LiveInterfaceCapture[] interfaces) => _interfaces = interfaces;

    /// <summary>libpcap names of the interfaces, in the order of the options.</summary>
    public IReadOnlyList<string> InterfaceNames => Array.ConvertAll(_interfaces, i => i.Name);

    /// <summary>Link type of each interface (Ethernet on a NIC, LinuxSll on <c>any</c>).</summary>
    public LinkType LinkTypeOf(int interfaceIndex) => _interfaces[interfaceIndex].LinkType;

    /// <summary>The first capture-thread error (an interface went down or away), or null.</summary>
    public string? Error
    {
        get
        {
            foreach (var i in _interfaces)
                if (i.Error is { } e) return $"{i.Name}: {e}";
            return null;
        }
    }

    /// <summary>True while at least one capture thread runs.</summary>
    public bool Running
    {
        get
        {
            foreach (var i in _interfaces)
                if (i.Running) return true;
            return false;
        }
    }

    /// <summary>
    /// Bytes allocated on the capture threads since each read its first frame: 0 in steady state (the read path copies
    /// each frame into its queue and nothing else). For health checks and tests.
    /// </summary>
    public long CaptureThreadAllocatedBytes
    {
        get
        {
            long total = 0;
            foreach (var i in _interfaces) total += i.CaptureThreadAllocatedBytes;
            return total;
        }
    }

    /// <summary>
    /// Opens every interface of <paramref name="options"/>. Throws <see cref="LiveCaptureException"/> with a one-line
    /// reason when an interface does not exist, libpcap is missing, permission is lacking or the filter is wrong;
    /// interfaces already opened are closed again.
    /// </summary>
    public static LiveCapture Open(LiveCaptureOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);
        var devices = ListDevices();
        var opened = new List<LiveInterfaceCapture>();
        try
        {
            foreach (var name in options.Interfaces)
            {
                var device = Find(devices, name) ?? throw new LiveCaptureException(LiveCaptureError.NoSuchInterface,
                    $"no such interface '{name}' (available: {string.Join(", ", devices.Select(d => d.Name))})");
                opened.Add(LiveInterfaceCapture.Open(device, options));
            }
        }
        catch
        {
            foreach (var i in opened) i.Dispose();
            throw;
        }
        return new LiveCapture([.. opened]);
    }

    /// <summary>Names of the interfaces libpcap can capture on.</summary>
    public static IReadOnlyList<string> AvailableInterfaces() => ListDevices().Select(d => d.Name).ToArray();

    /// <summary>Starts the capture threads.</summary>
    public void Start()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        foreach (var i in _interfaces) i.Start();
    }

    /// <summary>Stops the capture threads. Frames already queued can still be read.</summary>
    public void Stop()
    {
        foreach (var i in _interfaces) i.Stop();
    }

    /// <summary>
    /// Analysis thread only: the oldest queued frame over all interfaces, left in its queue until
    /// <see cref="Release"/>. False when every queue is empty.
    /// </summary>
    public bool TryRead(out LiveFrame frame)
    {
        var interfaces = _interfaces;
        int best = -1;
        long bestTime = long.MaxValue;
        if (interfaces.Length == 1)
        {
            if (interfaces[0].Ring.TryPeekTimestamp(out bestTime)) best = 0;
        }
        else
        {
            for (int i = 0; i < interfaces.Length; i++)
            {
                if (interfaces[i].Ring.TryPeekTimestamp(out long time) && (best < 0 || time < bestTime))
                {
                    best = i;
                    bestTime = time;
                }
            }
        }
        if (best < 0)
        {
            frame = default;
            return false;
        }
        var ring = interfaces[best].Ring;
        ring.TryPeek(out var data, out int originalLength, out long timestamp);
        _peeked = ring;
        frame = new LiveFrame(data, interfaces[best].LinkType, new Timestamp(timestamp), originalLength, best);
        return true;
    }

    /// <summary>Analysis thread only: frees the frame returned by the last <see cref="TryRead"/>.</summary>
    public void Release()
    {
        var ring = _peeked ?? throw new InvalidOperationException("Release without a frame from TryRead.");
        ring.Release();
        _peeked = null;
    }

    /// <summary>Counters per interface, in the order of the options.</summary>
    public LiveCaptureStatistics[] Statistics() => Array.ConvertAll(_interfaces, i => i.Statistics());

    /// <summary>Counters summed over all interfaces (interface name <c>*</c>).</summary>
    public static LiveCaptureStatistics Total(IEnumerable<LiveCaptureStatistics> perInterface)
    {
        ArgumentNullException.ThrowIfNull(perInterface);
        long kr = 0, kd = 0, id = 0, r = 0, qd = 0, d = 0, b = 0;
        foreach (var s in perInterface)
        {
            kr += s.KernelReceived;
            kd += s.DroppedByKernel;
            id += s.DroppedByInterface;
            r += s.Received;
            qd += s.DroppedByQueue;
            d += s.Delivered;
            b += s.Bytes;
        }
        return new LiveCaptureStatistics("*", kr, kd, id, r, qd, d, b);
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        foreach (var i in _interfaces) i.Dispose();
    }

    private static void Validate(LiveCaptureOptions options)
    {
        if (options.Interfaces.Count == 0) throw new LiveCaptureException(LiveCaptureError.BadOptions, "no interface given");
        if (options.Interfaces.Distinct(StringComparer.Ordinal).Count() != options.Interfaces.Count)
            throw new LiveCaptureException(LiveCaptureError.BadOptions, "the same interface is given twice");
        if (options.SnapLength is < 64 or > 262_144)
            throw new LiveCaptureException(LiveCaptureError.BadOptions, "snapshot length must be between 64 and 262144 bytes");
        if (options.KernelBufferBytes < 0)
            throw new LiveCaptureException(LiveCaptureError.BadOptions, "kernel buffer size must not be negative");
        if (options.QueueBytes is < 4096 or > 1 << 30)
            throw new LiveCaptureException(LiveCaptureError.BadOptions, "queue size must be between 4 KiB and 1 GiB");
    }

    private static LibPcapLiveDeviceList ListDevices()
    {
        try
        {
            return LibPcapLiveDeviceList.New();
        }
        catch (Exception e) when (IsMissingLibrary(e))
        {
            throw new LiveCaptureException(LiveCaptureError.LibPcapMissing,
                "libpcap is not installed (Debian/Ubuntu: apt-get install -y libpcap0.8)", e);
        }
    }

    private static bool IsMissingLibrary(Exception e) => e switch
    {
        DllNotFoundException => true,
        TypeInitializationException { InnerException: { } inner } => IsMissingLibrary(inner),
        _ => false,
    };

    private static LibPcapLiveDevice? Find(LibPcapLiveDeviceList devices, string name)
    {
        foreach (var device in devices)
            if (string.Equals(device.Name, name, StringComparison.Ordinal)) return device;
        return null;
    }
}
