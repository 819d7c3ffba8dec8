using OtSensor.Core.Protocols;

namespace OtSensor.Outputs.Files;

/// <summary>
/// Protocol names as the sensor REST API shows them in <c>devices[].protocols[].name</c>
/// (sensor-reference §1.3), and the role names each protocol uses for its two ends.
/// </summary>
public static class ProtocolDisplayNames
{
    public static string Get(ProtocolId protocol) => protocol switch
    {
        ProtocolId.Modbus => "MODBUS",
        ProtocolId.Umas => "MODBUS",
        ProtocolId.Dnp3 => "DNP3",
        ProtocolId.S7Comm => "Siemens S7",
        ProtocolId.S7CommPlus => "Siemens S7 Plus",
        ProtocolId.Enip or ProtocolId.Cip => "EtherNet/IP",
        ProtocolId.Bacnet => "BACNet",
        ProtocolId.Iec104 => "IEC-60870",
        ProtocolId.OpcUa => "OPC UA",
        ProtocolId.Mms => "MMS",
        ProtocolId.Goose => "GOOSE",
        ProtocolId.ProfinetDcp => "Profinet DCP",
        ProtocolId.ProfinetIO => "Profinet Real-Time",
        ProtocolId.EtherCat => "EtherCAT",
        ProtocolId.Cotp => "ISO-TSAP",
        ProtocolId.SampledValues => "IEC 61850 Sampled Values",
        ProtocolId.HartIp => "HART-IP",
        ProtocolId.C37118 => "IEEE C37.118",
        ProtocolId.Ads => "Beckhoff ADS",
        ProtocolId.Fins => "Omron FINS",
        ProtocolId.Srtp => "GE SRTP",
        ProtocolId.Melsec => "MELSEC",
        ProtocolId.Fox => "Niagara Fox",
        ProtocolId.Dhcp => "DHCP",
        ProtocolId.Dns => "DNS",
        ProtocolId.NetBios => "NetBIOS",
        ProtocolId.Llmnr => "LLMNR",
        ProtocolId.Mdns => "mDNS",
        ProtocolId.Lldp => "LLDP",
        ProtocolId.Cdp => "CDP",
        ProtocolId.Snmp => "SNMP",
        ProtocolId.Http => "HTTP",
        ProtocolId.Tls => "TLS",
        _ => "Unknown",
    };

    /// <summary>The name of the requesting end (master, client) or the answering end (slave, server, outstation).</summary>
    public static string Role(ProtocolId protocol, bool server) => protocol switch
    {
        ProtocolId.Modbus or ProtocolId.Umas => server ? "slave" : "master",
        ProtocolId.Dnp3 => server ? "outstation" : "master",
        ProtocolId.Iec104 => server ? "controlled station" : "controlling station",
        ProtocolId.Goose or ProtocolId.SampledValues => server ? "subscriber" : "publisher",
        _ => server ? "server" : "client",
    };
}
