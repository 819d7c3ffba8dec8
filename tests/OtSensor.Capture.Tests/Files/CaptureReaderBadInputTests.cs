using System.Buffers.Binary;
using OtSensor.Capture.Files;
using OtSensor.Core.Net;
using OtSensor.Core.Time;
using OtSensor.TestKit.Pcaps;

namespace OtSensor.Capture.Tests.Files;

public sealed class CaptureReaderBadInputTests : IDisposable
{
    private static readonly Timestamp T0 = Timestamp.FromSeconds(1_600_000_000, 0);

    private readonly CaptureTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Open_MissingFile_ThrowsCaptureFileException()
    {
        var path = Path.Combine(_files.Folder, "nope.pcap");

        var ex = Assert.Throws<CaptureFileException>(() => CaptureFileReader.Open(path));

        Assert.Equal($"capture file not found: {path}", ex.Message);
    }

    [Fact]
    public void TryOpen_MissingFile_ReturnsFalseWithReason()
    {
        Assert.False(CaptureFileReader.TryOpen(Path.Combine(_files.Folder, "nope.pcap"), out var reader, out var error));

        Assert.Null(reader);
        Assert.StartsWith("capture file not found: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_Folder_ThrowsCaptureFileException()
        => Assert.Throws<CaptureFileException>(() => CaptureFileReader.Open(_files.Folder));

    [Fact]
    public void TryOpen_ValidFile_ReturnsReader()
    {
        var path = _files.Write("ok.pcap", PcapWriter.ToArray(LinkType.Ethernet, CaptureTestFiles.SampleFrames(2)));

        Assert.True(CaptureFileReader.TryOpen(path, out var reader, out var error));
        using (reader)
        {
            Assert.Null(error);
            Assert.Equal(CaptureFormat.Pcap, reader!.Format);
            Assert.True(reader.TryReadNext(out var frame));
            Assert.Equal(60, frame.Data.Length);
        }
    }

    [Fact]
    public void TryReadNext_EmptyFile_EndsWithError()
    {
        var result = _files.ReadAll([]);

        Assert.Equal(CaptureFormat.Unknown, result.Format);
        Assert.Empty(result.Frames);
        Assert.Equal(new CaptureReadError(0, 1, "empty file"), result.Error);
        Assert.False(CaptureFileReader.TryOpen(_files.Write("empty.pcap", []), out _, out var error));
        Assert.Equal("empty file", error);
    }

    [Fact]
    public void TryReadNext_WrongMagic_EndsWithError()
    {
        var result = _files.ReadAll("{\n \"file\": \"x.pcap\"}"u8.ToArray());   // a truth .json file

        Assert.Equal(CaptureFormat.Unknown, result.Format);
        Assert.Empty(result.Frames);
        Assert.Equal("not a capture file: unknown magic 0x7b0a2022", result.Error?.Message);
    }

    [Fact]
    public void TryReadNext_ShorterThanMagic_EndsWithError()
    {
        var result = _files.ReadAll([0xD4, 0xC3, 0xB2]);

        Assert.Equal("not a capture file: only 3 bytes", result.Error?.Message);
    }

    [Fact]
    public void TryReadNext_TruncatedFileHeader_EndsWithError()
    {
        var bytes = PcapWriter.ToArray(LinkType.Ethernet, [])[..10];

        var result = _files.ReadAll(bytes);

        Assert.Equal(CaptureFormat.Pcap, result.Format);
        Assert.Empty(result.Frames);
        Assert.Equal(new CaptureReadError(0, 1, "truncated pcap file header (10 of 24 bytes) at offset 0"), result.Error);
    }

    [Fact]
    public void TryReadNext_TruncatedRecordHeader_KeepsEarlierFrames()
    {
        var frames = CaptureTestFiles.SampleFrames(2);                                  // 60 + 0 data bytes
        var bytes = PcapWriter.ToArray(LinkType.Ethernet, frames).Concat(new byte[7]).ToArray();

        var result = _files.ReadAll(bytes);

        Assert.Equal(2, result.Frames.Count);
        Assert.Equal(new CaptureReadError(116, 3, "truncated record header (7 of 16 bytes) at offset 116"), result.Error);
        Assert.Equal(116, result.BytesRead);
    }

    [Fact]
    public void TryReadNext_TruncatedRecordData_KeepsEarlierFrames()
    {
        var bytes = PcapWriter.ToArray(LinkType.Ethernet, CaptureTestFiles.SampleFrames(4));   // last data is 1514 bytes
        bytes = bytes[..^1000];

        var result = _files.ReadAll(bytes);

        Assert.Equal(3, result.Frames.Count);
        long lastOffset = 24 + 16 + 60 + 16 + 0 + 16 + 1;
        Assert.Equal(new CaptureReadError(lastOffset, 4, $"truncated record data (514 of 1514 bytes) at offset {lastOffset}"), result.Error);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TryReadNext_AbsurdCapturedLength_StopsWithError(bool bigEndian)
    {
        var path = _files.Write("absurd.pcap", s =>
        {
            PcapWriter.WriteHeader(s, 1, bigEndian: bigEndian);
            PcapWriter.WriteRecord(s, T0, [1, 2, 3], bigEndian: bigEndian);
            PcapWriter.WriteRecordHeader(s, 1, 0, 4_294_967_000, 60, bigEndian);
            s.Write(new byte[100]);
        });

        var result = CaptureTestFiles.ReadAll(path);

        Assert.Single(result.Frames);
        Assert.Equal("record length 4294967000 exceeds the 262144-byte limit at offset 43", result.Error?.Message);
        Assert.Equal(43, result.Error?.Offset);
    }

    [Fact]
    public void TryReadNext_CapturedLengthAboveConfiguredLimit_StopsWithError()
    {
        var bytes = PcapWriter.ToArray(LinkType.Ethernet, [(T0, new byte[100]), (T0, new byte[101])]);

        var result = _files.ReadAll(bytes, new CaptureReaderOptions { MaxPacketLength = 100 });

        Assert.Single(result.Frames);
        Assert.Equal("record length 101 exceeds the 100-byte limit at offset 140", result.Error?.Message);
    }

    [Fact]
    public void TryReadNext_CapturedLongerThanOriginal_IsReturnedAsIs()
    {
        var path = _files.Write("longer.pcap", s =>
        {
            PcapWriter.WriteHeader(s, 1);
            PcapWriter.WriteRecord(s, T0, new byte[80], originalLength: 60);
        });

        var frame = Assert.Single(CaptureTestFiles.ReadAll(path).Frames);

        Assert.Equal((80, 60), (frame.Data.Length, frame.OriginalLength));
    }

    [Fact]
    public void TryReadNext_GarbageAfterHeader_StopsWithoutThrowing()
    {
        var bytes = PcapWriter.ToArray(LinkType.Ethernet, []).Concat("this is not a pcap record, only text after the header"u8.ToArray()).ToArray();

        var result = _files.ReadAll(bytes);

        Assert.Empty(result.Frames);
        Assert.NotNull(result.Error);
        Assert.Equal(24, result.Error.Offset);
    }

    [Fact]
    public void TryReadNext_TruncatedSectionHeader_EndsWithError()
    {
        var bytes = NgFile(_ => { })[..9];

        var result = _files.ReadAll(bytes);

        Assert.Equal(CaptureFormat.PcapNg, result.Format);
        Assert.Equal("truncated section header block (9 of 28 bytes) at offset 0", result.Error?.Message);
    }

    [Fact]
    public void TryReadNext_SectionHeaderCutInsideBody_EndsWithError()
    {
        var result = _files.ReadAll(NgFile(_ => { })[..20]);

        Assert.Equal("truncated block (20 of 28 bytes) at offset 0", result.Error?.Message);
    }

    [Fact]
    public void TryReadNext_BadByteOrderMagic_EndsWithError()
    {
        var bytes = NgFile(_ => { });
        bytes[8] = 0x00;   // BOM 4D 3C 2B 1A -> 00 3C 2B 1A

        var result = _files.ReadAll(bytes);

        Assert.Equal("not a pcapng section: byte-order magic 0x003c2b1a at offset 0", result.Error?.Message);
    }

    [Fact]
    public void TryReadNext_UnsupportedMajorVersion_EndsWithError()
    {
        using var stream = new MemoryStream();
        new PcapNgWriter(stream).WriteSectionHeader(major: 2);

        var result = _files.ReadAll(stream.ToArray());

        Assert.Equal("unsupported pcapng version 2.0 at offset 0", result.Error?.Message);
    }

    [Theory]
    [InlineData(30u, 30u, "block length 30 is not a multiple of 4 at offset 84")]
    [InlineData(8u, 8u, "block length 8 is smaller than the 12-byte minimum at offset 84")]
    [InlineData(32u, 28u, "trailing block length 28 does not match leading length 32 at offset 84")]
    [InlineData(0x7FFFFFF0u, 0u, "block length 2147483632 exceeds the 16777216-byte limit at offset 84")]
    public void TryReadNext_BrokenBlockLength_KeepsEarlierFramesAndStops(uint leading, uint trailing, string message)
    {
        var bytes = NgFile(w =>
        {
            w.WriteEnhancedPacket(0, T0, [1, 2, 3, 4]);                                   // offset 48, 36 bytes
            w.WriteRawBlock(PcapNgWriter.EnhancedPacketBlockType, leading, new byte[20], trailing);   // offset 84, 32 bytes
            w.WriteEnhancedPacket(0, T0, [5]);
        });

        var result = _files.ReadAll(bytes);

        Assert.Equal([1, 2, 3, 4], Assert.Single(result.Frames).Data);
        Assert.Equal(new CaptureReadError(84, 2, message), result.Error);
    }

    [Fact]
    public void TryReadNext_BlockCutAtEndOfFile_KeepsEarlierFrames()
    {
        var bytes = NgFile(w =>
        {
            w.WriteEnhancedPacket(0, T0, [1]);
            w.WriteEnhancedPacket(0, T0, new byte[100]);
        })[..^10];

        var result = _files.ReadAll(bytes);

        Assert.Single(result.Frames);
        Assert.Equal("truncated block (122 of 132 bytes) at offset 84", result.Error?.Message);
    }

    [Fact]
    public void TryReadNext_TrailingBytesShorterThanBlockHeader_EndsWithError()
    {
        var bytes = NgFile(w => w.WriteEnhancedPacket(0, T0, [1])).Concat(new byte[] { 6, 0, 0, 0, 0x20 }).ToArray();

        var result = _files.ReadAll(bytes);

        Assert.Single(result.Frames);
        Assert.Equal("truncated block header (5 of 12 bytes) at offset 84", result.Error?.Message);
    }

    [Fact]
    public void TryReadNext_EnhancedPacketWithUndefinedInterface_StopsWithError()
    {
        var bytes = NgFile(w =>
        {
            w.WriteEnhancedPacket(0, T0, [1]);
            w.WriteEnhancedPacket(3, T0, [2]);
        });

        var result = _files.ReadAll(bytes);

        Assert.Single(result.Frames);
        Assert.Equal(new CaptureReadError(84, 2, "enhanced packet block references undefined interface 3 at offset 84"), result.Error);
    }

    [Fact]
    public void TryReadNext_PacketBeforeAnyInterface_StopsWithError()
    {
        using var stream = new MemoryStream();
        var w = new PcapNgWriter(stream);
        w.WriteSectionHeader();
        w.WriteSimplePacket([1, 2]);

        var result = _files.ReadAll(stream.ToArray());

        Assert.Empty(result.Frames);
        Assert.Equal("simple packet block references undefined interface 0 at offset 28", result.Error?.Message);
    }

    [Fact]
    public void TryReadNext_CapturedLengthBeyondBlock_StopsWithError()
    {
        var bytes = NgFile(w => w.WriteEnhancedPacket(0, T0, new byte[8]));
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(48 + 20), 9);   // EPB captured length 8 -> 9

        var result = _files.ReadAll(bytes);

        Assert.Empty(result.Frames);
        Assert.Equal("captured length 9 exceeds the 8-byte block body at offset 48", result.Error?.Message);
    }

    [Fact]
    public void TryReadNext_EnhancedPacketTooShort_StopsWithError()
    {
        var bytes = NgFile(w => w.WriteBlock(PcapNgWriter.EnhancedPacketBlockType, new byte[8]));

        var result = _files.ReadAll(bytes);

        Assert.Equal("enhanced packet block length 20 is smaller than 32 at offset 48", result.Error?.Message);
    }

    [Fact]
    public void TryReadNext_RandomCorruption_NeverThrows()
    {
        var good = NgFile(w =>
        {
            w.WriteInterface(LinkType.Raw, tsresol: 0x80 | 20);
            foreach (var (ts, data) in CaptureTestFiles.SampleFrames(8)) w.WriteEnhancedPacket(data.Length % 2, ts, data);
            w.WriteSimplePacket([1, 2, 3]);
        });
        var pcap = PcapWriter.ToArray(LinkType.Ethernet, CaptureTestFiles.SampleFrames(8), bigEndian: true);
        var random = new Random(20240601);

        for (int i = 0; i < 300; i++)
        {
            var bytes = (i % 2 == 0 ? good : pcap).ToArray();
            for (int k = random.Next(1, 6); k > 0; k--) bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            if (i % 3 == 0) bytes = bytes[..random.Next(bytes.Length)];

            var result = _files.ReadAll(bytes);

            Assert.True(result.BytesRead <= bytes.Length);
            Assert.Equal(result.Frames.Count, result.FramesRead);
        }
    }

    /// <summary>Little-endian section with one Ethernet interface (SHB 28 bytes + IDB 20 bytes), then <paramref name="body"/>.</summary>
    private static byte[] NgFile(Action<PcapNgWriter> body)
    {
        using var stream = new MemoryStream();
        var w = new PcapNgWriter(stream);
        w.WriteSectionHeader();
        w.WriteInterface(LinkType.Ethernet);
        body(w);
        return stream.ToArray();
    }
}
