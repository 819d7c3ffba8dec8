using System.Buffers;
using BenchmarkDotNet.Attributes;
using OtSensor.Benchmarks.Config;
using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Ads;
using OtSensor.Protocols.Bacnet;
using OtSensor.Protocols.C37118;
using OtSensor.Protocols.Dhcp;
using OtSensor.Protocols.Cdp;
using OtSensor.Protocols.Dns;
using OtSensor.Protocols.Lldp;
using OtSensor.Protocols.NetBios;
using OtSensor.Protocols.Snmp;
using OtSensor.Protocols.Tls;
using OtSensor.Protocols.Dnp3;
using OtSensor.Protocols.Iec104;
using OtSensor.Protocols.Melsec;
using OtSensor.Protocols.Cip;
using OtSensor.Protocols.Enip;
using OtSensor.Protocols.Goose;
using OtSensor.Protocols.EtherCat;
using OtSensor.Protocols.Fins;
using OtSensor.Protocols.Fox;
using OtSensor.Protocols.HartIp;
using OtSensor.Protocols.Http;
using OtSensor.Protocols.Modbus;
using OtSensor.Protocols.ProfinetCm;
using OtSensor.Protocols.ProfinetDcp;
using OtSensor.Protocols.ProfinetRt;
using OtSensor.Protocols.OpcUa;
using OtSensor.Protocols.Registry;
using OtSensor.Protocols.Mms;
using OtSensor.Protocols.S7Comm;
using OtSensor.Protocols.S7CommPlus;
using OtSensor.Protocols.SampledValues;
using OtSensor.Protocols.Srtp;

namespace OtSensor.Benchmarks.Protocols.Modbus;

/// <summary>
/// Modbus/TCP over a buffer of many ADUs, per ADU, in three layers: framer only (baseline), framer + parser,
/// and the full <see cref="ModbusSession.OnData"/> (framing, parsing, request/response pairing, sink call).
/// The same <see cref="Pairs"/> requests and responses feed all of them.
/// </summary>
/// <remarks>
/// <para>Framer + parser parses responses unpaired (as for an unsolicited response); the session pairs each with
/// its request, so the byte counts are also checked against the requested quantity.</para>
/// <para>The session runs two ways. <c>Pipelined</c> hands it all requests in one buffer, then all responses:
/// <see cref="Pairs"/> requests are outstanding at once (a client pipelining deeply, or a request flood).
/// <c>Polled</c> alternates one request and its response per call, as a polling master on a real link does
/// (one ADU per segment, one outstanding request).</para>
/// </remarks>
[Config(typeof(BenchConfig))]
public class ModbusParserBenchmarks
{
    /// <summary>Request/response pairs; below the session's 500 outstanding requests, so no flood handling runs.</summary>
    private const int Pairs = 256;
    private const int Adus = 2 * Pairs;

    private ModbusBenchStream _stream = null!;
    private ModbusSession _session = null!;
    private CountingSink _sink = null!;

