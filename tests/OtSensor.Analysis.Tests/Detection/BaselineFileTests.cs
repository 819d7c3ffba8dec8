using System.Text;
using OtSensor.Analysis.Detection;
using OtSensor.Core.Net;
using OtSensor.Core.Protocols;

namespace OtSensor.Analysis.Tests.Detection;

public sealed class BaselineFileTests
{
    [Fact]
    public void WriteThenRead_KeepsHostsTuplesAndMutedPatterns()
    {
        var baseline = new Baseline();
        var hmi = baseline.Add(IPAddressBytes.FromIPv4(0x0A14020A), default)!;
        var plc = baseline.Add(IPAddressBytes.FromIPv4(0x0A14010E), default)!;
        var ied = baseline.Add(default, new MacAddress(0x0010_9400_0001))!;
        foreach (var h in new[] { hmi, plc, ied }) h.Learned = true;
        hmi.Operations = 1u << (int)OtOperation.Write;
        plc.Firmware = "V4.2.3";
        plc.FirmwareProtocol = ProtocolId.S7Comm;
        hmi.Internet = true;
        baseline.Learn(new BaselineKey(hmi.Index, plc.Index, BaselineKind.Connection, ProtocolId.Unknown, 102));
        baseline.Learn(new BaselineKey(hmi.Index, plc.Index, BaselineKind.Protocol, ProtocolId.S7Comm, 0));
        baseline.Learn(new BaselineKey(hmi.Index, plc.Index, BaselineKind.Function, ProtocolId.S7Comm, 4));
        baseline.Learn(new BaselineKey(ied.Index, -1, BaselineKind.Function, ProtocolId.Goose, 0));
        baseline.Muted.Add(("controller-stop", "10.20.2.10", "10.20.1.14"));

        var stream = new MemoryStream();
        BaselineFile.Write(stream, baseline);
        var read = BaselineFile.Read(new MemoryStream(stream.ToArray()), "test");

        Assert.Equal(3, read.Hosts.Count);
        var readHmi = read.Find(IPAddressBytes.FromIPv4(0x0A14020A), default)!;
        var readPlc = read.Find(IPAddressBytes.FromIPv4(0x0A14010E), default)!;
        var readIed = read.Find(default, new MacAddress(0x0010_9400_0001))!;
        Assert.True(readHmi.HasLearned(OtOperation.Write));
        Assert.False(readHmi.HasLearned(OtOperation.ProgramDownload));
        Assert.True(readHmi.Internet);
        Assert.Equal("V4.2.3", readPlc.Firmware);
        Assert.Equal(ProtocolId.S7Comm, readPlc.FirmwareProtocol);
        Assert.Equal(-1, readPlc.FirmwareUnit);
        Assert.True(read.Contains(new BaselineKey(readHmi.Index, readPlc.Index, BaselineKind.Connection, ProtocolId.Unknown, 102)));
        Assert.True(read.Contains(new BaselineKey(readHmi.Index, readPlc.Index, BaselineKind.Protocol, ProtocolId.S7Comm, 0)));
        Assert.True(read.Contains(new BaselineKey(readHmi.Index, readPlc.Index, BaselineKind.Function, ProtocolId.S7Comm, 4)));
        Assert.False(read.Contains(new BaselineKey(readHmi.Index, readPlc.Index, BaselineKind.Function, ProtocolId.S7Comm, 5)));
        Assert.True(read.Contains(new BaselineKey(readIed.Index, -1, BaselineKind.Function, ProtocolId.Goose, 0)));
        Assert.Equal(("controller-stop", "10.20.2.10", "10.20.1.14"), Assert.Single(read.Muted));
    }

    [Fact]
    public void Write_LeavesOutNewcomersNotLearned()
    {
        var baseline = new Baseline();
        var known = baseline.Add(IPAddressBytes.FromIPv4(0x0A000001), default)!;
        known.Learned = true;
        var rogue = baseline.Add(IPAddressBytes.FromIPv4(0x0A0000C8), default)!;
        baseline.Learn(new BaselineKey(rogue.Index, known.Index, BaselineKind.Connection, ProtocolId.Unknown, 502));
        var stream = new MemoryStream();
        BaselineFile.Write(stream, baseline);
        var read = BaselineFile.Read(new MemoryStream(stream.ToArray()), "test");
        Assert.Single(read.Hosts);
        Assert.Empty(read.Tuples);
    }

    [Theory]
    [InlineData("""{"version":2,"hosts":[]}""", "expected an object with \"version\": 1")]
    [InlineData("""{"version":1,"hosts":[{"address":"not-an-address"}],"connections":[],"protocols":[],"functions":[],"muted":[]}""", "neither an IP nor a MAC")]
    [InlineData("""{"version":1,"hosts":[],"connections":[{"client":"10.0.0.1","server":"10.0.0.2","port":502}],"protocols":[],"functions":[],"muted":[]}""", "client 10.0.0.1 is not in \"hosts\"")]
    [InlineData("""{"version":1,"hosts":[{"address":"10.0.0.1"}],"connections":[],"protocols":[{"client":"10.0.0.1","server":"10.0.0.1","protocol":"modbuz"}],"functions":[],"muted":[]}""", "unknown protocol \"modbuz\"")]
    public void Read_BadFile_FailsWithOneLine(string json, string expected)
    {
        var e = Assert.Throws<FormatException>(() => BaselineFile.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), "b.json"));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.StartsWith("baseline b.json: ", e.Message, StringComparison.Ordinal);
    }
}
