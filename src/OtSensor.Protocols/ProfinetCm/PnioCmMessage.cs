using System.Text.Json;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.ProfinetDcp;
using OtSensor.Protocols.ProfinetRt;

namespace OtSensor.Protocols.ProfinetCm;

/// <summary>One PNIO-CM DCE/RPC call PDU (request, response, or an RPC control packet such as ping or fack).</summary>
/// <remarks>
/// A <c>ref struct</c> over the datagram and the call body (reassembled when fragmented), valid only during
/// <see cref="Registry.IProtocolEventSink.OnPnioCm"/>. Event-log contract: <c>function</c> is the operation number
/// of requests and responses on a PNIO interface (tshark <c>pn_io.opnum</c>); RPC control packets (ping, working,
/// nocall, fack, ack, fault, reject, cancel) and endpoint-mapper calls are recorded with <c>function</c> null and
/// their <c>packetType</c>, so they add nothing to the operation histogram, as in tshark.
/// </remarks>
public readonly ref struct PnioCmMessage : IProtocolMessage
{
    private const string StationNameSource = "pnio-cm Connect ARBlockReq CMInitiatorStationName";

    private readonly ReadOnlySpan<byte> _body;
    private readonly PnioCmDecoded _d;

    internal PnioCmMessage(ReadOnlySpan<byte> body, scoped in PnioCmDecoded decoded)
    {
        _body = body;
        _d = decoded;
    }

    public ProtocolId Protocol => ProtocolId.ProfinetIO;

    public int Function => PnioCmParser.IsCall(_d.PacketType) && PnioCmParser.IsPnio(_d.Interface) ? _d.Opnum : -1;

    public string? FunctionName => Function >= 0 ? PnioCmNames.Opnum(Function) : null;

    public OtOperation Operation => _d.Operation;

    public bool IsResponse => (PnioCmPacketType)_d.PacketType is PnioCmPacketType.Response or PnioCmPacketType.Fault
        or PnioCmPacketType.Working or PnioCmPacketType.NoCall or PnioCmPacketType.Reject or PnioCmPacketType.CancelAck;

    public ulong Anomalies => (ulong)_d.Anomalies;

    public PnioCmAnomalies AnomalyFlags => _d.Anomalies;

    public string AnomalyName(int bit) => PnioCmNames.Anomaly(bit);

    public PnioCmPacketType PacketType => (PnioCmPacketType)_d.PacketType;

    public PnioCmInterface Interface => _d.Interface;

    public int Opnum => _d.Opnum;

    public long Sequence => _d.Sequence;

    public int BlockCount => _d.BlockCount;

    public int FirstBlockType => _d.FirstBlockType;

    /// <summary>ControlCommand of an IODControlReq/Res or release block; -1 when absent.</summary>
    public int ControlCommand => _d.ControlCommand;

    /// <summary>Record index of a read or write; -1 when absent.</summary>
    public int RecordIndex => _d.RecordIndex;

    /// <summary>CMInitiatorStationName of a Connect request's ARBlockReq: the controller's own station name.</summary>
    public ReadOnlySpan<byte> InitiatorStationName => _d.StationNameOffset >= 0 ? _body.Slice(_d.StationNameOffset, _d.StationNameLength) : default;

    /// <summary>A Connect request names its sender, the IO controller, in the ARBlockReq.</summary>
    public bool HasIdentity => _d.PacketType == (int)PnioCmPacketType.Request && _d.StationNameLength > 0;

    public void ReportIdentity(IIdentityReceiver receiver)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        if (HasIdentity) receiver.OnIdentity(IdentityField.Name, InitiatorStationName, StationNameSource);
    }

    public void WriteDetails(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (_d.PacketType < 0) return;
        writer.WriteNumber(PnioCmFields.PacketType, _d.PacketType);
        var typeName = PnioCmNames.PacketType(_d.PacketType);
        if (typeName is null) writer.WriteNull(PnioCmFields.PacketTypeName);
        else writer.WriteString(PnioCmFields.PacketTypeName, typeName);
        if (_d.Sequence < 0) return;
        writer.WriteNumber(PnioCmFields.Sequence, _d.Sequence);
        writer.WriteString(PnioCmFields.Interface, PnioCmNames.Interface(_d.Interface));
        writer.WriteNumber(PnioCmFields.Opnum, _d.Opnum);
        writer.WriteBoolean(PnioCmFields.LittleEndian, _d.LittleEndian);
        writer.WriteNumber(PnioCmFields.FragmentNumber, _d.FragmentNumber);
        if (_d.Fragments > 1) writer.WriteNumber(PnioCmFields.Fragments, _d.Fragments);
        writer.WriteNumber(PnioCmFields.BodyLength, _body.Length);
        WriteIfPresent(writer, PnioCmFields.FaultStatus, _d.FaultStatus);
        if (!_d.HasArgs) return;
        WriteIfPresent(writer, PnioCmFields.ArgsMaximum, _d.ArgsMaximum);
        writer.WriteNumber(PnioCmFields.ArgsLength, _d.ArgsLength);
        if (_d.PnioStatus >= 0) PnioStatusText.Write(writer, PnioCmFields.PnioStatus, (uint)_d.PnioStatus);
        WriteBlocks(writer);
        if (_d.ControlCommand >= 0) WriteControlCommand(writer);
        if (_d.RecordIndex >= 0)
        {
            writer.WriteNumber(PnioCmFields.RecordIndex, _d.RecordIndex);
            writer.WriteNumber(PnioCmFields.RecordDataLength, _d.RecordDataLength);
            writer.WriteNumber(PnioCmFields.Api, _d.Api);
            writer.WriteNumber(PnioCmFields.Slot, _d.Slot);
            writer.WriteNumber(PnioCmFields.Subslot, _d.Subslot);
            if (_d.WriteCount > 0) writer.WriteNumber(PnioCmFields.WriteCount, _d.WriteCount);
        }
        WriteIfPresent(writer, PnioCmFields.ArType, _d.ArType);
        if (_d.StationNameOffset >= 0) ProfinetText.Write(writer, PnioCmFields.InitiatorStationName, InitiatorStationName);
        if (_d.IocrCount > 0) writer.WriteNumber(PnioCmFields.IocrCount, _d.IocrCount);
    }

    private void WriteBlocks(Utf8JsonWriter writer)
    {
        writer.WriteStartArray(PnioCmFields.Blocks);
        int n = Math.Min(_d.BlockCount, PnioCmBlockTypes.Capacity);
        for (int i = 0; i < n; i++)
        {
            int type = _d.BlockTypes[i];
            writer.WriteStartObject();
            writer.WriteNumber(PnioCmFields.BlockType, type);
            var name = PnioCmNames.BlockType(type);
            if (name is not null) writer.WriteString(PnioCmFields.BlockName, name);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    private void WriteControlCommand(Utf8JsonWriter writer)
    {
        writer.WriteNumber(PnioCmFields.ControlCommand, _d.ControlCommand);
        writer.WriteStartArray(PnioCmFields.ControlCommandNames);
        for (int bit = 0; bit < 16; bit++)
        {
            if ((_d.ControlCommand & (1 << bit)) == 0) continue;
            var name = PnioCmNames.ControlCommand(bit);
            if (name is not null) writer.WriteStringValue(name);
        }
        writer.WriteEndArray();
    }

    private static void WriteIfPresent(Utf8JsonWriter writer, string name, long value)
    {
        if (value >= 0) writer.WriteNumber(name, value);
    }
}
