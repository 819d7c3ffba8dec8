using System.Buffers.Binary;
using OtSensor.Core.Net;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.ProfinetDcp;
using OtSensor.Protocols.Registry;

namespace OtSensor.Protocols.ProfinetRt;

/// <summary>PROFINET RT frames of one pipeline: the FrameID picks DCP, alarm or cyclic handling.</summary>
/// <remarks>
/// IEC 61158-6-10 §4.2.2.3. DCP PDUs give one <c>profinet-dcp</c> record each and RTA alarm PDUs one
/// <c>profinet-io</c> record with <c>function</c> null. Cyclic RT_CLASS_1/2/3 frames arrive at up to thousands per
/// second per device and carry only process data: they are counted here, per class, and never recorded. PTCP and
/// other acyclic frames are counted too. No state spans frames besides these counters.
/// </remarks>
public sealed class ProfinetRtSession : IFrameSession
{
    private readonly long[] _frames = new long[(int)ProfinetFrameKind.OtherAcyclic + 1];

    /// <summary>Frames seen of one kind (cyclic frames are only counted, never recorded).</summary>
    public long FramesOf(ProfinetFrameKind kind) => (uint)kind < (uint)_frames.Length ? _frames[(int)kind] : 0;

    /// <summary>Cyclic data frames of all classes.</summary>
    public long CyclicFrames => _frames[(int)ProfinetFrameKind.CyclicIrt] + _frames[(int)ProfinetFrameKind.CyclicClass2] + _frames[(int)ProfinetFrameKind.CyclicClass1];

    public void OnFrame(ReadOnlySpan<byte> payload, MacAddress source, MacAddress destination, IProtocolEventSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        if (payload.Length < ProfinetRtConstants.FrameIdLength)
        {
            sink.OnStreamAnomaly(ProtocolId.ProfinetIO, ProfinetRtFields.FrameTooShort);
            return;
        }
        int frameId = BinaryPrimitives.ReadUInt16BigEndian(payload);
        var kind = ProfinetFrameIds.Classify(frameId);
        _frames[(int)kind]++;
        var pdu = payload[ProfinetRtConstants.FrameIdLength..];
        switch (kind)
        {
            case ProfinetFrameKind.Dcp:
            {
                var message = new ProfinetDcpMessage(pdu);
                ProfinetDcpParser.Parse(pdu, frameId, out message.Fields);
                sink.OnProfinetDcp(in message);
                return;
            }
            case ProfinetFrameKind.AlarmHigh:
            case ProfinetFrameKind.AlarmLow:
            {
                ProfinetAlarmParser.Parse(pdu, frameId, out var decoded);
                var message = new ProfinetAlarmMessage(in decoded);
                sink.OnProfinetAlarm(in message);
                return;
            }
        }
    }

    public void Reset() => Array.Clear(_frames);
}
