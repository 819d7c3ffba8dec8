namespace OtSensor.Capture.Live;

/// <summary>Why a live capture could not start.</summary>
public enum LiveCaptureError
{
    /// <summary>Any other failure to open or configure a device.</summary>
    OpenFailed,
    /// <summary>libpcap (libpcap0.8 on Debian) is not installed.</summary>
    LibPcapMissing,
    /// <summary>No interface of that name.</summary>
    NoSuchInterface,
    /// <summary>Opening a device needs root or CAP_NET_RAW.</summary>
    PermissionDenied,
    /// <summary>The BPF filter does not compile.</summary>
    BadFilter,
    /// <summary>The options are inconsistent (no interface, negative sizes, the same interface twice).</summary>
    BadOptions,
}
