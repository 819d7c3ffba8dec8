using BenchmarkDotNet.Attributes;
using OtSensor.Benchmarks.Config;
using OtSensor.Benchmarks.Protocols.Shared;
using OtSensor.Protocols.Bacnet;

namespace OtSensor.Benchmarks.Protocols.Bacnet;

/// <summary>
/// BACnet/IP per datagram: BVLC, NPDU and APDU (confirmed and unconfirmed services, tags), in <see cref="BacnetSession"/>.
/// </summary>
/// <remarks>
/// Input: the busiest conversation of <c>bacnet/ICS-Security-Tools__bacnet_test.pcap</c>, fed payload by payload as captured, the session reset
/// before each replay (<see cref="ConversationReplay"/>). One operation = one PDU the session emits.
/// </remarks>
[Config(typeof(BenchConfig))]
public class BacnetSessionBenchmarks : ConversationBenchmark
{
    private const int Pdus = 22;

    protected override int PdusPerRound => Pdus;

    [Benchmark(OperationsPerInvoke = Pdus, Description = "BACnet/IP session OnDatagram, per APDU")]
    public long Session() => Replay();

    private protected override ConversationReplay CreateReplay()
        => Datagrams("bacnet", "ICS-Security-Tools__bacnet_test.pcap", BacnetConstants.DefaultPort, new BacnetSession());
}
