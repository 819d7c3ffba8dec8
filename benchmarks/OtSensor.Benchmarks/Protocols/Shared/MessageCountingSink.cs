using OtSensor.Core.Protocols;
using OtSensor.Protocols.Bacnet;
using OtSensor.Protocols.Cip;
using OtSensor.Protocols.Dnp3;
using OtSensor.Protocols.Enip;
using OtSensor.Protocols.Iec104;
using OtSensor.Protocols.Mms;
using OtSensor.Protocols.Modbus;
using OtSensor.Protocols.Registry;
using OtSensor.Protocols.S7Comm;
using OtSensor.Protocols.S7CommPlus;

namespace OtSensor.Benchmarks.Protocols.Shared;

/// <summary>
/// A sink that only counts messages, messages carrying anomaly bits, and stream anomalies, so a benchmark
/// measures the session's own cost and its setup can prove the input decoded cleanly.
/// </summary>
internal sealed class MessageCountingSink : IProtocolEventSink
{
    public long Messages;
    public long MessageAnomalies;
    public long StreamAnomalies;

    public void OnModbus(in ModbusMessage message) => Count(message.Anomalies);

    public void OnIec104(in Iec104Message message) => Count(message.Anomalies);

    public void OnDnp3(in Dnp3Message message) => Count(message.Anomalies);

    public void OnS7Comm(in S7CommMessage message) => Count(message.Anomalies);

    public void OnS7CommPlus(in S7CommPlusMessage message) => Count(message.Anomalies);

    public void OnEnip(in EnipMessage message) => Count(message.Anomalies);

    public void OnCip(in CipMessage message) => Count(message.Anomalies);

    public void OnMms(in MmsMessage message) => Count(message.Anomalies);

    public void OnBacnet(in BacnetMessage message) => Count(message.Anomalies);

    public void OnStreamAnomaly(ProtocolId protocol, string anomaly) => StreamAnomalies++;

    private void Count(ulong anomalies)
    {
        Messages++;
        if (anomalies != 0) MessageAnomalies++;
    }
}
