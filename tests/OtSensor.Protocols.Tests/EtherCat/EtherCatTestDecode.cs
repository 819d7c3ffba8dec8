using OtSensor.Core.Net;
using OtSensor.Protocols.EtherCat;

namespace OtSensor.Protocols.Tests.EtherCat;

/// <summary>Decodes one frame through <see cref="EtherCatFrameSession"/> into recorded messages (messages are ref structs).</summary>
internal static class EtherCatTestDecode
{
    /// <summary>A master MAC as SOEM uses it: locally administered bit clear.</summary>
    public static readonly MacAddress Master = new(0x0101_0101_0101UL);

    /// <summary>The same MAC after the first slave set the locally administered bit.</summary>
    public static readonly MacAddress Returned = new(0x0301_0101_0101UL);

    public static RecordingSink Frame(ReadOnlySpan<byte> frame, bool fromMaster = true)
    {
        var sink = new RecordingSink();
        new EtherCatFrameSession().OnFrame(frame, fromMaster ? Master : Returned, MacAddress.Broadcast, sink);
        return sink;
    }

    public static RecordedMessage Single(ReadOnlySpan<byte> frame, bool fromMaster = true)
    {
        var sink = Frame(frame, fromMaster);
        Assert.Empty(sink.StreamAnomalies);
        return Assert.Single(sink.Messages);
    }
}
