using OtSensor.Core.Time;

namespace OtSensor.Analysis.Detection;

/// <summary>The facts every alert raised for one PDU shares: when, who against whom, the evidence frame and the PDU's arguments.</summary>
internal readonly struct PduAlertContext(Timestamp time, AlertEndpoint source, AlertEndpoint destination, int sourceDevice, int destinationDevice,
    FrameRef evidence, AlertArguments arguments)
{
    public readonly Timestamp Time = time;
    public readonly AlertEndpoint Source = source;
    public readonly AlertEndpoint Destination = destination;
    public readonly int SourceDevice = sourceDevice;
    public readonly int DestinationDevice = destinationDevice;
    public readonly FrameRef Evidence = evidence;
    public readonly AlertArguments Arguments = arguments;
}
