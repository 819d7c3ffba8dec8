using System.Globalization;
using OtSensor.Benchmarks.Protocols.Bacnet;
using OtSensor.Benchmarks.Protocols.Dnp3;
using OtSensor.Benchmarks.Protocols.Enip;
using OtSensor.Benchmarks.Protocols.Iec104;
using OtSensor.Benchmarks.Protocols.Mms;
using OtSensor.Benchmarks.Protocols.S7Comm;
using OtSensor.Benchmarks.Protocols.S7CommPlus;

namespace OtSensor.Benchmarks.Protocols.Shared;

/// <summary>
/// The protocol half of <c>-- --alloc-probe</c>: every <see cref="ConversationBenchmark"/> replays its capture
/// conversation a few times, then the bytes allocated by one more replay are printed with the PDU count.
/// A decoder that allocates in steady state, or whose input no longer decodes cleanly, fails the probe.
/// </summary>
internal static class ProtocolAllocationProbe
{
    /// <summary>One entry per decoder benchmark; add a new decoder's benchmark here.</summary>
    private static readonly Func<ConversationBenchmark>[] Benchmarks =
    [
        () => new Dnp3SessionBenchmarks(),
        () => new Iec104SessionBenchmarks(),
        () => new S7CommSessionBenchmarks(),
        () => new S7CommPlusSessionBenchmarks(),
        () => new MmsSessionBenchmarks(),
        () => new EnipSessionBenchmarks(),
        () => new BacnetSessionBenchmarks(),
    ];

    /// <summary>Returns true when every decoder decoded its input cleanly and allocated nothing in steady state.</summary>
    public static bool Run(TextWriter output)
    {
        bool ok = true;
        foreach (var create in Benchmarks)
        {
            var bench = create();
            var r = bench.Probe();
            bool clean = r.Messages == r.Expected && r.MessageAnomalies == 0 && r.StreamAnomalies == 0 && r.Leftover == 0;
            ok &= clean && r.Allocated == 0;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{bench.GetType().Name,-30} {r.Messages,5} PDUs/round (expected {r.Expected}), {r.MessageAnomalies} with anomalies, {r.StreamAnomalies} stream anomalies, {r.Leftover} B left; steady state {r.Allocated} B/round{(clean ? "" : "  <-- input does not decode cleanly")}"));
        }
        return ok;
    }
}
