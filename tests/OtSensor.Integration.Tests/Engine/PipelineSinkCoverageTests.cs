using OtSensor.Engine.Pipeline;
using OtSensor.Protocols.Registry;

namespace OtSensor.Integration.Tests.Engine;

/// <summary>
/// The sink interface gives every message method an empty default body (so test and benchmark sinks stay small); the
/// engine must not rely on one of them, or that protocol's PDUs would vanish without a trace.
/// </summary>
public sealed class PipelineSinkCoverageTests
{
    [Fact]
    public void PacketPipeline_ImplementsEverySinkMethodItself()
    {
        var map = typeof(PacketPipeline).GetInterfaceMap(typeof(IProtocolEventSink));
        for (int i = 0; i < map.InterfaceMethods.Length; i++)
            Assert.True(map.TargetMethods[i].DeclaringType == typeof(PacketPipeline), $"PacketPipeline does not implement {map.InterfaceMethods[i].Name}");
    }
}
