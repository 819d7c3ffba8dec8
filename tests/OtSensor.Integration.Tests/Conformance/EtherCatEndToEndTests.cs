using System.Text.Json;
using OtSensor.Core.Net;
using OtSensor.Core.Time;
using OtSensor.TestKit.Pcaps;
using OtSensor.TestKit.Synthetic;

namespace OtSensor.Integration.Tests.Conformance;

/// <summary>
/// EtherCAT over UDP (port 0x88A4) and on EtherType 0x88A4 through the whole engine: no public capture holds a valid
/// UDP-carried DLPDU, so this one is written here.
/// </summary>
public sealed class EtherCatEndToEndTests : IDisposable
{
    private static readonly MacAddress MasterMac = new(0x0010_1010_1010UL);
    private static readonly MacAddress SlaveMac = new(0x0002_0304_0506UL);

    /// <summary>BRD of AL status (0x0130), one datagram.</summary>
    private static readonly byte[] BrdAlStatus =
    [
        0x0E, 0x10,             // frame header: Length 14, Type 1
        0x07, 0x01,             // Cmd BRD, Idx 1
        0x00, 0x00, 0x30, 0x01, // ADP 0, ADO 0x0130
        0x02, 0x00,             // Len 2
        0x00, 0x00,             // IRQ
        0x00, 0x00,             // Data
        0x00, 0x00,             // WKC
    ];

    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("otsensor-ecat-");

    public void Dispose() => _work.Delete(recursive: true);

    [Fact]
    public void Analyze_EtherCatOverUdpAndEthernet_RecordsEachDatagramWithDirection()
    {
        uint master = FrameBuilder.IPv4(192, 168, 1, 10), slave = FrameBuilder.IPv4(192, 168, 1, 20);
        byte[] returned = [.. BrdAlStatus];
        returned[4] = 1;    // ADP incremented by the one slave
        returned[12] = 8;   // AL status OP
        returned[14] = 1;   // WKC 1
        byte[] ethernet = [0x01, 0x01, 0x05, 0x01, 0x00, 0x00, 0x00, 0x10, 0x10, 0x10, 0x10, 0x10, 0x88, 0xA4, .. BrdAlStatus];
        byte[] ethernetBack = [.. ethernet[..14], .. returned];
        ethernetBack[6] |= 0x02; // the slave set the locally administered bit of the source MAC

        var t = Timestamp.FromSeconds(1_700_000_000, 0);
        var frames = new List<(Timestamp ts, byte[] data)>
        {
            (t, FrameBuilder.Udp(MasterMac, SlaveMac, master, slave, 34980, 34980, BrdAlStatus)),
            (t, FrameBuilder.Udp(SlaveMac, MasterMac, slave, master, 34980, 34980, returned)),
            (t, ethernet),
            (t, ethernetBack),
        };
        var path = Path.Combine(_work.FullName, "ethercat-udp.pcap");
        PcapWriter.WriteFile(path, LinkType.Ethernet, frames);

        using var run = new AnalyzeRunner(path);
        var events = EventLog.Read(run.EventsPath).Where(e => e.GetProperty("protocol").GetString() == "ethercat").ToList();

        Assert.Equal(4, events.Count);
        Assert.All(events, e => Assert.Equal(7, e.GetProperty("function").GetInt32()));
        Assert.Equal([true, false, true, false], events.Select(e => e.GetProperty("fromMaster").GetBoolean()));
        Assert.Equal("192.168.1.10", events[0].GetProperty("src").GetString());
        Assert.Equal(34980, events[0].GetProperty("srcPort").GetInt32());
        Assert.Equal("OP", events[1].GetProperty("alStatus").GetString());
        Assert.Equal("00:10:10:10:10:10", events[2].GetProperty("src").GetString());
        Assert.Equal(JsonValueKind.Null, events[2].GetProperty("srcPort").ValueKind);
        Assert.Equal("02:10:10:10:10:10", events[3].GetProperty("src").GetString());
        Assert.All(events, e => Assert.Empty(e.GetProperty("anomalies").EnumerateArray()));
    }
}
