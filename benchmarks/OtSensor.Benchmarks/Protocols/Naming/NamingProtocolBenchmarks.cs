using BenchmarkDotNet.Attributes;
using OtSensor.Benchmarks.Config;
using OtSensor.Core.Net;
using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Bacnet;
using OtSensor.Protocols.Cdp;
using OtSensor.Protocols.Cip;
using OtSensor.Protocols.Dhcp;
using OtSensor.Protocols.Dnp3;
using OtSensor.Protocols.Dns;
using OtSensor.Protocols.Enip;
using OtSensor.Protocols.Http;
using OtSensor.Protocols.Iec104;
using OtSensor.Protocols.Lldp;
using OtSensor.Protocols.Mms;
using OtSensor.Protocols.Modbus;
using OtSensor.Protocols.NetBios;
using OtSensor.Protocols.Snmp;
using OtSensor.Protocols.Tls;
using OtSensor.Protocols.Registry;
using OtSensor.Protocols.S7Comm;
using OtSensor.Protocols.S7CommPlus;

namespace OtSensor.Benchmarks.Protocols.Naming;

/// <summary>
/// The IT naming protocols, one message per operation, through their sessions: DNS query and a 11-record response
/// (compressed names), an mDNS announcement (PTR/A/AAAA/NSEC), a DHCP Discover, a NetBIOS name query, an LLDPDU,
/// an HTTP request and response header block (body skipped) and a TLS ClientHello.
/// Each also asks the message for its identity statements, as the inventory does. Steady state must allocate 0 B.
/// </summary>
/// <remarks>Payloads are real ones from the public captures (zeek modbusSmall, profinet_io_cm_mixed_1, ethercrab rs-detect, c37_pmu_unclean).</remarks>
[Config(typeof(BenchConfig))]
public class NamingProtocolBenchmarks
{
    private static readonly byte[] DnsQuery = Convert.FromHexString("981001000001000000000000046d61696c06676f6f676c6503636f6d0000010001");

    private static readonly byte[] DnsResponse = Convert.FromHexString(
        "981081800001000300040004046d61696c06676f6f676c6503636f6d0000010001c00c00050001000538ae000f0a676f6f676c656d61696c016cc011c02d00010001"
        + "0000002300044a7def36c02d000100010000002300044a7def35c01100020001000144210006036e7333c011c01100020001000144210006036e7332c011c011000200"
        + "01000144210006036e7334c011c01100020001000144210006036e7331c011c08c000100010001558a0004d8ef260ac068000100010001558a0004d8ef240ac07a0001"
        + "00010001558a0004d8ef220ac09e000100010001558a0004d8ef200a");

    private static readonly byte[] MdnsAnnouncement = Convert.FromHexString(
        "0000840000000004000000030231370130033136380331393207696e2d61646472046172706100000c800100000078000f07436f6d70756265056c6f63616c0001420138"
        + "01380134014301450138014301380146014601320143013101390139013001300130013001300130013001300130013001300130013001380145014603697036c021000c"
        + "8001000000780002c031c03100018001000000780004c0a80011c031001c8001000000780010fe80000000000000991c2ff8c8ec488bc00c002f8001000000780006c00c"
        + "00020008c040002f8001000000780006c04000020008c031002f8001000000780008c031000440000008");

    private static readonly byte[] DhcpDiscover = Convert.FromHexString(
        "010106003cfef3b60000000000000000000000000000000000000000000e8cef75c5" + new string('0', 2 * 202)
        + "638253633501013902024e3703011c030c137369656d656e732d783230382d7377697463683d0700000e8cef75c5ff");

    private static readonly byte[] NbnsQuery = Convert.FromHexString("d57c0110000100000000000020454f46454644434e4542454e434e454e454a46414644444144424341434143410000200001");

    private static readonly byte[] Lldpdu = Convert.FromHexString(
        "020f0776657273616d61782d706e73313104090770" + "6f72742d30303106020014" + "0a0856455253414d4158" + "0c0b474520494336393550"
        + "4e53" + "0e0400840004" + "100c0501c0a80102020000000100" + "fe0a000ecf0500099143e068" + "0000");

    private static readonly byte[] HttpRequest = System.Text.Encoding.ASCII.GetBytes(
        "GET /api/v1/status HTTP/1.1\r\nHost: 192.168.0.10\r\nUser-Agent: Mozilla/5.0 (Windows NT 10.0; Win64; x64)\r\nAccept: */*\r\n"
        + "Accept-Encoding: gzip, deflate\r\nConnection: keep-alive\r\n\r\n");

    private static readonly byte[] HttpResponse = System.Text.Encoding.ASCII.GetBytes(
        "HTTP/1.1 200 OK\r\nServer: GoAhead-Webs\r\nContent-Type: application/json\r\nContent-Length: 16\r\nCache-Control: no-cache\r\n\r\n"
        + "{\"status\":\"run\"}");

