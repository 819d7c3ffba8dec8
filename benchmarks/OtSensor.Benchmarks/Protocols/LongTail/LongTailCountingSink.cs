using OtSensor.Core.Protocols;
using OtSensor.Protocols.Ads;
using OtSensor.Protocols.Bacnet;
using OtSensor.Protocols.C37118;
using OtSensor.Protocols.Cip;
using OtSensor.Protocols.Dnp3;
using OtSensor.Protocols.Enip;
using OtSensor.Protocols.Fins;
using OtSensor.Protocols.Fox;
using OtSensor.Protocols.HartIp;
using OtSensor.Protocols.Iec104;
using OtSensor.Protocols.Melsec;
using OtSensor.Protocols.Mms;
using OtSensor.Protocols.Modbus;
using OtSensor.Protocols.Registry;
using OtSensor.Protocols.S7Comm;
using OtSensor.Protocols.S7CommPlus;
using OtSensor.Protocols.Srtp;

namespace OtSensor.Benchmarks.Protocols.LongTail;

/// <summary>Counts messages and anomalous ones; reads the contract fields so the JIT cannot drop the message.</summary>
internal sealed class LongTailCountingSink : IProtocolEventSink
{
    public long Messages { get; private set; }

    public long Anomalous { get; private set; }

    private void Count<TMessage>(in TMessage message) where TMessage : struct, IProtocolMessage, allows ref struct
    {
        Messages++;
        if (message.Anomalies != 0) Anomalous++;
    }

    public void OnModbus(in ModbusMessage message) => Count(in message);
    public void OnHartIp(in HartIpMessage message) => Count(in message);
    public void OnC37118(in C37118Message message) => Count(in message);
    public void OnAds(in AdsMessage message) => Count(in message);
    public void OnFins(in FinsMessage message) => Count(in message);
    public void OnMelsec(in MelsecMessage message) => Count(in message);
    public void OnFox(in FoxMessage message) => Count(in message);
    public void OnSrtp(in SrtpMessage message) => Count(in message);

    public void OnIec104(in Iec104Message message) => Messages++;
    public void OnDnp3(in Dnp3Message message) => Messages++;
    public void OnS7Comm(in S7CommMessage message) => Messages++;
    public void OnS7CommPlus(in S7CommPlusMessage message) => Messages++;
    public void OnEnip(in EnipMessage message) => Messages++;
    public void OnCip(in CipMessage message) => Messages++;
    public void OnMms(in MmsMessage message) => Messages++;
    public void OnBacnet(in BacnetMessage message) => Messages++;

    public void OnStreamAnomaly(ProtocolId protocol, string anomaly) => Anomalous++;
}
