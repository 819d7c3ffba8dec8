using BenchmarkDotNet.Attributes;
using OtSensor.Benchmarks.Config;
using OtSensor.Benchmarks.Protocols.Shared;
using OtSensor.Protocols.Enip;

namespace OtSensor.Benchmarks.Protocols.Enip;

/// <summary>
/// EtherNet/IP encapsulation with its CIP payloads (SendRRData / SendUnitData, request/reply pairing), per emitted message, in <see cref="EnipSession"/>.
/// </summary>
/// <remarks>
/// Input: the busiest conversation of <c>enip-cip/ICS-Security-Tools__EIP-ChangeDateAttempt.pcap</c>, fed payload by payload as captured, the session reset
/// before each replay (<see cref="ConversationReplay"/>). One operation = one message (PDU) the session emits.
/// </remarks>
[Config(typeof(BenchConfig))]
public class EnipSessionBenchmarks : ConversationBenchmark
{
    private const int Pdus = 1425;

    protected override int PdusPerRound => Pdus;

    [Benchmark(OperationsPerInvoke = Pdus, Description = "EtherNet/IP + CIP session OnData, per message")]
    public long Session() => Replay();

    private protected override ConversationReplay CreateReplay()
        => Stream("enip-cip", "ICS-Security-Tools__EIP-ChangeDateAttempt.pcap", EnipConstants.Port, new EnipSession());
}
