using OtSensor.Capture.Files;
using OtSensor.Core.Net;
using OtSensor.TestKit.Pcaps;

namespace OtSensor.Capture.Tests.Files;

public sealed class CaptureSetTests : IDisposable
{
    private readonly CaptureTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Expand_Folder_ListsCapturesByNameAndReportsTheRest()
    {
        var frames = CaptureTestFiles.SampleFrames(2);
        var b = _files.Write("b.pcapng", PcapNgWriter.ToArray(LinkType.Ethernet, frames));
        var a = _files.Write("a.pcap", PcapWriter.ToArray(LinkType.Ethernet, frames, bigEndian: true));
        var c = _files.Write("c.cap", PcapWriter.ToArray(LinkType.Raw, frames, nanosecond: true));
        _files.Write("a.pcap.tshark.json", "{\n \"file\": \"a.pcap\" }"u8.ToArray());
        _files.Write("empty.pcap", []);
        Directory.CreateDirectory(Path.Combine(_files.Folder, "sub"));
        File.WriteAllBytes(Path.Combine(_files.Folder, "sub", "nested.pcap"), PcapWriter.ToArray(LinkType.Ethernet, frames));

        var set = CaptureSet.Expand([_files.Folder]);

        Assert.Equal([a, b, c], set.Files.Select(f => f.Path));
        Assert.Equal([CaptureFormat.Pcap, CaptureFormat.PcapNg, CaptureFormat.Pcap], set.Files.Select(f => f.Format));
        Assert.Equal(
            [("a.pcap.tshark.json", "not a capture file: unknown magic 0x7b0a2022"), ("empty.pcap", "empty file")],
            set.Skipped.Select(s => (Path.GetFileName(s.Path), s.Reason)));
        Assert.Empty(set.Missing);
    }

    [Fact]
    public void Expand_FilesFoldersAndMissingPaths_KeepsArgumentOrderWithoutDuplicates()
    {
        var frames = CaptureTestFiles.SampleFrames(1);
        var sub = Directory.CreateDirectory(Path.Combine(_files.Folder, "sub")).FullName;
        var x = Path.Combine(sub, "x.pcap");
        PcapWriter.WriteFile(x, LinkType.Ethernet, frames);
        var y = Path.Combine(sub, "y.pcapng");
        PcapNgWriter.WriteFile(y, LinkType.Ethernet, frames);
        var missing = Path.Combine(_files.Folder, "missing.pcap");

        var set = CaptureSet.Expand([y, missing, sub, x]);

        Assert.Equal([y, x], set.Files.Select(f => f.Path));
        Assert.Equal([missing], set.Missing);
        Assert.Empty(set.Skipped);
    }

    [Fact]
    public void Expand_ExplicitNonCapture_IsSkippedWithReason()
    {
        var text = _files.Write("notes.txt", "hello"u8.ToArray());

        var set = CaptureSet.Expand([text]);

        Assert.Empty(set.Files);
        Assert.Equal("not a capture file: unknown magic 0x68656c6c", Assert.Single(set.Skipped).Reason);
    }
}
