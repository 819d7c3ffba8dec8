using System.Text.Json;
using OtSensor.Core.Protocols;

namespace OtSensor.Protocols.Melsec;

/// <summary>One MC protocol (SLMP) 3E/4E binary frame.</summary>
/// <remarks>
/// A <c>ref struct</c> over the frame, valid only during <see cref="Registry.IProtocolEventSink.OnMelsec"/>.
/// <see cref="Function"/> is the command; a response takes it from the request it answers (-1 when none is known).
/// A successful Read Type Name (0101) response states the CPU model name.
/// </remarks>
public readonly ref struct MelsecMessage : IProtocolMessage
{
    private const string TypeNameSource = "melsec 0101 Read Type Name response";

    private readonly ReadOnlySpan<byte> _frame;
    private readonly MelsecDecoded _d;

    internal MelsecMessage(ReadOnlySpan<byte> frame, scoped in MelsecDecoded decoded)
    {
        _frame = frame;
        _d = decoded;
    }

    /// <summary>A message over <paramref name="frame"/> whose fields the parser fills in place through <see cref="Fields"/>.</summary>
    internal MelsecMessage(ReadOnlySpan<byte> frame)
    {
        _frame = frame;
        _d = default;
    }

    /// <summary>The decoded fields, writable, for the parser only (messages are built in place: src/OtSensor.Protocols/README.md).</summary>
    [System.Diagnostics.CodeAnalysis.UnscopedRef]
    internal ref MelsecDecoded Fields => ref System.Runtime.CompilerServices.Unsafe.AsRef(in _d);

    /// <summary>The same response named after its request's command, or flagged unsolicited when <paramref name="command"/> is -1.</summary>
    internal MelsecMessage WithRequest(int command)
    {
        var d = _d;
        if (command < 0) d.Anomalies |= MelsecAnomalies.UnsolicitedResponse;
        else d.Command = command;
        return new MelsecMessage(_frame, in d);
    }

    public ProtocolId Protocol => ProtocolId.Melsec;

    public int Function => _d.Command;

    public string? FunctionName => _d.Command >= 0 ? MelsecNames.Command(_d.Command) : null;

    public OtOperation Operation => _d.Command >= 0 ? MelsecNames.Operation(_d.Command) : OtOperation.Other;

    public bool IsResponse => _d.IsResponse;

    public ulong Anomalies => (ulong)_d.Anomalies;

    public MelsecAnomalies AnomalyFlags => _d.Anomalies;

    public string AnomalyName(int bit) => MelsecNames.Anomaly(bit);

    public bool Is4E => _d.Is4E;
    public ushort Serial => _d.Serial;
    public ushort? EndCode => _d.HasEndCode ? _d.EndCode : null;
    public ReadOnlySpan<byte> Payload => _frame.Slice(_d.PayloadOffset, _d.PayloadLength);

    private ReadOnlySpan<byte> CpuModel
    {
        get
        {
            if (!_d.IsResponse || _d.Command != 0x0101 || _d.EndCode != 0 || _d.PayloadLength < MelsecConstants.CpuModelNameLength) return default;
            var name = Payload[..MelsecConstants.CpuModelNameLength];
            int end = name.Length;
            while (end > 0 && name[end - 1] is (byte)' ' or 0) end--;
            return name[..end];
        }
    }

    public bool HasIdentity => !CpuModel.IsEmpty;

    public void ReportIdentity(IIdentityReceiver receiver)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        if (!HasIdentity) return;
        receiver.OnIdentity(IdentityField.Vendor, "Mitsubishi Electric"u8, TypeNameSource);
        receiver.OnIdentity(IdentityField.Model, CpuModel, TypeNameSource);
    }

    public void WriteDetails(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteString("frame", _d.Is4E ? "4E" : "3E");
        if (_d.Is4E) writer.WriteNumber("serial", _d.Serial);
        writer.WriteNumber("network", _d.Network);
        writer.WriteNumber("pc", _d.Pc);
        writer.WriteNumber("moduleIo", _d.ModuleIo);
        writer.WriteNumber("station", _d.Station);
        writer.WriteNumber("dataLength", _d.DataLength);
        if (!_d.IsResponse && _d.Command >= 0)
        {
            writer.WriteNumber("monitoringTimer", _d.MonitoringTimer);
            writer.WriteNumber("subcommand", _d.Subcommand);
        }
        if (_d.HasEndCode) writer.WriteNumber("endCode", _d.EndCode);
        var model = CpuModel;
        if (!model.IsEmpty)
        {
            Span<char> chars = stackalloc char[MelsecConstants.CpuModelNameLength];
            for (int i = 0; i < model.Length; i++) chars[i] = (char)model[i];
            writer.WriteString("cpuModel", chars[..model.Length]);
        }
    }
}
