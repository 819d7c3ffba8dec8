using OtSensor.Core.Parsing;
using OtSensor.Protocols.Modbus;

namespace OtSensor.Protocols.Tests.Modbus;

/// <summary>Parses one frame into a <see cref="RecordedMessage"/> (the message is a ref struct and cannot be returned).</summary>
internal static class ModbusTestParse
{
    public static RecordedMessage Request(byte[] frame) => Parse(frame, Direction.ToServer);

    public static RecordedMessage Response(byte[] frame) => Parse(frame, Direction.ToClient);

    public static RecordedMessage Parse(byte[] frame, Direction direction)
    {
        var sink = new RecordingSink();
        Assert.True(ModbusParser.TryParse(frame, direction, out var message));
        sink.OnModbus(in message);
        return Assert.Single(sink.Messages);
    }

    /// <summary>Parses a request, then its response paired with it, through a session.</summary>
    public static RecordedMessage PairedResponse(byte[] request, byte[] response)
    {
        var sink = new RecordingSink();
        var session = new ModbusSession();
        session.OnData(request, Direction.ToServer, sink);
        session.OnData(response, Direction.ToClient, sink);
        Assert.Equal(2, sink.Messages.Count);
        return sink.Messages[1];
    }
}
