using OtSensor.Core.Net;
using OtSensor.Protocols.Goose;

namespace OtSensor.Protocols.Tests.Goose;

/// <summary>Feeds GOOSE payloads through a <see cref="GooseSession"/> and keeps what the sink saw.</summary>
internal static class GooseTestParse
{
    public static readonly MacAddress Publisher = new(0x00A0_F408_2F77UL);
    public static readonly MacAddress Multicast = new(0x010C_CD01_0001UL);

    public static RecordedMessage One(byte[] payload)
    {
        var sink = new RecordingSink();
        new GooseSession().OnFrame(payload, Publisher, Multicast, sink);
        Assert.Empty(sink.StreamAnomalies);
        return Assert.Single(sink.Messages);
    }

    public static List<RecordedMessage> Many(GooseSession session, params byte[][] payloads)
    {
        var sink = new RecordingSink();
        foreach (var payload in payloads) session.OnFrame(payload, Publisher, Multicast, sink);
        Assert.Empty(sink.StreamAnomalies);
        return sink.Messages;
    }
}
