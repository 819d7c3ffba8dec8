using BenchmarkDotNet.Attributes;
using OtSensor.Benchmarks.Config;
using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Bacnet;
using OtSensor.Protocols.Cip;
using OtSensor.Protocols.Dnp3;
using OtSensor.Protocols.Enip;
using OtSensor.Protocols.Iec104;
using OtSensor.Protocols.Mms;
using OtSensor.Protocols.Modbus;
using OtSensor.Protocols.OpcUa;
using OtSensor.Protocols.Registry;
using OtSensor.Protocols.S7Comm;
using OtSensor.Protocols.S7CommPlus;

namespace OtSensor.Benchmarks.Protocols.OpcUa;

/// <summary>
/// OPC UA binary per chunk: the stand-alone parser (headers, type id, RequestHeader/ResponseHeader, item count) and the
/// full <see cref="OpcUaSession.OnData"/> (framing, channel policy look-up, parsing, sink call), over the same
/// ReadRequest/ReadResponse chunks. Steady state allocates nothing.
/// </summary>
[Config(typeof(BenchConfig))]
public class OpcUaSessionBenchmarks
{
    private const int Pairs = 256;
    private const int Chunks = 2 * Pairs;

    private OpcUaBenchStream _stream = null!;
    private OpcUaSession _session = null!;
    private CountingSink _sink = null!;

    [GlobalSetup]
    public void Setup()
    {
        _stream = new OpcUaBenchStream(Pairs);
        _session = new OpcUaSession();
        _sink = new CountingSink();
        if (Parse() != Chunks) throw new InvalidOperationException("The parser did not decode every chunk cleanly.");
        long before = _sink.Messages;
        SessionPolled();
        if (_sink.Messages - before != Chunks || _sink.Anomalies != 0)
            throw new InvalidOperationException($"Session produced {_sink.Messages - before} messages, {_sink.Anomalies} anomalies.");
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Chunks, Description = "parser only")]
    public int Parse() => ParseAll(_stream.Requests, _stream.RequestRanges, Direction.ToServer) + ParseAll(_stream.Responses, _stream.ResponseRanges, Direction.ToClient);

    [Benchmark(OperationsPerInvoke = Chunks, Description = "session OnData, polled (one chunk per call)")]
    public long SessionPolled()
    {
        var requests = _stream.Requests.AsSpan();
        var responses = _stream.Responses.AsSpan();
        long consumed = 0;
        for (int i = 0; i < Pairs; i++)
        {
            consumed += _session.OnData(requests[_stream.RequestRanges[i]], Direction.ToServer, _sink).Consumed;
            consumed += _session.OnData(responses[_stream.ResponseRanges[i]], Direction.ToClient, _sink).Consumed;
        }
        return consumed + _sink.Messages;
    }

    [Benchmark(OperationsPerInvoke = Chunks, Description = "session OnData, pipelined (all chunks in one call)")]
    public long SessionPipelined()
        => _session.OnData(_stream.Requests, Direction.ToServer, _sink).Consumed + _session.OnData(_stream.Responses, Direction.ToClient, _sink).Consumed;

    private static int ParseAll(ReadOnlySpan<byte> data, Range[] ranges, Direction direction)
    {
        int parsed = 0;
        foreach (var range in ranges)
            if (OpcUaParser.TryParse(data[range], direction, out var message) && message.Anomalies == 0 && message.Function > 0) parsed++;
        return parsed;
    }

    /// <summary>A sink that only counts, so the session's own cost is what is measured.</summary>
    private sealed class CountingSink : IProtocolEventSink
    {
        public long Messages;
        public long Anomalies;

        public void OnOpcUa(in OpcUaMessage message)
        {
            Messages++;
            if (message.Anomalies != 0) Anomalies++;
        }

        public void OnModbus(in ModbusMessage message) => Messages++;
        public void OnIec104(in Iec104Message message) => Messages++;
        public void OnDnp3(in Dnp3Message message) => Messages++;
        public void OnS7Comm(in S7CommMessage message) => Messages++;
        public void OnS7CommPlus(in S7CommPlusMessage message) => Messages++;
        public void OnEnip(in EnipMessage message) => Messages++;
        public void OnCip(in CipMessage message) => Messages++;
        public void OnMms(in MmsMessage message) => Messages++;
        public void OnBacnet(in BacnetMessage message) => Messages++;
        public void OnStreamAnomaly(ProtocolId protocol, string anomaly) => Anomalies++;
    }
}
