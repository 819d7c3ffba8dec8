using System.Text.Json;
using OtSensor.Core.Net;
using OtSensor.Core.Time;
using OtSensor.TestKit.Pcaps;

namespace OtSensor.Integration.Tests.Conformance;

/// <summary>
/// No public capture carries Sampled Values, so a synthetic one goes through the whole engine: frames on EtherType
/// 0x88BA, plain and behind an 802.1Q tag, padded to the Ethernet minimum, become <c>sv</c> records with MAC addresses.
/// </summary>
public sealed class SampledValuesEndToEndTests
{
    private static readonly byte[] Destination = [0x01, 0x0C, 0xCD, 0x04, 0x00, 0x01];
    private static readonly byte[] Source = [0x00, 0x0C, 0xCD, 0x11, 0x22, 0x33];

    /// <summary>savPdu of one ASDU: svID "MU0101", smpCnt as given, confRev 1, smpSynch 2, one channel.</summary>
    private static byte[] SvPayload(ushort smpCnt) =>
    [
        0x40, 0x00, 0x00, 0x2C, 0x00, 0x00, 0x00, 0x00, // APPID 0x4000, Length 44, Reserved 1, Reserved 2
        0x60, 0x22,                                     // savPdu, 34 octets
        0x80, 0x01, 0x01,                               // noASDU [0] = 1
        0xA2, 0x1D,                                     // seqASDU [2], 29 octets
        0x30, 0x1B,                                     // ASDU, 27 octets
        0x80, 0x06, .. "MU0101"u8,                      // svID [0]
        0x82, 0x02, (byte)(smpCnt >> 8), (byte)smpCnt,  // smpCnt [2]
        0x83, 0x04, 0x00, 0x00, 0x00, 0x01,             // confRev [3] = 1
        0x85, 0x01, 0x02,                               // smpSynch [5] = 2
        0x87, 0x04, 0x00, 0x00, 0x03, 0xE8,             // sample [7], 4 octets
    ];

    private static byte[] Ethernet(bool vlan, byte[] payload)
    {
        byte[] tag = vlan ? [0x81, 0x00, 0x80, 0x0A] : [];  // 802.1Q: priority 4, VLAN 10
        byte[] frame = [.. Destination, .. Source, .. tag, 0x88, 0xBA, .. payload];
        return frame.Length >= 60 ? frame : [.. frame, .. new byte[60 - frame.Length]];
    }

    [Fact]
    public void Analyze_SyntheticSvCapture_OneRecordPerFrameWithContractKeys()
    {
        var path = Path.Combine(Path.GetTempPath(), "otsensor-sv-" + Path.GetRandomFileName() + ".pcap");
        try
        {
            var start = Timestamp.FromSeconds(1_700_000_000, 0);
            PcapWriter.WriteFile(path, LinkType.Ethernet,
            [
                (start, Ethernet(vlan: false, SvPayload(0))),
                (start.Add(TimeSpan.FromMilliseconds(0.25)), Ethernet(vlan: true, SvPayload(1))),
                (start.Add(TimeSpan.FromMilliseconds(0.5)), [.. Destination, .. Source, 0x88, 0xBA, 0x40, 0x00, 0x00]), // cut by the snap length
            ]);
            using var run = new AnalyzeRunner(path);
            var records = EventLog.Read(run.EventsPath).Where(e => e.GetProperty("protocol").GetString() == "sv").ToList();
            Assert.Equal(2, records.Count);
            Assert.Equal([0, 1], records.Select(r => r.GetProperty("smpCnt").GetInt32()));
            foreach (var r in records)
            {
                Assert.Equal("00:0c:cd:11:22:33", r.GetProperty("src").GetString());
                Assert.Equal("01:0c:cd:04:00:01", r.GetProperty("dst").GetString());
                Assert.Equal(JsonValueKind.Null, r.GetProperty("srcPort").ValueKind);
                Assert.Equal(JsonValueKind.Null, r.GetProperty("function").ValueKind);
                Assert.Equal(0x4000, r.GetProperty("appId").GetInt32());
                Assert.Equal("MU0101", r.GetProperty("svID").GetString());
                Assert.Equal(1, r.GetProperty("noASDU").GetInt32());
                Assert.Equal(0, r.GetProperty("anomalies").GetArrayLength());
            }
            Assert.Equal(2, run.Summary.Pdus["sv"]);
            Assert.Equal(1, run.Summary.Anomalies["sv.truncated_header"]);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
