using System.Text.Json;
using OtSensor.Core.Protocols;

namespace OtSensor.Protocols.ProfinetRt;

/// <summary>One PROFINET RTA alarm PDU (FrameID 0xFC01 high, 0xFE01 low priority) sent over layer 2.</summary>
/// <remarks>
/// Recorded under <c>profinet-io</c> with <c>function</c> null: alarms are not PNIO-CM calls, so they add nothing
/// to the operation-number histogram compared with tshark's <c>pn_io.opnum</c>. A DATA PDU with an
/// AlarmNotification (diagnosis, pull, plug, ...) is a device reporting its state: operation diagnostics;
/// acknowledgements and errors of the alarm transport carry no operation.
/// </remarks>
public readonly ref struct ProfinetAlarmMessage : IProtocolMessage
{
    private readonly ProfinetAlarmDecoded _d;

    internal ProfinetAlarmMessage(scoped in ProfinetAlarmDecoded decoded)
    {
        _d = decoded;
    }

    public ProtocolId Protocol => ProtocolId.ProfinetIO;

    public int Function => -1;

    public string? FunctionName => null;

    public OtOperation Operation => _d.PduType == ProfinetRtConstants.RtaData && _d.BlockType is 0x0001 or 0x0002 ? OtOperation.Diagnostics : OtOperation.None;

    /// <summary>ACK, NACK and ERR answer a DATA PDU; an AlarmAck block answers an alarm notification.</summary>
    public bool IsResponse => _d.PduType is ProfinetRtConstants.RtaNack or ProfinetRtConstants.RtaAck or ProfinetRtConstants.RtaError
        || _d.BlockType is 0x8001 or 0x8002;

    public ulong Anomalies => (ulong)_d.Anomalies;

    public ProfinetAlarmAnomalies AnomalyFlags => _d.Anomalies;

    public string AnomalyName(int bit) => ProfinetRtNames.Anomaly(bit);

    public int FrameId => _d.FrameId;

    public int PduType => _d.PduType;

    public int AlarmType => _d.AlarmType;

    public int Slot => _d.Slot;

    public int Subslot => _d.Subslot;

    public bool HasIdentity => false;

    public void ReportIdentity(IIdentityReceiver receiver) => ArgumentNullException.ThrowIfNull(receiver);

    public void WriteDetails(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumber(ProfinetAlarmFields.FrameId, _d.FrameId);
        writer.WriteString(ProfinetAlarmFields.Priority, _d.FrameId == ProfinetRtConstants.AlarmHigh ? ProfinetAlarmFields.High : ProfinetAlarmFields.Low);
        if (_d.PduType < 0) return;
        writer.WriteNumber(ProfinetAlarmFields.DestinationEndpoint, _d.DestinationEndpoint);
        writer.WriteNumber(ProfinetAlarmFields.SourceEndpoint, _d.SourceEndpoint);
        writer.WriteNumber(ProfinetAlarmFields.PduType, _d.PduType);
        var typeName = ProfinetRtNames.RtaPduType(_d.PduType);
        if (typeName is null) writer.WriteNull(ProfinetAlarmFields.PduTypeName);
        else writer.WriteString(ProfinetAlarmFields.PduTypeName, typeName);
        writer.WriteNumber(ProfinetAlarmFields.SendSequence, _d.SendSequence);
        writer.WriteNumber(ProfinetAlarmFields.AckSequence, _d.AckSequence);
        writer.WriteNumber(ProfinetAlarmFields.VarPartLength, _d.VarPartLength);
        WriteIfPresent(writer, ProfinetAlarmFields.BlockType, _d.BlockType);
        if (_d.AlarmType >= 0)
        {
            writer.WriteNumber(ProfinetAlarmFields.AlarmType, _d.AlarmType);
            var alarmName = ProfinetRtNames.AlarmType(_d.AlarmType);
            if (alarmName is not null) writer.WriteString(ProfinetAlarmFields.AlarmTypeName, alarmName);
        }
        WriteIfPresent(writer, ProfinetAlarmFields.Api, _d.Api);
        WriteIfPresent(writer, ProfinetAlarmFields.Slot, _d.Slot);
        WriteIfPresent(writer, ProfinetAlarmFields.Subslot, _d.Subslot);
        WriteIfPresent(writer, ProfinetAlarmFields.ModuleIdent, _d.ModuleIdent);
        WriteIfPresent(writer, ProfinetAlarmFields.SubmoduleIdent, _d.SubmoduleIdent);
        WriteIfPresent(writer, ProfinetAlarmFields.AlarmSpecifier, _d.AlarmSpecifier);
        if (_d.PnioStatus >= 0) PnioStatusText.Write(writer, ProfinetAlarmFields.PnioStatus, (uint)_d.PnioStatus);
    }

    private static void WriteIfPresent(Utf8JsonWriter writer, string name, long value)
    {
        if (value >= 0) writer.WriteNumber(name, value);
    }
}
