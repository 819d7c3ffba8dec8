using System.Runtime.InteropServices;
using OtSensor.Capture.Live;

namespace OtSensor.Capture.Tests.Live;

/// <summary>
/// The native structures read from libpcap: SharpPcap 6.3.1 declares <c>pcap_stat</c> with C <c>long</c> fields and so
/// reads 0 drops on 64-bit Linux; ours must match pcap(3PCAP) exactly on this platform.
/// </summary>
public sealed class LibPcapLayoutTests
{
    private static Type Native(string name) =>
        typeof(FrameRing).Assembly.GetType("OtSensor.Capture.Live.LibPcapNative+" + name, throwOnError: true)!;

    [Fact]
    public void PcapStat_IsThreeUnsigned32BitCounters()
    {
        var type = Native("PcapStat");
        Assert.Equal(12, Marshal.SizeOf(type));
        Assert.Equal(0, (int)Marshal.OffsetOf(type, "Received"));
        Assert.Equal(4, (int)Marshal.OffsetOf(type, "Dropped"));
        Assert.Equal(8, (int)Marshal.OffsetOf(type, "InterfaceDropped"));
    }

    [Fact]
    public void PcapPacketHeader_MatchesStructTimevalThenTwoLengths()
    {
        var type = Native("PcapPacketHeader");
        // struct timeval is two C longs: 8 + 8 bytes on 64-bit Linux, 4 + 4 on Windows and 32-bit systems.
        int cLong = OperatingSystem.IsWindows() ? 4 : IntPtr.Size;
        Assert.Equal(2 * cLong, (int)Marshal.OffsetOf(type, "CaptureLength"));
        Assert.Equal((2 * cLong) + 4, (int)Marshal.OffsetOf(type, "Length"));
        Assert.Equal((2 * cLong) + 8, Marshal.SizeOf(type));
    }
}
