namespace OtSensor.Capture.Files;

/// <summary>Buffer size and the bounds that turn absurd lengths in a capture file into a <see cref="CaptureReadError"/>.</summary>
public sealed record CaptureReaderOptions
{
    /// <summary>Default options: 1 MiB read buffer, 256 KiB per packet, 16 MiB per pcapng block, 4096 interfaces per section.</summary>
    public static readonly CaptureReaderOptions Default = new();

    /// <summary>Bytes read from the file at a time. A larger block or record grows the buffer up to the bounds below.</summary>
    public int BufferSize { get; init; } = 1 << 20;

    /// <summary>
    /// Largest captured length of one packet (pcap record or pcapng packet block data). 262144 is
    /// the largest snapshot length tcpdump and Wireshark write, so anything above it is corruption.
    /// </summary>
    public int MaxPacketLength { get; init; } = 256 * 1024;

    /// <summary>Largest total length of one pcapng block (options, name resolution and custom blocks included).</summary>
    public int MaxBlockLength { get; init; } = 16 * 1024 * 1024;

    /// <summary>Largest number of Interface Description Blocks in one pcapng section.</summary>
    public int MaxInterfaces { get; init; } = 4096;
}
