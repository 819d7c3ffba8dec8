using BenchmarkDotNet.Attributes;
using OtSensor.Benchmarks.Config;
using OtSensor.Core.Parsing;
using OtSensor.Protocols.Ads;
using OtSensor.Protocols.C37118;
using OtSensor.Protocols.Fins;
using OtSensor.Protocols.Fox;
using OtSensor.Protocols.HartIp;
using OtSensor.Protocols.Melsec;
using OtSensor.Protocols.Modbus;
using OtSensor.Protocols.Srtp;

namespace OtSensor.Benchmarks.Protocols.LongTail;

/// <summary>
/// The long-tail protocol sessions, per message, over frames taken from the public captures: Modbus/UDP datagrams,
/// HART-IP over TCP (command 0 and 20 exchanges, nDPI hart_ip.pcap), C37.118 over TCP (CFG-2 and data frames,
/// icsnpp C37.118_1PMU_TCP), ADS over AMS/TCP (reads and Read Device Info, nDPI beckhoff_ads) and FINS over UDP
/// (Controller Data Read, ICS-Security-Tools omron_test), and MELSEC SLMP 3E, Niagara Fox hello and GE SRTP reads built
/// from their published layouts (no public captures). Steady state must allocate 0 B.
/// </summary>
[Config(typeof(BenchConfig))]
public class LongTailBenchmarks
{
    private const int Repeat = 128;

    private static readonly string[] HartIpToServer = ["010003000003001182264e0000d2000038", "01000300000a001182264e0000d214002c"];
    private static readonly string[] HartIpToClient =
    [
        "010103000003002986264e0000d2001800d0fe264e050704010e0c0000d205020002d00026002684e4",
        "01010300000a003386264e0000d2142200d07769686172746777000000000000000000000000000000000000000000000000db",
    ];

    private const string C37118Config2 = "aa31008600f14893344a0019999a00ffffff0001426c756520504d55202020202020202000f1000600040000000056314c504d202020202020202020202056414c504d202020202020202020202056424c504d202020202020202020202056434c504d202020202020202020202000000001000000010000000100000001000100590032c1e2";
    private const string C37118Data = "aa01003600f14893344a001eb852080042f68f24c7c36623430188cbc7c36332c7a956764742fe4b47a91cdd4743d1440000000047ef";

    private static readonly string[] AdsToServer =
    [
        "00002c000000050d756001010100c0a8016301010f80020004000c00000000000000e3000000030000000200000004000000",
        "000020000000050d756001012003c0a8016301010f8001000400000000000000000003010000",
    ];
    private static readonly string[] AdsToClient =
    [
        "00002c000000c0a8016301010f80050d756001010100020005000c00000000000000e3000000000000000400000004000000",
        "000038000000c0a8016301010f80050d7560010120030100050018000000000000000301000000000000020b3708504c4320536572766572000000000000",
    ];

    private const string FinsCommand = "800002000000006300ef050100";
    private const string FinsResponse = "c0000200630000c800ef050100004350314c2d454c323044522d440000002020202030312e3030000000000030312e3036000000000000000000000000000000000000000000000000010000000000000000000000000000000000010003000a172a1008000000000000";

    // SLMP 3E batch read of D100 and its response (SLMP Reference Manual example layout; no public SLMP capture).
    private static readonly byte[] MelsecRequest = [0x50, 0x00, 0x00, 0xFF, 0xFF, 0x03, 0x00, 0x0C, 0x00, 0x10, 0x00, 0x01, 0x04, 0x00, 0x00, 0x64, 0x00, 0x00, 0xA8, 0x01, 0x00];
    private static readonly byte[] MelsecResponse = [0xD0, 0x00, 0x00, 0xFF, 0xFF, 0x03, 0x00, 0x04, 0x00, 0x00, 0x00, 0x34, 0x12];

    private static readonly byte[] FoxHello = "fox a 0 -1 fox hello\n{\nfox.version=s:1.0\nid=i:171\nhostName=s:192.168.1.20\napp.name=s:Station\napp.version=s:3.8.311\n};;\n"u8.ToArray();

    private static readonly byte[] ModbusRequest = [0x00, 0x07, 0x00, 0x00, 0x00, 0x06, 0x11, 0x03, 0x00, 0x6B, 0x00, 0x03];
    private static readonly byte[] ModbusResponse = [0x00, 0x07, 0x00, 0x00, 0x00, 0x09, 0x11, 0x03, 0x06, 0x02, 0x2B, 0x00, 0x00, 0x00, 0x64];

    private byte[] _hartToServer = null!, _hartToClient = null!, _c37118 = null!, _adsToServer = null!, _adsToClient = null!;
    private byte[] _finsCommand = null!, _finsResponse = null!;
    private HartIpSession _hart = null!;
    private C37118Session _c37 = null!;
    private AdsSession _ads = null!;
    private FinsSession _fins = null!;
    private ModbusUdpSession _modbus = null!;
    private MelsecSession _melsec = null!;
    private FoxSession _fox = null!;
    private SrtpSession _srtp = null!;
    private byte[] _srtpRequest = null!, _srtpResponse = null!;
    private LongTailCountingSink _sink = null!;

