using OtSensor.Core.Protocols;
using OtSensor.Protocols.ProfinetRt;

namespace OtSensor.Protocols.Tests.Profinet;

public sealed class ProfinetRtSessionTests
{
    [Fact]
    public void OnFrame_CyclicFrames_CountedNeverRecorded()
    {
        var sink = new RecordingSink();
        var session = new ProfinetRtSession();
        for (int i = 0; i < 1000; i++) session.OnFrame(ProfinetRtVectors.CyclicClass1, default, default, sink);
        session.OnFrame(ProfinetRtVectors.CyclicIrt, default, default, sink);
        session.OnFrame(ProfinetRtVectors.IdentifyAll, default, default, sink);

        Assert.Single(sink.Messages);
        Assert.Empty(sink.StreamAnomalies);
        Assert.Equal((1000L, 1L, 1001L, 1L), (session.FramesOf(ProfinetFrameKind.CyclicClass1), session.FramesOf(ProfinetFrameKind.CyclicIrt),
            session.CyclicFrames, session.FramesOf(ProfinetFrameKind.Dcp)));
        session.Reset();
        Assert.Equal(0, session.CyclicFrames);
    }

    [Theory]
    [InlineData(0x0000, ProfinetFrameKind.TimeSync)]
    [InlineData(0x0100, ProfinetFrameKind.CyclicIrt)]
    [InlineData(0x7FFF, ProfinetFrameKind.CyclicIrt)]
    [InlineData(0x8000, ProfinetFrameKind.CyclicClass2)]
    [InlineData(0xBFFF, ProfinetFrameKind.CyclicClass2)]
    [InlineData(0xC000, ProfinetFrameKind.CyclicClass1)]
    [InlineData(0xFBFF, ProfinetFrameKind.CyclicClass1)]
    [InlineData(0xFC01, ProfinetFrameKind.AlarmHigh)]
    [InlineData(0xFE01, ProfinetFrameKind.AlarmLow)]
    [InlineData(0xFEFC, ProfinetFrameKind.Dcp)]
    [InlineData(0xFEFF, ProfinetFrameKind.Dcp)]
    [InlineData(0xFF40, ProfinetFrameKind.OtherAcyclic)]
    [InlineData(0xFC00, ProfinetFrameKind.Reserved)]
    [InlineData(0xFFFF, ProfinetFrameKind.Reserved)]
    public void Classify_FrameIdRanges_AsIec61158(int frameId, ProfinetFrameKind kind) => Assert.Equal(kind, ProfinetFrameIds.Classify(frameId));

    [Fact]
    public void OnFrame_AlarmNotification_RecordedWithoutFunction()
    {
        var m = ProfinetDcpTests.Decode(ProfinetRtVectors.AlarmNotification);
        Assert.Equal((ProtocolId.ProfinetIO, -1, (string?)null, OtOperation.Diagnostics, false, 0UL), (m.Protocol, m.Function, m.FunctionName, m.Operation, m.IsResponse, m.Anomalies));
        var d = m.Details;
        Assert.Equal(("low", 1, "DATA-RTA-PDU", 5, 0xFFFF), (d.GetProperty("alarmPriority").GetString(), d.GetProperty("rtaPduType").GetInt32(),
            d.GetProperty("rtaPduTypeName").GetString(), d.GetProperty("sendSeqNum").GetInt32(), d.GetProperty("ackSeqNum").GetInt32()));
        Assert.Equal((2, 1, "Diagnosis", 1, 1, 8, 1, 0xA800), (d.GetProperty("blockType").GetInt32(), d.GetProperty("alarmType").GetInt32(), d.GetProperty("alarmTypeName").GetString(),
            d.GetProperty("slot").GetInt32(), d.GetProperty("subslot").GetInt32(), d.GetProperty("moduleIdent").GetInt32(), d.GetProperty("submoduleIdent").GetInt32(),
            d.GetProperty("alarmSpecifier").GetInt32()));
    }

    [Fact]
    public void OnFrame_AlarmError_StatusAndResponse()
    {
        var m = ProfinetDcpTests.Decode(ProfinetRtVectors.AlarmError);
        Assert.Equal((-1, OtOperation.None, true, 0UL), (m.Function, m.Operation, m.IsResponse, m.Anomalies));
        Assert.Equal(("ERR-RTA-PDU", "cf81fd0f"), (m.Details.GetProperty("rtaPduTypeName").GetString(), m.Details.GetProperty("pnioStatus").GetString()));
    }

    [Fact]
    public void OnFrame_NoWholeFrameId_StreamAnomaly()
    {
        var sink = new RecordingSink();
        new ProfinetRtSession().OnFrame([0xFE], default, default, sink);
        Assert.Empty(sink.Messages);
        Assert.Equal(["rt_frame_too_short"], sink.StreamAnomalies);
    }

    [Fact]
    public void OnFrame_SteadyState_AllocatesNothing()
    {
        var vectors = typeof(ProfinetRtVectors).GetFields().Select(f => (byte[])f.GetValue(null)!).ToArray();
        var sink = new NoOpSink();
        var identities = new ProfinetIdentitySink(keep: false);
        var session = new ProfinetRtSession();
        for (int i = 0; i < 100; i++) Pump(session, sink, identities, vectors); // warm up (JIT, tiering)

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++) Pump(session, sink, identities, vectors);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(1100L * (vectors.Length - 2), sink.Count); // the two cyclic vectors give no message

        static void Pump(ProfinetRtSession session, NoOpSink sink, ProfinetIdentitySink identities, byte[][] vectors)
        {
            foreach (var v in vectors)
            {
                session.OnFrame(v, default, default, sink);
                session.OnFrame(v, default, default, identities);
            }
        }
    }
}
