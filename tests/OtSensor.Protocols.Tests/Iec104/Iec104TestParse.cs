using OtSensor.Core.Parsing;
using OtSensor.Protocols.Iec104;

namespace OtSensor.Protocols.Tests.Iec104;

/// <summary>Parses one APDU through the parser and snapshots it with <see cref="RecordingSink"/>.</summary>
internal static class Iec104TestParse
{
    public static RecordedMessage One(byte[] frame, Direction direction)
    {
        var sink = new RecordingSink();
        Assert.True(Iec104Parser.TryParse(frame, direction, out var message));
        ((Registry.IProtocolEventSink)sink).OnIec104(in message);
        return Assert.Single(sink.Messages);
    }

    /// <summary>Commands travel from the controlling station, monitor data and confirmations from the controlled one.</summary>
    public static Direction DirectionOf(string name) => name switch
    {
        nameof(Iec104Vectors.StartDtAct) or nameof(Iec104Vectors.StopDtAct) or nameof(Iec104Vectors.TestFrAct) or nameof(Iec104Vectors.Interrogation)
            or nameof(Iec104Vectors.SingleCommandSelect) or nameof(Iec104Vectors.DoubleCommand) or nameof(Iec104Vectors.SetPointFloat)
            or nameof(Iec104Vectors.ClockSync) or nameof(Iec104Vectors.ResetProcess) or nameof(Iec104Vectors.ReadCommand) => Direction.ToServer,
        _ => Direction.ToClient,
    };
}
