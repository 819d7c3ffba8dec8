using BenchmarkDotNet.Attributes;
using OtSensor.Benchmarks.Config;
using OtSensor.Benchmarks.Protocols.Shared;
using OtSensor.Protocols.Iec104;

namespace OtSensor.Benchmarks.Protocols.Iec104;

/// <summary>
/// IEC 60870-5-104 per APDU: APCI framing (I, S and U formats, sequence numbers) and the ASDU with its information objects, in <see cref="OtSensor.Protocols.Iec104.Iec104Session"/>.
/// </summary>
/// <remarks>
/// Input: the busiest conversation of <c>iec104/zeek-iec104__iec104.pcap</c>, fed payload by payload as captured, the session reset
/// before each replay (<see cref="ConversationReplay"/>). One operation = one PDU the session emits.
/// </remarks>
[Config(typeof(BenchConfig))]
public class Iec104SessionBenchmarks : ConversationBenchmark
{
    private const int Pdus = 115;

    protected override int PdusPerRound => Pdus;

    [Benchmark(OperationsPerInvoke = Pdus, Description = "IEC 104 session OnData, per APDU")]
    public long Session() => Replay();

    private protected override ConversationReplay CreateReplay()
        => Stream("iec104", "zeek-iec104__iec104.pcap", Iec104Constants.DefaultPort, new Iec104Session());
}
