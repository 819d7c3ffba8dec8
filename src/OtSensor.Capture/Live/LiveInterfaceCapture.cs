using System.Globalization;
using OtSensor.Capture.Files;
using OtSensor.Core.Net;
using SharpPcap;
using SharpPcap.LibPcap;

namespace OtSensor.Capture.Live;

/// <summary>
/// One opened libpcap device, its capture thread and the <see cref="FrameRing"/> it fills. The thread reads frames
/// with <c>pcap_next_ex</c> (pointers into libpcap's ring, no copy by SharpPcap) and copies each into the ring once.
/// </summary>
/// <remarks>
/// <para>
/// Kernel buffering starts when the device is activated (in <see cref="Open"/>), not at <see cref="Start"/>: frames
/// that arrive in between wait in the kernel buffer, and are dropped there when it is full.
/// </para>
/// <para>
/// Statistics come from <c>pcap_stats</c> called directly (<see cref="LibPcapNative"/>), under a lock so that only
/// one thread at a time calls it; libpcap's counters are 32-bit and wrap, so they are accumulated by difference.
/// </para>
/// </remarks>
internal sealed class LiveInterfaceCapture : IDisposable
{
    private readonly LibPcapLiveDevice _device;
    private readonly PcapHandle _handle;
    private readonly bool _nanoseconds;
    private readonly TimeSpan _drainTime;
    private readonly Lock _statsLock = new();
    private Thread? _thread;
    private volatile bool _stopping;
    private bool _closed;

    // Written by the capture thread only.
    private long _received;
    private long _bytes;
    private long _allocatedBaseline = -1;
    private long _allocated;
    private bool _draining;

    // Guarded by _statsLock.
    private LibPcapNative.PcapStat _last;
    private long _kernelReceived;
    private long _kernelDropped;
    private long _interfaceDropped;

    private LiveInterfaceCapture(LibPcapLiveDevice device, ushort rawLinkType, bool nanoseconds, LiveCaptureOptions options)
    {
        _device = device;
        // The kernel hands over a block when it is full or when it has been open for the read timeout: after a stop,
        // frames that arrived just before it are visible within one timeout (plus timer slack).
        _drainTime = TimeSpan.FromMilliseconds(Math.Min(2 * options.ReadTimeout.TotalMilliseconds, 2000) + 200);
        _handle = device.Handle;
        _nanoseconds = nanoseconds;
        RawLinkType = rawLinkType;
        Ring = new FrameRing(options.QueueBytes);
    }

    public string Name => _device.Name;
    public ushort RawLinkType { get; }
    public LinkType LinkType => LinkTypes.FromRaw(RawLinkType);
    public FrameRing Ring { get; }

    /// <summary>Set when the capture thread stopped on a libpcap error (the interface went away, ...).</summary>
    public string? Error { get; private set; }

    public bool Running => _thread is { IsAlive: true };

    /// <summary>Bytes the capture thread allocated after its first frame (0 when the read path allocates nothing).</summary>
    public long CaptureThreadAllocatedBytes => Volatile.Read(ref _allocated);

    /// <summary>Opens and activates <paramref name="device"/> with <paramref name="options"/> and sets the filter.</summary>
    public static LiveInterfaceCapture Open(LibPcapLiveDevice device, LiveCaptureOptions options)
    {
        var failures = new List<string>();
        var configuration = new DeviceConfiguration
        {
            Mode = options.Promiscuous ? DeviceModes.Promiscuous : DeviceModes.None,
            Snaplen = options.SnapLength,
            ReadTimeout = (int)Math.Clamp(options.ReadTimeout.TotalMilliseconds, 1, int.MaxValue),
            BufferSize = options.KernelBufferBytes,
            Immediate = options.Immediate,
            TimestampResolution = TimestampResolution.Nanosecond,
        };
        // Options libpcap refuses are reported through this event, not thrown; nanosecond time stamps are optional.
        configuration.ConfigurationFailed += (_, e) =>
        {
            if (e.Property != nameof(DeviceConfiguration.TimestampResolution)) failures.Add($"{e.Property}: {e.Message}");
        };
        try
        {
            device.Open(configuration);
        }
        catch (PcapException e)
        {
            device.Close();
            throw Translate(device.Name, e);
        }
        if (failures.Count > 0)
        {
            device.Close();
            throw new LiveCaptureException(LiveCaptureError.OpenFailed, $"cannot configure interface '{device.Name}': {string.Join("; ", failures)}");
        }
        if (!string.IsNullOrWhiteSpace(options.Filter))
        {
            try
            {
                device.Filter = options.Filter;
            }
            catch (PcapException e)
            {
                device.Close();
                throw new LiveCaptureException(LiveCaptureError.BadFilter, $"bad capture filter '{options.Filter}': {OneLine(e.Message)}", e);
            }
        }
        bool nanoseconds = device.TimestampResolution == TimestampResolution.Nanosecond;
        int linkType = DataLink(device.Handle);
        return new LiveInterfaceCapture(device, (ushort)Math.Max(0, linkType), nanoseconds, options);
    }

    /// <summary>Starts the capture thread.</summary>
    public void Start()
    {
        if (_thread is not null) return;
        _thread = new Thread(CaptureLoop)
        {
            IsBackground = true,
            Name = "otsensor capture " + Name,
            Priority = ThreadPriority.AboveNormal,
        };
        _thread.Start();
    }

