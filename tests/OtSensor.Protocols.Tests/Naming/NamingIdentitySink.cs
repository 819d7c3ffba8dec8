using System.Text;
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
using OtSensor.Protocols.Registry;
using OtSensor.Protocols.S7Comm;
using OtSensor.Protocols.S7CommPlus;

namespace OtSensor.Protocols.Tests.Naming;

/// <summary>Collects the identity statements of the naming protocols' messages, or only counts them (allocation tests).</summary>
internal sealed class NamingIdentitySink(bool keep = true) : IProtocolEventSink, IIdentityReceiver
{
    public List<(IdentityField Field, string Value, string Source)> Identities { get; } = [];

    public int Count { get; private set; }

    public void OnDhcp(in DhcpMessage message) => Collect(in message);

    public void OnDns(in DnsMessage message) => Collect(in message);

    public void OnNetBios(in NetBiosMessage message) => Collect(in message);

    public void OnLldp(in LldpMessage message) => Collect(in message);

    public void OnCdp(in CdpMessage message) => Collect(in message);

    public void OnSnmp(in SnmpMessage message) => Collect(in message);

    public void OnHttp(in HttpMessage message) => Collect(in message);

    public void OnTls(in TlsMessage message) => Collect(in message);

    private void Collect<TMessage>(in TMessage message) where TMessage : struct, IProtocolMessage, allows ref struct
    {
        Count++;
        if (message.HasIdentity) message.ReportIdentity(this);
    }

    public void OnIdentity(IdentityField field, ReadOnlySpan<byte> value, string source)
    {
        Count += value.Length;
        if (keep) Identities.Add((field, Encoding.Latin1.GetString(value), source));
    }

    public void OnModbus(in ModbusMessage message) { }

    public void OnIec104(in Iec104Message message) { }

    public void OnDnp3(in Dnp3Message message) { }

    public void OnS7Comm(in S7CommMessage message) { }

    public void OnS7CommPlus(in S7CommPlusMessage message) { }

    public void OnMms(in MmsMessage message) { }

    public void OnEnip(in EnipMessage message) { }

    public void OnCip(in CipMessage message) { }

    public void OnBacnet(in BacnetMessage message) { }

    public void OnStreamAnomaly(ProtocolId protocol, string anomaly) { }
}
