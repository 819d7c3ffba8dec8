using System.Buffers.Binary;
using BenchmarkDotNet.Attributes;
using OtSensor.Benchmarks.Config;
using OtSensor.Core.Net;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Bacnet;
using OtSensor.Protocols.Cip;
using OtSensor.Protocols.Dnp3;
using OtSensor.Protocols.Enip;
using OtSensor.Protocols.Goose;
using OtSensor.Protocols.Iec104;
using OtSensor.Protocols.Mms;
using OtSensor.Protocols.Modbus;
using OtSensor.Protocols.Registry;
using OtSensor.Protocols.S7Comm;
using OtSensor.Protocols.S7CommPlus;
using OtSensor.Protocols.SampledValues;

namespace OtSensor.Benchmarks.Protocols.Goose;

/// <summary>
/// IEC 61850 frame protocols, per frame: the GOOSE parser alone (baseline), the GOOSE session (parser plus the
/// publisher table's stNum/sqNum verdict and the sink call), and the Sampled Values session. Steady state must
/// allocate 0 B.
/// </summary>
/// <remarks>
/// GOOSE frames are the GE F650 frame of icsnpp-iec61850-goose GOOSE.pcap (8 data set entries, 145 octets), sent by
/// <see cref="Publishers"/> publishers (distinct source MACs) with sqNum counting up, so the table sees retransmissions
/// interleaved as on a station bus. SV frames carry one 9-2LE-sized ASDU (8 channels, 64 sample octets).
/// </remarks>
[Config(typeof(BenchConfig))]
public class GooseBenchmarks
{
    private const int Publishers = 16;
    private const int FramesPerPublisher = 16;
    private const int Frames = Publishers * FramesPerPublisher;

    private byte[][] _goose = null!;
    private MacAddress[] _sources = null!;
    private byte[] _sv = null!;
    private GooseSession _gooseSession = null!;
    private SampledValuesSession _svSession = null!;
    private CountingSink _sink = null!;

