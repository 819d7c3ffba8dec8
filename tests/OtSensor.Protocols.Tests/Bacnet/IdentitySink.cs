using System.Text;
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
using OtSensor.Protocols.Mms;
using OtSensor.Protocols.Modbus;
using OtSensor.Protocols.ProfinetCm;
using OtSensor.Protocols.ProfinetDcp;
using OtSensor.Protocols.ProfinetRt;
using OtSensor.Protocols.OpcUa;
using OtSensor.Protocols.Registry;
using OtSensor.Protocols.S7Comm;
using OtSensor.Protocols.S7CommPlus;
using OtSensor.Protocols.SampledValues;
using OtSensor.Protocols.Srtp;

namespace OtSensor.Protocols.Tests.Bacnet;

/// <summary>Collects the identity statements of BACnet messages, or only counts them (for the allocation test).</summary>
internal sealed class IdentitySink(bool keep = true) : IProtocolEventSink, IIdentityReceiver
{
    public List<(IdentityField, string)> Identities { get; } = [];

    public int Count { get; private set; }

    public void OnBacnet(in BacnetMessage message)
    {
        Count++;
        if (message.HasIdentity) message.ReportIdentity(this);
    }

    public void OnIdentity(IdentityField field, ReadOnlySpan<byte> value, string source)
    {
        Count += value.Length;
        if (keep) Identities.Add((field, Encoding.UTF8.GetString(value)));
    }

    public void OnModbus(in ModbusMessage message) { }
    public void OnEtherCat(in EtherCatMessage message) { }

    public void OnIec104(in Iec104Message message) { }

    public void OnDnp3(in Dnp3Message message) { }

    public void OnS7Comm(in S7CommMessage message) { }

    public void OnS7CommPlus(in S7CommPlusMessage message) { }

    public void OnMms(in MmsMessage message) { }

    public void OnEnip(in EnipMessage message) { }

    public void OnCip(in CipMessage message) { }

    public void OnGoose(in GooseMessage message) { }

    public void OnSampledValues(in SampledValuesMessage message) { }
    public void OnProfinetDcp(in ProfinetDcpMessage message) { }

    public void OnProfinetAlarm(in ProfinetAlarmMessage message) { }

    public void OnPnioCm(in PnioCmMessage message) { }
    public void OnOpcUa(in OpcUaMessage message) { }
    public void OnHartIp(in HartIpMessage message) { }

    public void OnC37118(in C37118Message message) { }

    public void OnAds(in AdsMessage message) { }

    public void OnFins(in FinsMessage message) { }

    public void OnMelsec(in MelsecMessage message) { }

    public void OnFox(in FoxMessage message) { }

    public void OnSrtp(in SrtpMessage message) { }
    public void OnDhcp(in DhcpMessage message) { }

    public void OnDns(in DnsMessage message) { }

    public void OnNetBios(in NetBiosMessage message) { }

    public void OnLldp(in LldpMessage message) { }

    public void OnCdp(in CdpMessage message) { }

    public void OnSnmp(in SnmpMessage message) { }

    public void OnHttp(in HttpMessage message) { }

    public void OnTls(in TlsMessage message) { }

    public void OnStreamAnomaly(ProtocolId protocol, string anomaly) { }
}
