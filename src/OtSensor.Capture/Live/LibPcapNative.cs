using System.Reflection;
using System.Runtime.InteropServices;

namespace OtSensor.Capture.Live;

/// <summary>
/// The few libpcap calls made directly rather than through SharpPcap: statistics (SharpPcap's <c>pcap_stat</c>
/// declaration reads the wrong field sizes on 64-bit Linux and reports 0 drops) and the datalink type.
/// </summary>
/// <remarks>
/// <para>pcap(3PCAP), pcap_stats(3PCAP): on Linux <c>struct pcap_stat</c> is three <c>u_int</c> (32-bit) counters,
/// <c>ps_recv</c>, <c>ps_drop</c>, <c>ps_ifdrop</c>, 12 bytes on every architecture; they wrap at 2^32.</para>
/// <para>pcap_next_ex(3PCAP): <c>struct pcap_pkthdr</c> is a <c>struct timeval</c> (two C <c>long</c>: 8 + 8 bytes
/// on 64-bit Linux, 4 + 4 on Windows and 32-bit) then <c>bpf_u_int32 caplen, len</c>; with nanosecond precision
/// the second field holds nanoseconds.</para>
/// </remarks>
internal static partial class LibPcapNative
{
    private const string Library = "pcap";

    static LibPcapNative() => NativeLibrary.SetDllImportResolver(typeof(LibPcapNative).Assembly, Resolve);

    [StructLayout(LayoutKind.Sequential)]
    public struct PcapStat
    {
        public uint Received;
        public uint Dropped;
        public uint InterfaceDropped;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct PcapPacketHeader
    {
        public CLong Seconds;
        public CLong Fraction;
        public uint CaptureLength;
        public uint Length;
    }

    [LibraryImport(Library, EntryPoint = "pcap_stats")]
    public static partial int Stats(IntPtr pcap, ref PcapStat stats);

    [LibraryImport(Library, EntryPoint = "pcap_datalink")]
    public static partial int DataLink(IntPtr pcap);

    /// <summary>Makes a <c>pcap_next_ex</c> blocked in another thread return <c>PCAP_ERROR_BREAK</c> (libpcap ≥ 1.10 wakes its poll on Linux).</summary>
    [LibraryImport(Library, EntryPoint = "pcap_breakloop")]
    public static partial void BreakLoop(IntPtr pcap);

    private static readonly string[] Candidates = ["libpcap.so.0.8", "libpcap.so.1", "libpcap.so", "libpcap.dylib", "wpcap"];

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? path)
    {
        if (name != Library) return IntPtr.Zero;
        return TryLoadAny(out var handle) ? handle : IntPtr.Zero;
    }

    private static bool TryLoadAny(out IntPtr handle)
    {
        foreach (var candidate in Candidates)
            if (NativeLibrary.TryLoad(candidate, out handle)) return true;
        handle = IntPtr.Zero;
        return false;
    }
}