    [GlobalSetup]
    public void Setup()
    {
        byte[] template = GeF650();
        _goose = new byte[Frames][];
        _sources = new MacAddress[Frames];
        for (int i = 0; i < Frames; i++)
        {
            var frame = (byte[])template.Clone();
            frame[SqNumOffset] = (byte)(i / Publishers);
            _goose[i] = frame;
            _sources[i] = new MacAddress(0x00A0_F408_0000UL + (ulong)(i % Publishers));
        }
        _sv = SvFrame();
        _gooseSession = new GooseSession();
        _svSession = new SampledValuesSession();
        _sink = new CountingSink();
        if (ParserOnly() != Frames) throw new InvalidOperationException("The parser flagged a benchmark frame.");
        GooseSession();
        SvSession();
        if (_sink.Messages != 2 * Frames) throw new InvalidOperationException($"Sessions produced {_sink.Messages} messages.");
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Frames, Description = "GOOSE parser only")]
    public int ParserOnly()
    {
        int clean = 0;
        foreach (var frame in _goose)
            if (GooseParser.TryParse(frame, out var message) && message.Anomalies == 0) clean++;
        return clean;
    }

    [Benchmark(OperationsPerInvoke = Frames, Description = "GOOSE session OnFrame (16 publishers)")]
    public long GooseSession()
    {
        var multicast = new MacAddress(0x010C_CD01_0001UL);
        for (int i = 0; i < _goose.Length; i++) _gooseSession.OnFrame(_goose[i], _sources[i], multicast, _sink);
        return _sink.Messages;
    }

    [Benchmark(OperationsPerInvoke = Frames, Description = "SV session OnFrame (1 ASDU, 8 channels)")]
    public long SvSession()
    {
        var source = new MacAddress(0x000C_CD11_2233UL);
        var multicast = new MacAddress(0x010C_CD04_0001UL);
        for (int i = 0; i < Frames; i++) _svSession.OnFrame(_sv, source, multicast, _sink);
        return _sink.Messages;
    }

    /// <summary>Offset of the one sqNum content octet in <see cref="GeF650"/>.</summary>
    private const int SqNumOffset = 8 + 3 + 28 + 5 + 26 + 13 + 10 + 3 + 2;

    private static byte[] GeF650() =>
    [
        0x00, 0x01, 0x00, 0x91, 0x00, 0x00, 0x00, 0x00,     // APPID 1, Length 145, Reserved 1, Reserved 2
        0x61, 0x81, 0x86,                                   // goosePdu, 134 octets
        0x80, 0x1A, .. "GEDeviceF650/LLN0$GO$gcb01"u8,      // gocbRef [0]
        0x81, 0x03, 0x00, 0x9C, 0x40,                       // timeAllowedToLive [1] = 40000
        0x82, 0x18, .. "GEDeviceF650/LLN0$GOOSE1"u8,        // datSet [2]
        0x83, 0x0B, .. "F650_GOOSE1"u8,                     // goID [3]
        0x84, 0x08, 0x38, 0x6E, 0xBB, 0xF3, 0x42, 0x17, 0x28, 0x0A, // t [4]
        0x85, 0x01, 0x01,                                   // stNum [5] = 1
        0x86, 0x01, 0x00,                                   // sqNum [6], set per frame
        0x87, 0x01, 0x00,                                   // test [7]
        0x88, 0x01, 0x01,                                   // confRev [8]
        0x89, 0x01, 0x00,                                   // ndsCom [9]
        0x8A, 0x01, 0x08,                                   // numDatSetEntries [10] = 8
        0xAB, 0x20,                                         // allData [11]: 4 × (boolean, quality)
        0x83, 0x01, 0x00, 0x84, 0x03, 0x03, 0x00, 0x00, 0x83, 0x01, 0x00, 0x84, 0x03, 0x03, 0x00, 0x00,
        0x83, 0x01, 0x00, 0x84, 0x03, 0x03, 0x00, 0x00, 0x83, 0x01, 0x00, 0x84, 0x03, 0x03, 0x00, 0x00,
    ];

    private static byte[] SvFrame()
    {
        byte[] head =
        [
            0x40, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, // APPID 0x4000, Length (set below), Reserved 1, Reserved 2
            0x60, 0x60,                                     // savPdu, 96 octets
            0x80, 0x01, 0x01,                               // noASDU [0] = 1
            0xA2, 0x5B,                                     // seqASDU [2], 91 octets
            0x30, 0x59,                                     // ASDU, 89 octets
            0x80, 0x08, .. "MU01SV01"u8,                    // svID [0]
            0x82, 0x02, 0x0F, 0xA0,                         // smpCnt [2] = 4000
            0x83, 0x04, 0x00, 0x00, 0x00, 0x01,             // confRev [3] = 1
            0x85, 0x01, 0x02,                               // smpSynch [5] = 2
            0x87, 0x40,                                     // sample [7]: 8 × (INT32 value, quality)
        ];
        byte[] frame = [.. head, .. new byte[64]];
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(2), (ushort)frame.Length);
        return frame;
    }

    private sealed class CountingSink : IProtocolEventSink
    {
        public long Messages;

        public void OnGoose(in GooseMessage message) => Messages += message.StNum is null ? 0 : 1;
        public void OnSampledValues(in SampledValuesMessage message) => Messages += message.Anomalies == 0 ? 1 : 0;
        public void OnModbus(in ModbusMessage message) => Messages++;
        public void OnIec104(in Iec104Message message) => Messages++;
        public void OnDnp3(in Dnp3Message message) => Messages++;
        public void OnBacnet(in BacnetMessage message) => Messages++;
        public void OnS7Comm(in S7CommMessage message) => Messages++;
        public void OnS7CommPlus(in S7CommPlusMessage message) => Messages++;
        public void OnEnip(in EnipMessage message) => Messages++;
        public void OnCip(in CipMessage message) => Messages++;
        public void OnMms(in MmsMessage message) => Messages++;
        public void OnStreamAnomaly(ProtocolId protocol, string anomaly) => Messages -= 1_000_000;
    }
}
