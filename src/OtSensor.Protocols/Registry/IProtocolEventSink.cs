using OtSensor.Core.Protocols;
using OtSensor.Protocols.Bacnet;
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
using OtSensor.Protocols.Http;
using OtSensor.Protocols.Iec104;
using OtSensor.Protocols.Mms;
using OtSensor.Protocols.Modbus;
using OtSensor.Protocols.S7Comm;
using OtSensor.Protocols.S7CommPlus;

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
/// </remarks>
public interface IProtocolEventSink
{
    void OnModbus(in ModbusMessage message);

    void OnIec104(in Iec104Message message);
    void OnDnp3(in Dnp3Message message);
    void OnS7Comm(in S7CommMessage message);

    void OnS7CommPlus(in S7CommPlusMessage message);
    void OnEnip(in EnipMessage message);
    void OnCip(in CipMessage message);

    void OnMms(in MmsMessage message);
    void OnBacnet(in BacnetMessage message);

    void OnDhcp(in DhcpMessage message);
    void OnDns(in DnsMessage message);
    void OnNetBios(in NetBiosMessage message);
    void OnLldp(in LldpMessage message);
    void OnCdp(in CdpMessage message);
    void OnSnmp(in SnmpMessage message);
    void OnHttp(in HttpMessage message);
    void OnTls(in TlsMessage message);

    /// <summary>A stream-level problem not tied to one PDU (resync after garbage, bound hit).</summary>
    void OnStreamAnomaly(ProtocolId protocol, string anomaly);
}
