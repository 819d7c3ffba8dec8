using BenchmarkDotNet.Attributes;
using OtSensor.Benchmarks.Config;
using OtSensor.Benchmarks.Protocols.Shared;
using OtSensor.Protocols.Dnp3;

namespace OtSensor.Benchmarks.Protocols.Dnp3;

/// <summary>
/// DNP3 over TCP per application PDU: link framing with the CRC of every block, transport reassembly and the application layer (function, IIN, object headers), in <see cref="OtSensor.Protocols.Dnp3.Dnp3Session"/>.
/// </summary>
/// <remarks>
/// Input: the busiest conversation of <c>dnp3/ICS-Security-Tools__dnp3_test_data_part1.pcap</c>, fed payload by payload as captured, the session reset
/// before each replay (<see cref="ConversationReplay"/>). One operation = one PDU the session emits.
/// </remarks>
[Config(typeof(BenchConfig))]
public class Dnp3SessionBenchmarks : ConversationBenchmark
{
    private const int Pdus = 28;

    protected override int PdusPerRound => Pdus;

    [Benchmark(OperationsPerInvoke = Pdus, Description = "DNP3 session OnData, per PDU")]
    public long Session() => Replay();

    private protected override ConversationReplay CreateReplay()
        => Stream("dnp3", "ICS-Security-Tools__dnp3_test_data_part1.pcap", Dnp3Constants.DefaultPort, new Dnp3Session());
}
