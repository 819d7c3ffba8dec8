using OtSensor.Core.Net;
using OtSensor.Core.Protocols;
using OtSensor.Engine;
using OtSensor.TestKit.Synthetic;

namespace OtSensor.Integration.Tests.Engine;

/// <summary>
/// The hot path allocates nothing per packet once flows exist (docs/model-codebases §4.6): decode, flow lookup,
/// reassembly, Modbus parsing and inventory accounting over the steady polling part of the demo plant.
/// This counts bytes, it does not time anything.
/// </summary>
public sealed class PipelineAllocationTests
{
    private sealed class NoOpObserver : IPduObserver
    {
        public long Pdus;

        public bool RecordsPdus => true; // the allocation test covers the context and the observer call too

        public System.Text.Json.Utf8JsonWriter? OnPdu(in PduContext context, in PduSummary pdu)
        {
            Pdus++;
            return null;
        }

        public void EndPdu() { }

        public void OnAnomaly(in AnomalyRecord anomaly) { }
    }

    [Fact]
    public void ProcessFrame_SteadyStatePolling_AllocatesNothing()
    {
        var frames = ModbusDemoPlant.Generate(seed: 1, seconds: 60);
        var observer = new NoOpObserver();
        using var analyzer = new CaptureAnalyzer(new EngineOptions(), observer);
        var pipeline = analyzer.Pipeline;

        // Warm-up: the first 10 s open every flow, create every device, connection and command name.
        int warm = frames.FindIndex(f => f.ts > ModbusDemoPlant.Start.Add(TimeSpan.FromSeconds(10)));
        // Measure up to 25 s: plain polling, before the engineering session opens new flows at 30 s.
        int end = frames.FindIndex(f => f.ts > ModbusDemoPlant.Start.Add(TimeSpan.FromSeconds(25)));
        long n = 0;
        for (int i = 0; i < warm; i++) pipeline.ProcessFrame(frames[i].data, LinkType.Ethernet, frames[i].ts, ++n);

        long pdusBefore = observer.Pdus;
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = warm; i < end; i++) pipeline.ProcessFrame(frames[i].data, LinkType.Ethernet, frames[i].ts, ++n);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(observer.Pdus - pdusBefore > 150, "the measured window must contain real Modbus traffic");
        Assert.Equal(0, allocated);
    }
}