    [GlobalSetup]
    public void Setup()
    {
        _stream = new ModbusBenchStream(Pairs);
        _session = new ModbusSession();
        _sink = new CountingSink();
        if (_stream.Adus != Adus) throw new InvalidOperationException("ADU count mismatch.");

        // Each layer must see every ADU, cleanly: otherwise the per-ADU figures are wrong.
        if (FramerOnly() != Adus || FramerAndParser() != Adus)
            throw new InvalidOperationException("Framer or parser did not find every ADU.");
        long before = _sink.Messages;
        SessionPolled();
        SessionPipelined();
        if (_sink.Messages - before != 2 * Adus || _sink.Anomalies != 0 || _session.OutstandingRequests != 0)
            throw new InvalidOperationException($"Session produced {_sink.Messages - before} messages, {_sink.Anomalies} anomalies.");
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Adus, Description = "framer only")]
    public int FramerOnly() => Frame(_stream.Requests) + Frame(_stream.Responses);

    [Benchmark(OperationsPerInvoke = Adus, Description = "framer + parser")]
    public int FramerAndParser() => FrameAndParse(_stream.Requests, Direction.ToServer) + FrameAndParse(_stream.Responses, Direction.ToClient);

    [Benchmark(OperationsPerInvoke = Adus, Description = "session OnData, polled (1 outstanding)")]
    public long SessionPolled()
    {
        var requests = _stream.Requests.AsSpan();
        var responses = _stream.Responses.AsSpan();
        var requestRanges = _stream.RequestRanges;
        var responseRanges = _stream.ResponseRanges;
        long consumed = 0;
        for (int i = 0; i < requestRanges.Length; i++)
        {
            consumed += _session.OnData(requests[requestRanges[i]], Direction.ToServer, _sink).Consumed;
            consumed += _session.OnData(responses[responseRanges[i]], Direction.ToClient, _sink).Consumed;
        }
        return consumed + _sink.Messages;
    }

    [Benchmark(OperationsPerInvoke = Adus, Description = "session OnData, pipelined (256 outstanding)")]
    public long SessionPipelined()
    {
        var requests = _session.OnData(_stream.Requests, Direction.ToServer, _sink);
        var responses = _session.OnData(_stream.Responses, Direction.ToClient, _sink);
        return requests.Consumed + responses.Consumed + _sink.Messages;
    }

    private static int Frame(ReadOnlySpan<byte> data)
    {
        int frames = 0;
        while (ModbusFramer.TryGetFrameLength(data, out int length) == OperationStatus.Done)
        {
            data = data[length..];
            frames++;
        }
        return frames;
    }

    private static int FrameAndParse(ReadOnlySpan<byte> data, Direction direction)
    {
        int parsed = 0;
        while (ModbusFramer.TryGetFrameLength(data, out int length) == OperationStatus.Done)
        {
            if (ModbusParser.TryParse(data[..length], direction, out var message) && message.Anomalies == 0)
                parsed++;
            data = data[length..];
        }
        return parsed;
    }

    /// <summary>A sink that only counts, so the session's own cost is what is measured.</summary>
    private sealed class CountingSink : IProtocolEventSink
    {
        public long Messages;
        public long Anomalies;

        public void OnModbus(in ModbusMessage message)
        {
            Messages++;
            if (message.Anomalies != 0) Anomalies++;
        }

        public void OnIec104(in Iec104Message message) => Messages++;
        public void OnDnp3(in Dnp3Message message) => Messages++;

        public void OnBacnet(in BacnetMessage message) => Messages++;
        public void OnOpcUa(in OpcUaMessage message) => Messages++;
        public void OnHartIp(in HartIpMessage message) => Messages++;
        public void OnC37118(in C37118Message message) => Messages++;
        public void OnAds(in AdsMessage message) => Messages++;
        public void OnFins(in FinsMessage message) => Messages++;
        public void OnMelsec(in MelsecMessage message) => Messages++;
        public void OnFox(in FoxMessage message) => Messages++;
        public void OnSrtp(in SrtpMessage message) => Messages++;

        public void OnDhcp(in DhcpMessage message) => Messages++;
        public void OnDns(in DnsMessage message) => Messages++;
        public void OnNetBios(in NetBiosMessage message) => Messages++;
        public void OnLldp(in LldpMessage message) => Messages++;
        public void OnCdp(in CdpMessage message) => Messages++;
        public void OnSnmp(in SnmpMessage message) => Messages++;
        public void OnHttp(in HttpMessage message) => Messages++;
        public void OnTls(in TlsMessage message) => Messages++;
        public void OnS7Comm(in S7CommMessage message) => Messages++;

        public void OnS7CommPlus(in S7CommPlusMessage message) => Messages++;
        public void OnEnip(in EnipMessage message) => Messages++;
        public void OnCip(in CipMessage message) => Messages++;

        public void OnMms(in MmsMessage message) => Messages++;
        public void OnGoose(in GooseMessage message) => Messages++;
        public void OnSampledValues(in SampledValuesMessage message) => Messages++;
        public void OnProfinetDcp(in ProfinetDcpMessage message) => Messages++;
        public void OnProfinetAlarm(in ProfinetAlarmMessage message) => Messages++;
        public void OnPnioCm(in PnioCmMessage message) => Messages++;
        public void OnEtherCat(in EtherCatMessage message) => Messages++;

        public void OnStreamAnomaly(ProtocolId protocol, string anomaly) => Anomalies++;
    }
}
