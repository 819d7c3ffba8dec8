using BenchmarkDotNet.Attributes;
using OtSensor.Benchmarks.Config;
using OtSensor.Core.Net;
using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Bacnet;
using OtSensor.Protocols.Cip;
using OtSensor.Protocols.Dnp3;
using OtSensor.Protocols.Enip;
using OtSensor.Protocols.Iec104;
using OtSensor.Protocols.Mms;
using OtSensor.Protocols.Modbus;
using OtSensor.Protocols.ProfinetCm;
using OtSensor.Protocols.ProfinetDcp;
using OtSensor.Protocols.ProfinetRt;
using OtSensor.Protocols.Registry;
using OtSensor.Protocols.S7Comm;
using OtSensor.Protocols.S7CommPlus;

namespace OtSensor.Benchmarks.Protocols.Profinet;

/// <summary>
/// PROFINET decoders per PDU over real frames from the public captures: the RT frame session on a DCP Identify
/// response and on a cyclic RT_CLASS_1 frame (counted, never recorded: the path taken by millions of frames),
/// and the PNIO-CM datagram session on a ReadImplicit request and its response. Steady state allocates 0 B.
/// </summary>
[Config(typeof(BenchConfig))]
public class ProfinetBenchmarks
{
    private const int Rounds = 256;

    // icsnpp profinet_io_cm_mixed_1.pcap frame 466 (after the EtherType): Identify response of "versamax-pns11".
    private static readonly byte[] IdentifyResponse = Convert.FromHexString(
        "feff0501000000010000006402020010000076657273616d61782d706e7331310205000e00000102020102020203020406010201000d00004943"
        + "323030504e5330303100020300060000015a000302040004000001000102000e0001c0a80102ffffff00c0a801020601000400000001");

    // The same capture, frame 495: cyclic RT_CLASS_1 data (FrameID 0xC000).
    private static readonly byte[] Cyclic = Convert.FromHexString(
        "c00080000080808000000000800080000000000000000000000000000000000000000000000000000000c6e03500");

    // ICS-Security-Tools profinet.pcap frames 1 and 2 (UDP payloads): ReadImplicit request and response.
    private static readonly byte[] ReadImplicitRequest = Convert.FromHexString(
        "04000800100000000000a0de976cd111827100010003015a0100a0de976cd111827100a02442df7ddbabbaec1d005443b2500b01630abafd00000000"
        + "01000000000000000500ffffffff54000000000040800000400000004080000000000000400000000009003c0100000a000000000000000000000000"
        + "0000000000000000000000010000f84000008000000000000000000000000000000000000000000000000000");

    private static readonly byte[] ReadImplicitResponse = Convert.FromHexString(
        "04022800100000000000a0de976cd111827100010003015a0100a0de976cd111827100a02442df7ddbabbaec1d005443b2500b01630abafd01000000"
        + "01000000000000000500ffffffffbc000000000000000000a80000004080000000000000a80000008009003c0100000a000000000000000000000000"
        + "0000000000000000000000010000f840000000680000000000000000000000000000000000000000000000000030002c0100000100000000000200"
        + "000000000100020001000000010003ffff010a0001ffff814000010001ffff814000310018010000010000000000010001ffff814000010001ffff81"
        + "4000320018010000010000000000010000000000010001000100000001");

    private ProfinetRtSession _rt = null!;
    private PnioCmSession _cm = null!;
    private CountingSink _sink = null!;

    [GlobalSetup]
    public void Setup()
    {
        _rt = new ProfinetRtSession();
        _cm = new PnioCmSession();
        _sink = new CountingSink();
        Dcp();
        Cyclic1();
        PnioCm();
        if (_sink.Messages != 3 * Rounds || _sink.Anomalies != 0 || _rt.CyclicFrames != Rounds)
            throw new InvalidOperationException($"{_sink.Messages} messages, {_sink.Anomalies} anomalies, {_rt.CyclicFrames} cyclic frames.");
    }

    [Benchmark(OperationsPerInvoke = Rounds, Description = "RT session, DCP Identify response")]
    public long Dcp()
    {
        for (int i = 0; i < Rounds; i++) _rt.OnFrame(IdentifyResponse, default, default, _sink);
        return _sink.Messages;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Rounds, Description = "RT session, cyclic frame (counted only)")]
    public long Cyclic1()
    {
        for (int i = 0; i < Rounds; i++) _rt.OnFrame(Cyclic, default, default, _sink);
        return _rt.CyclicFrames;
    }

    [Benchmark(OperationsPerInvoke = 2 * Rounds, Description = "PNIO-CM session, ReadImplicit request + response")]
    public long PnioCm()
    {
        for (int i = 0; i < Rounds; i++)
        {
            _cm.OnDatagram(ReadImplicitRequest, Direction.ToServer, _sink);
            _cm.OnDatagram(ReadImplicitResponse, Direction.ToClient, _sink);
        }
        return _sink.Messages;
    }

    /// <summary>A sink that only counts, so the sessions' own cost is what is measured.</summary>
    private sealed class CountingSink : IProtocolEventSink
    {
        public long Messages;
        public long Anomalies;

        public void OnProfinetDcp(in ProfinetDcpMessage message)
        {
            Messages++;
            if (message.Anomalies != 0) Anomalies++;
        }

        public void OnProfinetAlarm(in ProfinetAlarmMessage message) => Messages++;

        public void OnPnioCm(in PnioCmMessage message)
        {
            Messages++;
            if (message.Anomalies != 0) Anomalies++;
        }

        public void OnModbus(in ModbusMessage message) => Messages++;
        public void OnIec104(in Iec104Message message) => Messages++;
        public void OnDnp3(in Dnp3Message message) => Messages++;
        public void OnBacnet(in BacnetMessage message) => Messages++;
        public void OnS7Comm(in S7CommMessage message) => Messages++;
        public void OnS7CommPlus(in S7CommPlusMessage message) => Messages++;
        public void OnEnip(in EnipMessage message) => Messages++;
        public void OnCip(in CipMessage message) => Messages++;
        public void OnMms(in MmsMessage message) => Messages++;

        public void OnStreamAnomaly(ProtocolId protocol, string anomaly) => Anomalies++;
    }
}
