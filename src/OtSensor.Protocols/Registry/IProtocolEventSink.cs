using OtSensor.Core.Protocols;
using OtSensor.Protocols.Ads;
using OtSensor.Protocols.Bacnet;
using OtSensor.Protocols.C37118;
using OtSensor.Protocols.Cip;
using OtSensor.Protocols.Dhcp;
using OtSensor.Protocols.Cdp;
using OtSensor.Protocols.Dns;
using OtSensor.Protocols.Lldp;
using OtSensor.Protocols.NetBios;
using OtSensor.Protocols.Snmp;
using OtSensor.Protocols.Tls;
using OtSensor.Protocols.Dnp3;
using OtSensor.Protocols.Enip;
using OtSensor.Protocols.Goose;
using OtSensor.Protocols.EtherCat;
using OtSensor.Protocols.Fins;
using OtSensor.Protocols.Fox;
using OtSensor.Protocols.HartIp;
using OtSensor.Protocols.Http;
using OtSensor.Protocols.Iec104;
using OtSensor.Protocols.Melsec;
using OtSensor.Protocols.Mms;
using OtSensor.Protocols.Modbus;
using OtSensor.Protocols.ProfinetCm;
using OtSensor.Protocols.ProfinetDcp;
using OtSensor.Protocols.ProfinetRt;
using OtSensor.Protocols.OpcUa;
using OtSensor.Protocols.S7Comm;
using OtSensor.Protocols.S7CommPlus;
using OtSensor.Protocols.SampledValues;
using OtSensor.Protocols.Srtp;

namespace OtSensor.Protocols.Registry;

/// <summary>
/// Receives decoded PDUs from protocol sessions. Declared here by the producer and implemented downstream
/// (Engine), so references point from the pipeline to the protocols and never back.
/// The caller's context (flow endpoints, packet time) is known to the implementation, not to the session.
/// </summary>
/// <remarks>
/// One non-generic method per message type (Kestrel's <c>IHttpHeadersHandler</c> style), not one generic
/// <c>OnMessage&lt;T&gt;</c>: a generic virtual method over a ref struct message is resolved by the runtime on
/// every call, which measured at hundreds of nanoseconds per PDU. Implementations forward each method to one
/// private generic handler, which the JIT specialises per message type.
/// Every method has an empty default body so that a sink interested in a few protocols (tests, benchmarks) stays
/// small and new protocols do not break it; the engine's pipeline implements every one of them itself, which
/// <c>PipelineSinkCoverageTests</c> checks.
/// </remarks>
public interface IProtocolEventSink
{
    void OnModbus(in ModbusMessage message) { }

    void OnIec104(in Iec104Message message) { }
    void OnDnp3(in Dnp3Message message) { }
    void OnS7Comm(in S7CommMessage message) { }

    void OnS7CommPlus(in S7CommPlusMessage message) { }
    void OnEnip(in EnipMessage message) { }
    void OnCip(in CipMessage message) { }

    void OnMms(in MmsMessage message) { }
    void OnBacnet(in BacnetMessage message) { }
    void OnGoose(in GooseMessage message) { }
    void OnSampledValues(in SampledValuesMessage message) { }
    void OnProfinetDcp(in ProfinetDcpMessage message) { }
    void OnProfinetAlarm(in ProfinetAlarmMessage message) { }
    void OnPnioCm(in PnioCmMessage message) { }
    void OnOpcUa(in OpcUaMessage message) { }
    void OnEtherCat(in EtherCatMessage message) { }
    void OnHartIp(in HartIpMessage message) { }
    void OnC37118(in C37118Message message) { }
    void OnAds(in AdsMessage message) { }
    void OnFins(in FinsMessage message) { }
    void OnMelsec(in MelsecMessage message) { }
    void OnFox(in FoxMessage message) { }
    void OnSrtp(in SrtpMessage message) { }

    void OnDhcp(in DhcpMessage message) { }
    void OnDns(in DnsMessage message) { }
    void OnNetBios(in NetBiosMessage message) { }
    void OnLldp(in LldpMessage message) { }
    void OnCdp(in CdpMessage message) { }
    void OnSnmp(in SnmpMessage message) { }
    void OnHttp(in HttpMessage message) { }
    void OnTls(in TlsMessage message) { }

    /// <summary>A stream-level problem not tied to one PDU (resync after garbage, bound hit).</summary>
    void OnStreamAnomaly(ProtocolId protocol, string anomaly);
}
