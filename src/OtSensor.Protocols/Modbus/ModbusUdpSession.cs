using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Registry;

namespace OtSensor.Protocols.Modbus;

/// <summary>Modbus over UDP on one flow: each datagram is one MBAP ADU, decoded by <see cref="ModbusParser"/>.</summary>
/// <remarks>
/// <para>The ADU is the Modbus/TCP one (Implementation Guide V1.0b §3.1.3), one per datagram. A datagram whose
/// MBAP header is impossible (protocol id ≠ 0, length outside 2..254) or that is shorter than a header and a
/// function code is not Modbus: one stream anomaly, no record. A length field that disagrees with the datagram
/// size is decoded anyway and flagged <see cref="ModbusAnomalies.LengthMismatch"/> by the parser (a datagram
/// cannot continue in the next one).</para>
/// <para>Requests are paired with responses by (unit id, transaction id) exactly as over TCP, with the same
/// bound on outstanding requests (<see cref="ModbusConstants.DefaultMaxOutstandingRequests"/>): UDP loses
/// responses, so unanswered requests age out of the ring instead of accumulating.</para>
/// </remarks>
public sealed class ModbusUdpSession : IDatagramSession
{
    private readonly ModbusPendingRequests _pending;
    private bool _floodReported;

    public ModbusUdpSession(int maxOutstandingRequests = ModbusConstants.DefaultMaxOutstandingRequests)
    {
        _pending = new ModbusPendingRequests(maxOutstandingRequests);
    }

    /// <summary>Requests still waiting for a response.</summary>
    public int OutstandingRequests => _pending.Count;

    public void OnDatagram(ReadOnlySpan<byte> datagram, Direction direction, IProtocolEventSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        if (datagram.Length < ModbusConstants.ProbeLength || !ModbusProbe.IsValidHeader(datagram))
        {
            sink.OnStreamAnomaly(ProtocolId.Modbus, ModbusFields.StreamNotModbus);
            return;
        }

        uint key = (uint)((datagram[6] << 16) | (datagram[0] << 8) | datagram[1]);
        if (direction == Direction.ToServer)
        {
            if (!ModbusParser.TryParse(datagram, direction, out var request)) return;
            if (_pending.Add(key, ModbusSession.ContextOf(request)) && !_floodReported)
            {
                _floodReported = true;
                sink.OnStreamAnomaly(ProtocolId.Modbus, ModbusFields.StreamRequestFlood);
            }
            sink.OnModbus(in request);
            return;
        }

        if (_pending.TryTake(key, out var context))
        {
            if (ModbusParser.TryParse(datagram, direction, in context, out var response)) sink.OnModbus(in response);
            return;
        }

        if (!ModbusParser.TryParse(datagram, direction, out var unsolicited)) return;
        var flagged = unsolicited.WithAnomalies(ModbusAnomalies.UnsolicitedResponse);
        sink.OnModbus(in flagged);
    }

    public void Reset()
    {
        _pending.Clear();
        _floodReported = false;
    }
}
