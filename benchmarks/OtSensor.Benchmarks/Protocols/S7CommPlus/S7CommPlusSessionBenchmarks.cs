using BenchmarkDotNet.Attributes;
using OtSensor.Benchmarks.Config;
using OtSensor.Benchmarks.Protocols.Shared;
using OtSensor.Protocols.Cotp;
using OtSensor.Protocols.Mms;
using OtSensor.Protocols.S7Comm;
using OtSensor.Protocols.S7CommPlus;
using OtSensor.Protocols.Tpkt;

namespace OtSensor.Benchmarks.Protocols.S7CommPlus;

/// <summary>
/// S7comm-plus per PDU through TPKT and COTP: the <see cref="CotpSession"/> the engine builds (S7comm, S7comm-plus and MMS payload decoders) over an S7-1200 HMI session.
/// </summary>
/// <remarks>
/// Input: the busiest conversation of <c>s7commplus/ICS-Security-Tools__s7-1200-hmi.pcap</c>, fed payload by payload as captured, the session reset
/// before each replay (<see cref="ConversationReplay"/>). One operation = one PDU the session emits.
/// </remarks>
[Config(typeof(BenchConfig))]
public class S7CommPlusSessionBenchmarks : ConversationBenchmark
{
    private const int Pdus = 24;

    protected override int PdusPerRound => Pdus;

    [Benchmark(OperationsPerInvoke = Pdus, Description = "S7comm-plus via TPKT/COTP session, per PDU")]
    public long Session() => Replay();

    private protected override ConversationReplay CreateReplay()
        => Stream("s7commplus", "ICS-Security-Tools__s7-1200-hmi.pcap", TpktConstants.DefaultPort, new CotpSession([new S7CommPayloadDecoder(), new S7CommPlusPayloadDecoder(), new MmsPayloadDecoder()]));
}