    /// <summary>A TLS 1.2 ClientHello with SNI, ALPN and supported_versions (record header included).</summary>
    private static readonly byte[] TlsClientHello = Convert.FromHexString(
        "1603010057" + "01000053" + "0303" + new string('0', 64) + "00" + "00041301c02f" + "0100" + "0026"
        + "00000010000e00000b706c632e6578616d706c65" + "001000050003026832" + "002b00050403040303");

    private DnsSession _dns = null!;
    private HttpSession _http = null!;
    private TlsSession _tls = null!;
    private DnsSession _mdns = null!;
    private DhcpSession _dhcp = null!;
    private NetBiosSession _nbns = null!;
    private LldpSession _lldp = null!;
    private CountingSink _sink = null!;

    [GlobalSetup]
    public void Setup()
    {
        _dns = new DnsSession(ProtocolId.Dns);
        _mdns = new DnsSession(ProtocolId.Mdns);
        _dhcp = new DhcpSession();
        _nbns = new NetBiosSession(datagramService: false);
        _lldp = new LldpSession();
        _http = new HttpSession();
        _tls = new TlsSession();
        _sink = new CountingSink();
        DnsMessages();
        Mdns();
        Dhcp();
        Nbns();
        Lldp();
        Http();
        Tls();
        if (_sink.Messages != 9 || _sink.Anomalies != 0 || _sink.IdentityBytes == 0)
            throw new InvalidOperationException($"{_sink.Messages} messages, {_sink.Anomalies} with anomalies.");
    }

    [Benchmark(OperationsPerInvoke = 2, Description = "dns query + 11-record response")]
    public long DnsMessages()
    {
        _dns.OnDatagram(DnsQuery, Direction.ToServer, _sink);
        _dns.OnDatagram(DnsResponse, Direction.ToClient, _sink);
        return _sink.Messages;
    }

    [Benchmark(Description = "mdns announcement (identity)")]
    public long Mdns()
    {
        _mdns.OnDatagram(MdnsAnnouncement, Direction.ToServer, _sink);
        return _sink.Messages;
    }

    [Benchmark(Description = "dhcp discover (identity)")]
    public long Dhcp()
    {
        _dhcp.OnDatagram(DhcpDiscover, Direction.ToServer, _sink);
        return _sink.Messages;
    }

    [Benchmark(Description = "netbios name query")]
    public long Nbns()
    {
        _nbns.OnDatagram(NbnsQuery, Direction.ToServer, _sink);
        return _sink.Messages;
    }

    [Benchmark(Description = "lldp (identity)")]
    public long Lldp()
    {
        _lldp.OnFrame(Lldpdu, new MacAddress(0x0009_9143_E068), new MacAddress(0x0180_C200_000E), _sink);
        return _sink.Messages;
    }

    [Benchmark(OperationsPerInvoke = 2, Description = "http request + response headers (identity)")]
    public long Http()
    {
        _http.OnData(HttpRequest, Direction.ToServer, _sink);
        _http.OnData(HttpResponse, Direction.ToClient, _sink);
        return _sink.Messages;
    }

    [Benchmark(Description = "tls client hello (sni)")]
    public long Tls()
    {
        _tls.Reset();
        _tls.OnData(TlsClientHello, Direction.ToServer, _sink);
        return _sink.Messages;
    }

    /// <summary>Counts messages and asks each for its identity, as the inventory does.</summary>
    private sealed class CountingSink : IProtocolEventSink, IIdentityReceiver
    {
        public long Messages;
        public long Anomalies;
        public long IdentityBytes;

        private void Count<TMessage>(in TMessage message) where TMessage : struct, IProtocolMessage, allows ref struct
        {
            Messages++;
            if (message.Anomalies != 0) Anomalies++;
            if (message.HasIdentity) message.ReportIdentity(this);
        }

        public void OnIdentity(IdentityField field, ReadOnlySpan<byte> value, string source) => IdentityBytes += value.Length;

        public void OnDhcp(in DhcpMessage message) => Count(in message);
        public void OnDns(in DnsMessage message) => Count(in message);
        public void OnNetBios(in NetBiosMessage message) => Count(in message);
        public void OnLldp(in LldpMessage message) => Count(in message);
        public void OnCdp(in CdpMessage message) => Count(in message);
        public void OnSnmp(in SnmpMessage message) => Count(in message);
        public void OnHttp(in HttpMessage message) => Count(in message);
        public void OnTls(in TlsMessage message) => Count(in message);
        public void OnModbus(in ModbusMessage message) { }
        public void OnIec104(in Iec104Message message) { }
        public void OnDnp3(in Dnp3Message message) { }
        public void OnS7Comm(in S7CommMessage message) { }
        public void OnS7CommPlus(in S7CommPlusMessage message) { }
        public void OnEnip(in EnipMessage message) { }
        public void OnCip(in CipMessage message) { }
        public void OnMms(in MmsMessage message) { }
        public void OnBacnet(in BacnetMessage message) { }
        public void OnStreamAnomaly(ProtocolId protocol, string anomaly) => Anomalies++;
    }
}
