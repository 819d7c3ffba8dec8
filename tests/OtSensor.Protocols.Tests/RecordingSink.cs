using System.Buffers;
using System.Text;
using System.Text.Json;
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

namespace OtSensor.Protocols.Tests;

/// <summary>What a test keeps of one message: the contract fields and the details JSON, copied during the callback.</summary>
public sealed record RecordedMessage(
    ProtocolId Protocol,
    int Function,
    string? FunctionName,
    OtOperation Operation,
    bool IsResponse,
    ulong Anomalies,
    IReadOnlyList<string> AnomalyNames,
    string DetailsJson)
{
    public JsonElement Details => JsonDocument.Parse(DetailsJson).RootElement;

    public override string ToString() => $"{Protocol} fn={Function} resp={IsResponse} op={Operation} anomalies=[{string.Join(",", AnomalyNames)}] {DetailsJson}";
}

/// <summary>A sink that snapshots every message (messages may be ref structs valid only during the call).</summary>
public sealed class RecordingSink : IProtocolEventSink
{
    public List<RecordedMessage> Messages { get; } = [];

    public List<string> StreamAnomalies { get; } = [];

    public void OnModbus(in ModbusMessage message) => Record(in message);

    public void OnIec104(in Iec104Message message) => Record(in message);
    public void OnDnp3(in Dnp3Message message) => Record(in message);
    public void OnS7Comm(in S7CommMessage message) => Record(in message);

    public void OnS7CommPlus(in S7CommPlusMessage message) => Record(in message);
    public void OnEnip(in EnipMessage message) => Record(in message);
    public void OnCip(in CipMessage message) => Record(in message);

    public void OnMms(in MmsMessage message) => Record(in message);
    public void OnBacnet(in BacnetMessage message) => Record(in message);
    public void OnGoose(in GooseMessage message) => Record(in message);
    public void OnSampledValues(in SampledValuesMessage message) => Record(in message);
    public void OnProfinetDcp(in ProfinetDcpMessage message) => Record(in message);
    public void OnProfinetAlarm(in ProfinetAlarmMessage message) => Record(in message);
    public void OnPnioCm(in PnioCmMessage message) => Record(in message);
    public void OnOpcUa(in OpcUaMessage message) => Record(in message);
    public void OnEtherCat(in EtherCatMessage message) => Record(in message);
    public void OnHartIp(in HartIpMessage message) => Record(in message);
    public void OnC37118(in C37118Message message) => Record(in message);
    public void OnAds(in AdsMessage message) => Record(in message);
    public void OnFins(in FinsMessage message) => Record(in message);
    public void OnMelsec(in MelsecMessage message) => Record(in message);
    public void OnFox(in FoxMessage message) => Record(in message);
    public void OnSrtp(in SrtpMessage message) => Record(in message);

    public void OnDhcp(in DhcpMessage message) => Record(in message);
    public void OnDns(in DnsMessage message) => Record(in message);
    public void OnNetBios(in NetBiosMessage message) => Record(in message);
    public void OnLldp(in LldpMessage message) => Record(in message);
    public void OnCdp(in CdpMessage message) => Record(in message);
    public void OnSnmp(in SnmpMessage message) => Record(in message);
    public void OnHttp(in HttpMessage message) => Record(in message);
    public void OnTls(in TlsMessage message) => Record(in message);

    private void Record<TMessage>(in TMessage message) where TMessage : struct, IProtocolMessage, allows ref struct
    {
        var names = new List<string>();
        for (int bit = 0; bit < 64; bit++)
        {
            if ((message.Anomalies & (1UL << bit)) != 0) names.Add(message.AnomalyName(bit));
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            message.WriteDetails(writer);
            writer.WriteEndObject();
        }

        Messages.Add(new RecordedMessage(message.Protocol, message.Function, message.FunctionName, message.Operation,
            message.IsResponse, message.Anomalies, names, Encoding.UTF8.GetString(buffer.WrittenSpan)));
    }

    public void OnStreamAnomaly(ProtocolId protocol, string anomaly) => StreamAnomalies.Add(anomaly);
}

/// <summary>A sink that touches the contract fields and keeps nothing: for allocation tests.</summary>
public sealed class NoOpSink : IProtocolEventSink
{
    public long Count { get; private set; }

    public long Checksum { get; private set; }

    public void OnModbus(in ModbusMessage message) => Touch(in message);

    public void OnIec104(in Iec104Message message) => Touch(in message);
    public void OnDnp3(in Dnp3Message message) => Touch(in message);
    public void OnS7Comm(in S7CommMessage message) => Touch(in message);

    public void OnS7CommPlus(in S7CommPlusMessage message) => Touch(in message);
    public void OnEnip(in EnipMessage message) => Touch(in message);
    public void OnCip(in CipMessage message) => Touch(in message);

    public void OnMms(in MmsMessage message) => Touch(in message);
    public void OnBacnet(in BacnetMessage message) => Touch(in message);
    public void OnGoose(in GooseMessage message) => Touch(in message);
    public void OnSampledValues(in SampledValuesMessage message) => Touch(in message);
    public void OnProfinetDcp(in ProfinetDcpMessage message) => Touch(in message);
    public void OnProfinetAlarm(in ProfinetAlarmMessage message) => Touch(in message);
    public void OnPnioCm(in PnioCmMessage message) => Touch(in message);
    public void OnOpcUa(in OpcUaMessage message) => Touch(in message);
    public void OnEtherCat(in EtherCatMessage message) => Touch(in message);
    public void OnHartIp(in HartIpMessage message) => Touch(in message);
    public void OnC37118(in C37118Message message) => Touch(in message);
    public void OnAds(in AdsMessage message) => Touch(in message);
    public void OnFins(in FinsMessage message) => Touch(in message);
    public void OnMelsec(in MelsecMessage message) => Touch(in message);
    public void OnFox(in FoxMessage message) => Touch(in message);
    public void OnSrtp(in SrtpMessage message) => Touch(in message);

    public void OnDhcp(in DhcpMessage message) => Touch(in message);
    public void OnDns(in DnsMessage message) => Touch(in message);
    public void OnNetBios(in NetBiosMessage message) => Touch(in message);
    public void OnLldp(in LldpMessage message) => Touch(in message);
    public void OnCdp(in CdpMessage message) => Touch(in message);
    public void OnSnmp(in SnmpMessage message) => Touch(in message);
    public void OnHttp(in HttpMessage message) => Touch(in message);
    public void OnTls(in TlsMessage message) => Touch(in message);

    private void Touch<TMessage>(in TMessage message) where TMessage : struct, IProtocolMessage, allows ref struct
    {
        Count++;
        Checksum += message.Function + (long)message.Anomalies + (int)message.Operation;
    }

    public void OnStreamAnomaly(ProtocolId protocol, string anomaly) => Checksum++;
}
