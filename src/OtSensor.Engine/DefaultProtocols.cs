using OtSensor.Protocols.Ads;
using OtSensor.Protocols.Bacnet;
using OtSensor.Protocols.C37118;
using OtSensor.Protocols.Cotp;
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
using OtSensor.Protocols.ProfinetRt;
using OtSensor.Protocols.OpcUa;
using OtSensor.Protocols.Registry;
using OtSensor.Protocols.S7Comm;
using OtSensor.Protocols.S7CommPlus;
using OtSensor.Protocols.SampledValues;
using OtSensor.Protocols.Srtp;

namespace OtSensor.Engine;

/// <summary>The protocol modules every run registers, in probe order.</summary>
public static class DefaultProtocols
{
    public static ProtocolRegistry CreateRegistry() => new(StreamAndDatagramModules(), FrameModules());

    /// <summary>Layer-2 protocols, found by EtherType or LLC SAP.</summary>
    private static IFrameModule[] FrameModules() => [
        new GooseModule(),
        new SampledValuesModule(),
        new ProfinetRtModule(),
        new EtherCatModule(),
        new LldpModule(),
        new CdpModule(),
        new BacnetEthernetModule(),
    ];

    /// <summary>Protocols over TCP and UDP, probed by content on every new flow.</summary>
    private static IProtocolModule[] StreamAndDatagramModules() => [
        new ModbusModule(),
        new ModbusUdpModule(),
        new Dnp3Module(),
        new Dnp3UdpModule(),
        new Iec104Module(),
        new CotpModule(() => new S7CommPayloadDecoder(), () => new S7CommPlusPayloadDecoder(), () => new MmsPayloadDecoder()),
        new BacnetModule(),
        new EnipModule(),
        new EnipUdpModule(),
        new EnipIoModule(),
        new PnioCmModule(),
        new OpcUaModule(),
        new EtherCatUdpModule(),
        new HartIpModule(),
        new HartIpUdpModule(),
        new C37118Module(),
        new C37118UdpModule(),
        new AdsModule(),
        new AdsUdpModule(),
        new FinsModule(),
        new FinsUdpModule(),
        new MelsecModule(),
        new MelsecUdpModule(),
        new FoxModule(),
        new SrtpModule(),
        new DhcpModule(),
        new NetBiosNameModule(),
        new NetBiosDatagramModule(),
        new SnmpModule(),
        new DnsModule(),
        new LlmnrModule(),
        new MdnsModule(),
        new DnsTcpModule(),
        new HttpModule(),
        new TlsModule(),
    ];
}
