using OtSensor.Core.Net;
using OtSensor.Core.Parsing;
using OtSensor.Protocols.EtherCat;

namespace OtSensor.Protocols.Tests.EtherCat;

public sealed class EtherCatSessionTests
{
    [Fact]
    public void OnFrame_SourceMacWithLocallyAdministeredBit_IsReturningFrame()
    {
        Assert.False(EtherCatTestDecode.Single(EtherCatVectors.AlControlOp, fromMaster: true).IsResponse);
        var back = EtherCatTestDecode.Single(EtherCatVectors.AlControlOp, fromMaster: false);
        Assert.True(back.IsResponse);
        Assert.False(back.Details.GetProperty("fromMaster").GetBoolean());
    }

    [Fact]
    public void OnDatagram_FromClientAndBack_DirectionGivesFromMaster()
    {
        var sink = new RecordingSink();
        var session = new EtherCatUdpSession();

        session.OnDatagram(EtherCatVectors.Chained[..52], Direction.ToServer, sink);
        session.OnDatagram(EtherCatVectors.Chained[..52], Direction.ToClient, sink);

        Assert.Equal(6, sink.Messages.Count);
        Assert.All(sink.Messages.Take(3), m => Assert.False(m.IsResponse));
        Assert.All(sink.Messages.Skip(3), m => Assert.True(m.IsResponse));
        Assert.All(sink.Messages, m => Assert.Equal(0UL, m.Anomalies));
    }

    [Fact]
    public void Module_Registration_EtherTypeAndUdpPort()
    {
        var module = new EtherCatModule();
        Assert.Equal([(ushort)0x88A4], module.EtherTypes.ToArray());
        Assert.True(module.LlcSaps.IsEmpty);
        Assert.IsType<EtherCatFrameSession>(module.CreateFrameSession());

        var udp = new EtherCatUdpModule();
        Assert.False(udp.IsStream);
        Assert.Equal([(ushort)34980], udp.DefaultPorts.ToArray());
        Assert.IsType<EtherCatUdpSession>(udp.CreateDatagramSession());
        Assert.Null(udp.CreateStreamSession());
    }

    [Fact]
    public void OnFrame_SteadyState_AllocatesNothing()
    {
        var sink = new NoOpSink();
        var session = new EtherCatFrameSession();
        byte[][] frames =
        [
            EtherCatVectors.Chained.ToArray(), EtherCatVectors.CoeSdoUploadRequest.ToArray(), EtherCatVectors.CoeSdoUploadResponse.ToArray(),
            EtherCatVectors.FoeWriteRequest.ToArray(), EtherCatVectors.AlControlOp.ToArray(), EtherCatVectors.DatagramBeyondFrame.ToArray(),
            EtherCatVectors.NetworkVariables.ToArray(), EtherCatVectors.BrdAlStatus.ToArray(),
        ];
        for (int i = 0; i < 100; i++) Pump(session, sink, frames); // warm up (JIT, tiering)

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1250; i++) Pump(session, sink, frames); // 12,500 datagrams
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(1350 * 10, sink.Count);

        static void Pump(EtherCatFrameSession session, NoOpSink sink, byte[][] frames)
        {
            foreach (var frame in frames) session.OnFrame(frame, EtherCatTestDecode.Master, MacAddress.Broadcast, sink);
        }
    }
}
