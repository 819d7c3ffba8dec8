namespace OtSensor.Capture.Files;

/// <summary>Container format of a capture file, decided by its first four bytes.</summary>
public enum CaptureFormat : byte
{
    /// <summary>Not a capture file we read (empty, truncated or unknown magic).</summary>
    Unknown = 0,

    /// <summary>Classic libpcap format (draft-ietf-opsawg-pcap), any of its four magic numbers.</summary>
    Pcap = 1,

    /// <summary>pcapng (draft-ietf-opsawg-pcapng), starting with a Section Header Block.</summary>
    PcapNg = 2,
}
