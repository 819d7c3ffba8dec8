using System.Buffers.Binary;
using System.Text.Json;
using OtSensor.Core.Net;
using OtSensor.TestKit.Pcaps;
using OtSensor.TestKit.Synthetic;

namespace OtSensor.Integration.Tests.Cli;

/// <summary>
/// <c>otsensor analyze</c> as a user runs it: output files, exit codes and one-line reasons for bad input
/// (Must show #4: truncated files, wrong magic, absurd lengths, zero-length records, garbage after a header).
/// </summary>
public sealed class AnalyzeCommandTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("otsensor-cli-");

    public void Dispose() => _work.Delete(recursive: true);

    private string Out => Path.Combine(_work.FullName, "out");

    [Fact]
    public void Analyze_DemoCapture_WritesAllOutputsAndExitsZero()
    {
        var result = CliRunner.Run("analyze", RepoPaths.DemoCapture, "--out", Out, "--quiet");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.StandardError);
        foreach (var name in new[] { "events.jsonl", "anomalies.jsonl", "devices.json", "connections.json", "summary.json" })
            Assert.True(File.Exists(Path.Combine(Out, name)), name);
        Assert.Equal(924, File.ReadLines(Path.Combine(Out, "events.jsonl")).Count());
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(Out, "summary.json")));
        Assert.Equal(1434, summary.RootElement.GetProperty("frames").GetInt64());
        Assert.Equal(924, summary.RootElement.GetProperty("pdus").GetProperty("modbus").GetInt64());
        using var devices = JsonDocument.Parse(File.ReadAllText(Path.Combine(Out, "devices.json")));
        Assert.Equal(6, devices.RootElement.GetArrayLength());
    }

    [Fact]
    public void Analyze_ConfiguredSubnets_NameTheDevicesSubnetAndTheSubnetReport()
    {
        var result = CliRunner.Run("analyze", RepoPaths.DemoCapture, "--out", Out, "--quiet", "--no-events", "--subnets", "control=10.10.10.0/24,supervisory=10.10.20.0/24");

        Assert.Equal(0, result.ExitCode);
        using var subnets = JsonDocument.Parse(File.ReadAllText(Path.Combine(Out, "subnets.json")));
        Assert.Equal(["control", "supervisory"], subnets.RootElement.GetProperty("subnets").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        Assert.Equal(9, subnets.RootElement.GetProperty("crossSubnetConnections").GetInt32());
        using var devices = JsonDocument.Parse(File.ReadAllText(Path.Combine(Out, "devices.json")));
        var plc = devices.RootElement.EnumerateArray().Single(d => d.GetProperty("ipAddresses")[0].GetString() == "10.10.10.11");
        Assert.Equal("control", plc.GetProperty("subnetName").GetString());
    }

    [Fact]
    public void Analyze_BadSubnet_ExitsTwoWithOneLineReason()
    {
        var result = CliRunner.Run("analyze", RepoPaths.DemoCapture, "--out", Out, "--subnets", "control=10.10.10.5/24");

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("otsensor: --subnets: subnet 'control=10.10.10.5/24': host bits are set (did you mean 10.10.10.0/24?)", line.Trim());
    }

    [Fact]
    public void Analyze_PrintsHumanSummary()
    {
        var result = CliRunner.Run("analyze", RepoPaths.DemoCapture, "--out", Out);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("modbus 924", result.StandardOutput);
        Assert.Contains("6 devices, 9 connections", result.StandardOutput);
    }

    [Fact]
    public void Analyze_MissingFile_ExitsTwoWithOneLineReason()
    {
        var result = CliRunner.Run("analyze", Path.Combine(_work.FullName, "nope.pcap"), "--out", Out);
        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("nothing usable was read", line);
        Assert.Contains("nope.pcap", line);
    }

    [Fact]
    public void Analyze_NotACapture_ExitsTwoNamingTheMagic()
    {
        var path = Path.Combine(_work.FullName, "notes.txt");
        File.WriteAllText(path, "these are not packets\n");
        var result = CliRunner.Run("analyze", path, "--out", Out);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("nothing usable was read", result.StandardError);
        Assert.Contains("magic", result.StandardError);
    }

    [Fact]
    public void Analyze_NoArguments_ExitsTwoWithUsageHint()
    {
        var result = CliRunner.Run("analyze");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("otsensor --help", result.StandardError);
    }

    [Fact]
    public void Analyze_TruncatedCapture_KeepsWhatWasReadAndSaysWhere()
    {
        var bytes = File.ReadAllBytes(RepoPaths.DemoCapture);
        var cut = bytes.Length / 2 + 7; // inside a record
        var path = Path.Combine(_work.FullName, "truncated.pcap");
        File.WriteAllBytes(path, bytes[..cut]);

        var result = CliRunner.Run("analyze", path, "--out", Out, "--quiet");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("truncated", result.StandardError);
        Assert.Contains("offset", result.StandardError);
        var kept = FramesBefore(bytes, cut);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(Out, "summary.json")));
        Assert.Equal(kept, summary.RootElement.GetProperty("frames").GetInt64());
        var file = summary.RootElement.GetProperty("files")[0];
        Assert.NotEqual(JsonValueKind.Null, file.GetProperty("error").ValueKind);
        Assert.True(File.ReadLines(Path.Combine(Out, "events.jsonl")).Count() > 400);
    }

    [Fact]
    public void Analyze_AbsurdRecordLength_StopsThereKeepsEarlierFrames()
    {
        var bytes = File.ReadAllBytes(RepoPaths.DemoCapture);
        int offset = RecordOffset(bytes, 100);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(offset + 8), 0xFFFF_FF00); // incl_len of record 101
        var path = Path.Combine(_work.FullName, "absurd.pcap");
        File.WriteAllBytes(path, bytes);

        var result = CliRunner.Run("analyze", path, "--out", Out, "--quiet");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"offset {offset}", result.StandardError);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(Out, "summary.json")));
        Assert.Equal(100, summary.RootElement.GetProperty("frames").GetInt64());
    }

    [Fact]
    public void Analyze_GarbageAfterValidHeader_ExitsTwo()
    {
        var garbage = new byte[4096];
        new Random(42).NextBytes(garbage);
        var path = Path.Combine(_work.FullName, "garbage.pcap");
        File.WriteAllBytes(path, [.. File.ReadAllBytes(RepoPaths.DemoCapture)[..24], .. garbage]);

        var result = CliRunner.Run("analyze", path, "--out", Out, "--quiet");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("nothing usable was read", result.StandardError);
    }

    [Fact]
    public void Analyze_ZeroLengthRecords_AreFramesNotErrors()
    {
        var frames = ModbusDemoPlant.Generate(seed: 3, seconds: 5);
        frames.Insert(10, (frames[9].ts, Array.Empty<byte>()));
        frames.Insert(20, (frames[19].ts, Array.Empty<byte>()));
        var path = Path.Combine(_work.FullName, "zero.pcap");
        PcapWriter.WriteFile(path, LinkType.Ethernet, frames);

        var result = CliRunner.Run("analyze", path, "--out", Out, "--quiet");

        Assert.Equal(0, result.ExitCode);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(Out, "summary.json")));
        Assert.Equal(frames.Count, summary.RootElement.GetProperty("frames").GetInt64());
        Assert.Equal(2, summary.RootElement.GetProperty("anomalies").GetProperty("packet.frame_too_short").GetInt64());
    }

    [Fact]
    public void Analyze_FolderWithGoodAndBrokenFiles_ReportsEachAndExitsZero()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_work.FullName, "captures")).FullName;
        File.Copy(RepoPaths.DemoCapture, Path.Combine(folder, "a-good.pcap"));
        File.WriteAllBytes(Path.Combine(folder, "b-broken.pcap"), File.ReadAllBytes(RepoPaths.DemoCapture)[..1000]);
        File.WriteAllText(Path.Combine(folder, "c-readme.txt"), "not a capture");

        var result = CliRunner.Run("analyze", folder, "--out", Out, "--quiet");

        Assert.Equal(0, result.ExitCode);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(Out, "summary.json")));
        var files = summary.RootElement.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(3, files.Count);
        Assert.Contains(files, f => f.GetProperty("path").GetString()!.EndsWith("a-good.pcap", StringComparison.Ordinal) && f.GetProperty("error").ValueKind == JsonValueKind.Null);
        Assert.Contains(files, f => f.GetProperty("path").GetString()!.EndsWith("b-broken.pcap", StringComparison.Ordinal) && f.GetProperty("error").ValueKind == JsonValueKind.String);
        Assert.Contains(files, f => f.GetProperty("path").GetString()!.EndsWith("c-readme.txt", StringComparison.Ordinal) && f.GetProperty("format").ValueKind == JsonValueKind.Null);
    }

    /// <summary>Byte offset of record <paramref name="index"/> (0-based) in a classic little-endian pcap.</summary>
    private static int RecordOffset(byte[] pcap, int index)
    {
        int offset = 24;
        for (int i = 0; i < index; i++) offset += 16 + (int)BinaryPrimitives.ReadUInt32LittleEndian(pcap.AsSpan(offset + 8));
        return offset;
    }

    private static long FramesBefore(byte[] pcap, int cut)
    {
        long frames = 0;
        int offset = 24;
        while (offset + 16 <= cut)
        {
            int length = (int)BinaryPrimitives.ReadUInt32LittleEndian(pcap.AsSpan(offset + 8));
            if (offset + 16 + length > cut) break;
            frames++;
            offset += 16 + length;
        }
        return frames;
    }
}
