using OtSensor.Protocols.Bacnet;
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
using OtSensor.Protocols.Http;
using OtSensor.Protocols.Iec104;
using OtSensor.Protocols.Mms;
using OtSensor.Protocols.Modbus;
using OtSensor.Protocols.Registry;
using OtSensor.Protocols.S7Comm;
using OtSensor.Protocols.S7CommPlus;

namespace OtSensor.Engine;

/// <summary>The protocol modules every run registers, in probe order.</summary>
public static class DefaultProtocols
{
    public static ProtocolRegistry CreateRegistry() => new(StreamAndDatagramModules(), FrameModules());

    /// <summary>Layer-2 protocols, found by EtherType or LLC SAP.</summary>
    private static IFrameModule[] FrameModules() => [
        new LldpModule(),
        new CdpModule(),
    ];

    /// <summary>Protocols over TCP and UDP, probed by content on every new flow.</summary>
    private static IProtocolModule[] StreamAndDatagramModules() => [
        new ModbusModule(),
        new Dnp3Module(),
        new Dnp3UdpModule(),
        new Iec104Module(),
        new CotpModule(() => new S7CommPayloadDecoder(), () => new S7CommPlusPayloadDecoder(), () => new MmsPayloadDecoder()),
        new BacnetModule(),
        new EnipModule(),
        new EnipUdpModule(),
        new EnipIoModule(),
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
