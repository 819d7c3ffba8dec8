using BenchmarkDotNet.Attributes;
using OtSensor.Benchmarks.Config;
using OtSensor.Benchmarks.Protocols.Shared;
using OtSensor.Protocols.Cotp;
using OtSensor.Protocols.Mms;
using OtSensor.Protocols.S7Comm;
using OtSensor.Protocols.S7CommPlus;
using OtSensor.Protocols.Tpkt;

namespace OtSensor.Benchmarks.Protocols.Mms;

/// <summary>
/// IEC 61850 MMS per PDU through TPKT, COTP, ISO session, presentation and ACSE: the <see cref="CotpSession"/> the engine builds (S7comm, S7comm-plus and MMS payload decoders) over an MMS client association (initiate, services, conclude).
/// </summary>
/// <remarks>
/// Input: the busiest conversation of <c>mms/nDPI__iso9506-1-mms.pcap</c>, fed payload by payload as captured, the session reset
/// before each replay (<see cref="ConversationReplay"/>). One operation = one PDU the session emits.
/// </remarks>
[Config(typeof(BenchConfig))]
public class MmsSessionBenchmarks : ConversationBenchmark
{
    private const int Pdus = 8;

    protected override int PdusPerRound => Pdus;

    [Benchmark(OperationsPerInvoke = Pdus, Description = "MMS via TPKT/COTP/session/presentation, per PDU")]
    public long Session() => Replay();

    private protected override ConversationReplay CreateReplay()
        => Stream("mms", "nDPI__iso9506-1-mms.pcap", TpktConstants.DefaultPort, new CotpSession([new S7CommPayloadDecoder(), new S7CommPlusPayloadDecoder(), new MmsPayloadDecoder()]));
}