    [GlobalSetup]
    public void Setup()
    {
        _hartToServer = Repeated(HartIpToServer);
        _hartToClient = Repeated(HartIpToClient);
        byte[] data = Convert.FromHexString(C37118Data);
        _c37118 = [.. Convert.FromHexString(C37118Config2), .. Enumerable.Repeat(data, (4 * Repeat) - 1).SelectMany(d => d)];
        _adsToServer = Repeated(AdsToServer);
        _adsToClient = Repeated(AdsToClient);
        _finsCommand = Convert.FromHexString(FinsCommand);
        _finsResponse = Convert.FromHexString(FinsResponse);
        _hart = new HartIpSession();
        _c37 = new C37118Session();
        _ads = new AdsSession();
        _fins = new FinsSession();
        _modbus = new ModbusUdpSession();
        _melsec = new MelsecSession();
        _fox = new FoxSession();
        _srtp = new SrtpSession();
        _srtpRequest = new byte[56];
        _srtpRequest[0] = 0x02;  // request
        _srtpRequest[31] = 0xC0; // message type request
        _srtpRequest[42] = 0x04; // read system memory
        _srtpRequest[43] = 0x08; // %R
        _srtpRequest[46] = 0x04; // 4 words
        _srtpResponse = new byte[64];
        _srtpResponse[0] = 0x03; // response
        _srtpResponse[4] = 8;    // 8 payload bytes
        _srtpResponse[31] = 0x94; // ACK with data
        _sink = new LongTailCountingSink();

        // Every benchmark must see every message cleanly, or the per-message figures are wrong.
        HartIp();
        C37118();
        Ads();
        Fins();
        ModbusUdp();
        Melsec();
        Fox();
        Srtp();
        if (_sink.Messages != 4L * Repeat * 4 + (long)(8 * Repeat) || _sink.Anomalous != 0)
            throw new InvalidOperationException($"{_sink.Messages} messages, {_sink.Anomalous} anomalous.");
    }

    [Benchmark(OperationsPerInvoke = 4 * Repeat, Description = "HART-IP session, TCP (command 0/20 exchanges)")]
    public long HartIp() => _hart.OnData(_hartToServer, Direction.ToServer, _sink).Consumed + _hart.OnData(_hartToClient, Direction.ToClient, _sink).Consumed;

    [Benchmark(OperationsPerInvoke = 4 * Repeat, Description = "C37.118 session, TCP (CFG-2 + data frames)")]
    public long C37118() => _c37.OnData(_c37118, Direction.ToClient, _sink).Consumed;

    [Benchmark(OperationsPerInvoke = 4 * Repeat, Description = "ADS session, AMS/TCP (read, device info)")]
    public long Ads() => _ads.OnData(_adsToServer, Direction.ToServer, _sink).Consumed + _ads.OnData(_adsToClient, Direction.ToClient, _sink).Consumed;

    [Benchmark(OperationsPerInvoke = 4 * Repeat, Description = "FINS session, UDP (controller data read)")]
    public long Fins()
    {
        for (int i = 0; i < 2 * Repeat; i++)
        {
            _fins.OnDatagram(_finsCommand, Direction.ToServer, _sink);
            _fins.OnDatagram(_finsResponse, Direction.ToClient, _sink);
        }
        return _sink.Messages;
    }

    [Benchmark(OperationsPerInvoke = 2 * Repeat, Description = "Modbus/UDP session (paired read)")]
    public long ModbusUdp()
    {
        for (int i = 0; i < Repeat; i++)
        {
            _modbus.OnDatagram(ModbusRequest, Direction.ToServer, _sink);
            _modbus.OnDatagram(ModbusResponse, Direction.ToClient, _sink);
        }
        return _sink.Messages;
    }

    [Benchmark(OperationsPerInvoke = 2 * Repeat, Description = "MELSEC SLMP session, TCP (3E read, paired)")]
    public long Melsec()
    {
        long consumed = 0;
        for (int i = 0; i < Repeat; i++)
        {
            consumed += _melsec.OnData(MelsecRequest, Direction.ToServer, _sink).Consumed;
            consumed += _melsec.OnData(MelsecResponse, Direction.ToClient, _sink).Consumed;
        }
        return consumed;
    }

    [Benchmark(OperationsPerInvoke = 2 * Repeat, Description = "Niagara Fox session, TCP (station hello)")]
    public long Fox()
    {
        long consumed = 0;
        for (int i = 0; i < 2 * Repeat; i++) consumed += _fox.OnData(FoxHello, Direction.ToClient, _sink).Consumed;
        return consumed;
    }

    [Benchmark(OperationsPerInvoke = 2 * Repeat, Description = "GE SRTP session, TCP (read system memory, paired)")]
    public long Srtp()
    {
        long consumed = 0;
        for (int i = 0; i < Repeat; i++)
        {
            consumed += _srtp.OnData(_srtpRequest, Direction.ToServer, _sink).Consumed;
            consumed += _srtp.OnData(_srtpResponse, Direction.ToClient, _sink).Consumed;
        }
        return consumed;
    }

    /// <summary>The frames, hex-decoded, back to back, each repeated so that every stream holds 2 × <see cref="Repeat"/> messages.</summary>
    private static byte[] Repeated(string[] frames)
    {
        var one = frames.SelectMany(Convert.FromHexString).ToArray();
        int copies = 2 * Repeat / frames.Length;
        var all = new byte[one.Length * copies];
        for (int i = 0; i < copies; i++) one.CopyTo(all, i * one.Length);
        return all;
    }
}