    /// <summary>
    /// Stops the capture thread (wakes it from <c>pcap_next_ex</c>) and waits for it; frames the kernel still held
    /// when the stop came are read first, so a clean stop loses nothing that reached the interface before it.
    /// </summary>
    public void Stop()
    {
        _stopping = true;
        if (_thread is null) return;
        WithHandle(static h => LibPcapNative.BreakLoop(h));
        _thread.Join(TimeSpan.FromSeconds(5));
    }

    /// <summary>Counters so far; reads <c>pcap_stats</c> while the device is open.</summary>
    public LiveCaptureStatistics Statistics()
    {
        lock (_statsLock)
        {
            if (!_closed) SampleKernelCounters();
            return new LiveCaptureStatistics(Name, _kernelReceived, _kernelDropped, _interfaceDropped,
                Volatile.Read(ref _received), Ring.Dropped, Ring.Read, Volatile.Read(ref _bytes));
        }
    }

    public void Dispose()
    {
        Stop();
        lock (_statsLock)
        {
            if (_closed) return;
            SampleKernelCounters();
            _closed = true;
        }
        _device.Close();
    }

    private void CaptureLoop()
    {
        try
        {
            while (!_stopping)
            {
                int result = ReadOne();
                if (result < 0)
                {
                    // -2 is pcap_breakloop (a requested stop); anything else is an error such as the interface going down.
                    if (result != -2 && !_stopping)
                    {
                        Error = OneLine(_device.LastError);
                        return;
                    }
                    break;
                }
            }
            TrackAllocations();
            _draining = true;
            DrainAfterStop();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    /// <summary>Reads, without blocking, what the kernel hands over within <see cref="_drainTime"/> of the stop.</summary>
    private void DrainAfterStop()
    {
        try
        {
            _device.NonBlockingMode = true;
        }
        catch (PcapException)
        {
            return;
        }
        var deadline = DateTime.UtcNow + _drainTime;
        while (DateTime.UtcNow < deadline)
        {
            int result = ReadOne();
            // A break requested while the loop was between reads is reported by the next read: read on past it.
            if (result < 0 && result != -2) return;
            if (result <= 0) Thread.Sleep(5);
        }
    }

    /// <summary>One <c>pcap_next_ex</c>: 1 and the frame queued (or counted as dropped), 0 on timeout, negative on error or break.</summary>
    private unsafe int ReadOne()
    {
        IntPtr header = IntPtr.Zero, data = IntPtr.Zero;
        int result = _device.GetNextPacketPointers(ref header, ref data);
        if (result != 1) return result;
        var h = (LibPcapNative.PcapPacketHeader*)header;
        int length = (int)h->CaptureLength;
        long fraction = _nanoseconds ? h->Fraction.Value : h->Fraction.Value * 1000;
        Ring.TryWrite(new ReadOnlySpan<byte>((void*)data, length), (int)h->Length, (h->Seconds.Value * 1_000_000_000L) + fraction);
        Volatile.Write(ref _received, _received + 1);
        Volatile.Write(ref _bytes, _bytes + length);
        // The drain after a stop switches libpcap to non-blocking mode through SharpPcap, which allocates: not counted.
        if ((_received & 1023) == 1 && !_draining) TrackAllocations();
        return 1;
    }

    /// <summary>Capture thread only: allocations since the first frame (start-up work before it is not counted).</summary>
    private void TrackAllocations()
    {
        long now = GC.GetAllocatedBytesForCurrentThread();
        if (_allocatedBaseline < 0) _allocatedBaseline = now;
        else Volatile.Write(ref _allocated, now - _allocatedBaseline);
    }

    private void SampleKernelCounters()
    {
        var now = default(LibPcapNative.PcapStat);
        int status = 0;
        WithHandle(h => status = LibPcapNative.Stats(h, ref now));
        if (status != 0) return;
        _kernelReceived += unchecked(now.Received - _last.Received);
        _kernelDropped += unchecked(now.Dropped - _last.Dropped);
        _interfaceDropped += unchecked(now.InterfaceDropped - _last.InterfaceDropped);
        _last = now;
    }

    private void WithHandle(Action<IntPtr> action)
    {
        bool added = false;
        try
        {
            _handle.DangerousAddRef(ref added);
            action(_handle.DangerousGetHandle());
        }
        catch (ObjectDisposedException)
        {
        }
        finally
        {
            if (added) _handle.DangerousRelease();
        }
    }

    private static int DataLink(PcapHandle handle)
    {
        bool added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            return LibPcapNative.DataLink(handle.DangerousGetHandle());
        }
        finally
        {
            if (added) handle.DangerousRelease();
        }
    }

    private static LiveCaptureException Translate(string name, PcapException e)
    {
        string detail = OneLine(e.Message);
        return e.Error switch
        {
            PcapError.PermissionDenied or PcapError.PromiscuousPermissionDenied => new LiveCaptureException(LiveCaptureError.PermissionDenied,
                $"permission denied opening interface '{name}': run as root or give the process CAP_NET_RAW", e),
            PcapError.NoSuchDevice => new LiveCaptureException(LiveCaptureError.NoSuchInterface, $"no such interface '{name}'", e),
            PcapError.InterfaceNotUp => new LiveCaptureException(LiveCaptureError.OpenFailed, $"interface '{name}' is down (ip link set {name} up)", e),
            _ => new LiveCaptureException(LiveCaptureError.OpenFailed, string.Create(CultureInfo.InvariantCulture,
                $"cannot open interface '{name}': {detail} (libpcap status {(int)e.Error})"), e),
        };
    }

    private static string OneLine(string? text) => (text ?? "").ReplaceLineEndings(" ").Trim();
}
