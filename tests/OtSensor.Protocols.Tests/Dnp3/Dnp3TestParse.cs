using OtSensor.Core.Parsing;
using OtSensor.Protocols.Dnp3;

namespace OtSensor.Protocols.Tests.Dnp3;

/// <summary>Runs frames through a fresh session and returns what it recorded.</summary>
internal static class Dnp3TestParse
{
    public static RecordingSink Run(params byte[][] frames)
    {
        var sink = new RecordingSink();
        var session = new Dnp3Session();
        foreach (var frame in frames)
        {
            var direction = (frame[3] & 0x80) != 0 ? Direction.ToServer : Direction.ToClient;
            var result = session.OnData(frame, direction, sink);
            Assert.Equal(frame.Length, result.Consumed);
        }
        return sink;
    }

    public static RecordedMessage Single(byte[] frame)
    {
        var sink = Run(frame);
        Assert.Empty(sink.StreamAnomalies);
        return Assert.Single(sink.Messages);
    }

    public static RecordedMessage Master(byte[] fragment) => Single(Dnp3Frames.Fragment(Dnp3Frames.FromMaster, 10, 1, fragment));

    public static RecordedMessage Outstation(byte[] fragment) => Single(Dnp3Frames.Fragment(Dnp3Frames.FromOutstation, 1, 10, fragment));
}
