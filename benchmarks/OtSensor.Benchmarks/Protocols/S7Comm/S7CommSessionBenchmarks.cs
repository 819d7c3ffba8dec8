using BenchmarkDotNet.Attributes;
using OtSensor.Benchmarks.Config;
using OtSensor.Benchmarks.Protocols.Shared;
using OtSensor.Protocols.Cotp;
using OtSensor.Protocols.Mms;
using OtSensor.Protocols.S7Comm;
using OtSensor.Protocols.S7CommPlus;
using OtSensor.Protocols.Tpkt;

namespace OtSensor.Benchmarks.Protocols.S7Comm;

/// <summary>
/// S7comm per PDU through TPKT and COTP: the <see cref="CotpSession"/> the engine builds (S7comm, S7comm-plus and MMS payload decoders, in that order) over a STEP 7 variable-table session (setup communication, read var, userdata).
/// </summary>
/// <remarks>
/// Input: the busiest conversation of <c>s7comm/ICS-Security-Tools__step7_s300_readVarTab.pcapng</c>, fed payload by payload as captured, the session reset
/// before each replay (<see cref="ConversationReplay"/>). One operation = one PDU the session emits.
/// </remarks>
[Config(typeof(BenchConfig))]
public class S7CommSessionBenchmarks : ConversationBenchmark
{
    private const int Pdus = 331;

    protected override int PdusPerRound => Pdus;

    [Benchmark(OperationsPerInvoke = Pdus, Description = "S7comm via TPKT/COTP session, per PDU")]
    public long Session() => Replay();

    private protected override ConversationReplay CreateReplay()
        => Stream("s7comm", "ICS-Security-Tools__step7_s300_readVarTab.pcapng", TpktConstants.DefaultPort, new CotpSession([new S7CommPayloadDecoder(), new S7CommPlusPayloadDecoder(), new MmsPayloadDecoder()]));
}
