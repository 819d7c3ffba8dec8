using BenchmarkDotNet.Attributes;
using OtSensor.Benchmarks.Config;
using OtSensor.Core.Net;
using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Bacnet;
using OtSensor.Protocols.Cip;
using OtSensor.Protocols.Dnp3;
using OtSensor.Protocols.Enip;
using OtSensor.Protocols.EtherCat;
using OtSensor.Protocols.Iec104;
using OtSensor.Protocols.Mms;
using OtSensor.Protocols.Modbus;
using OtSensor.Protocols.Registry;
using OtSensor.Protocols.S7Comm;
using OtSensor.Protocols.S7CommPlus;

namespace OtSensor.Benchmarks.Protocols.EtherCat;

/// <summary>
/// EtherCAT per datagram over <see cref="EtherCatBenchFrames.Mix"/> (cyclic LRW/ARMW/FPRD frames, a CoE SDO
/// exchange, an AL control write): the datagram walk alone (baseline), the walk with register and mailbox
/// semantics read back, the full <see cref="EtherCatFrameSession.OnFrame"/> with a sink, and the UDP probe.
/// Steady state allocates nothing.
/// </summary>
[Config(typeof(BenchConfig))]
public class EtherCatFrameBenchmarks
{
    private static readonly MacAddress Master = new(0x0010_1010_1010UL);
    private EtherCatFrameSession _session = null!;
    private CountingSink _sink = null!;

    [GlobalSetup]
    public void Setup()
    {
        _session = new EtherCatFrameSession();
        _sink = new CountingSink();
        if (Walk() != EtherCatBenchFrames.MixDatagrams) throw new InvalidOperationException("The walk did not find every datagram.");
        Session();
        if (_sink.Messages != EtherCatBenchFrames.MixDatagrams || _sink.Anomalies != 0)
            throw new InvalidOperationException($"Session produced {_sink.Messages} messages, {_sink.Anomalies} anomalies.");
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = EtherCatBenchFrames.MixDatagrams, Description = "datagram walk")]
    public int Walk()
    {
        int datagrams = 0;
        foreach (var frame in EtherCatBenchFrames.Mix)
        {
            var reader = new EtherCatDatagramReader(frame, fromMaster: false);
            while (reader.TryRead(out _)) datagrams++;
        }
        return datagrams;
    }

    [Benchmark(OperationsPerInvoke = EtherCatBenchFrames.MixDatagrams, Description = "walk + semantics read back")]
    public long WalkAndRead()
    {
        long sum = 0;
        foreach (var frame in EtherCatBenchFrames.Mix)
        {
            var reader = new EtherCatDatagramReader(frame, fromMaster: false);
            while (reader.TryRead(out var message))
                sum += (int)message.Operation + (message.WorkingCounter ?? 0) + (message.SdoIndex ?? 0) + (message.AlStatus ?? 0);
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = EtherCatBenchFrames.MixDatagrams, Description = "frame session OnFrame")]
    public long Session()
    {
        foreach (var frame in EtherCatBenchFrames.Mix) _session.OnFrame(frame, Master, MacAddress.Broadcast, _sink);
        return _sink.Messages;
    }

    [Benchmark(OperationsPerInvoke = 13, Description = "UDP probe")]
    public int Probe()
    {
        int recognized = 0;
        foreach (var frame in EtherCatBenchFrames.Mix)
            if (EtherCatProbe.Recognize(frame, Direction.ToServer) == ProbeResult.Recognized) recognized++;
        return recognized;
    }

    /// <summary>A sink that only counts, so the session's own cost is what is measured.</summary>
    private sealed class CountingSink : IProtocolEventSink
    {
        public long Messages;
        public long Anomalies;

        public void OnEtherCat(in EtherCatMessage message)
        {
            Messages++;
            if (message.Anomalies != 0) Anomalies++;
        }

        public void OnModbus(in ModbusMessage message) => Messages++;
        public void OnIec104(in Iec104Message message) => Messages++;
        public void OnDnp3(in Dnp3Message message) => Messages++;
        public void OnS7Comm(in S7CommMessage message) => Messages++;
        public void OnS7CommPlus(in S7CommPlusMessage message) => Messages++;
        public void OnEnip(in EnipMessage message) => Messages++;
        public void OnCip(in CipMessage message) => Messages++;
        public void OnMms(in MmsMessage message) => Messages++;
        public void OnBacnet(in BacnetMessage message) => Messages++;

        public void OnStreamAnomaly(ProtocolId protocol, string anomaly) => Anomalies++;
    }
}
