using System.Text.Json;
using OtSensor.Core.Protocols;

namespace OtSensor.Protocols.S7CommPlus;

/// <summary>One S7comm-plus frame: protocol version, opcode, function code, sequence, session id, integrity flag.</summary>
/// <remarks>
/// A <c>ref struct</c> borrowing the TSDU; valid only during <see cref="Registry.IProtocolEventSink.OnS7CommPlus"/>.
/// Event-log contract: <see cref="Function"/> is the function code of requests and responses, -1 for
/// notifications and continuation fragments; <c>opcode</c> goes to the details.
/// </remarks>
public readonly ref struct S7CommPlusMessage : IProtocolMessage
{
    private readonly ReadOnlySpan<byte> _frame;
    private readonly S7CommPlusDecoded _d;

    /// <summary>A message over <paramref name="frame"/> whose fields the parser fills in place through <see cref="Fields"/>.</summary>
    internal S7CommPlusMessage(ReadOnlySpan<byte> frame)
    {
        _frame = frame;
        _d = default;
    }

    /// <summary>The decoded fields, writable, for the parser only (messages are built in place: src/OtSensor.Protocols/README.md).</summary>
    [System.Diagnostics.CodeAnalysis.UnscopedRef]
    internal ref S7CommPlusDecoded Fields => ref System.Runtime.CompilerServices.Unsafe.AsRef(in _d);

    public ProtocolId Protocol => ProtocolId.S7CommPlus;

    public int Function => _d.Function;

    public string? FunctionName => _d.Function < 0 ? null : S7CommPlusNames.Function(_d.Function);

    public OtOperation Operation => _d.Operation;

    /// <summary>Responses and notifications come from the PLC.</summary>
    public bool IsResponse => _d.Opcode is (int)S7CommPlusOpcode.Response or (int)S7CommPlusOpcode.Response2 or (int)S7CommPlusOpcode.Notification;

    public ulong Anomalies => (ulong)_d.Anomalies;

    public S7CommPlusAnomalies AnomalyFlags => _d.Anomalies;

    public string AnomalyName(int bit) => S7CommPlusNames.Anomaly(bit);

    public bool HasIdentity => false;

    public void ReportIdentity(IIdentityReceiver receiver)
    {
    }

    /// <summary>The whole frame, from the 0x72 byte.</summary>
    public ReadOnlySpan<byte> Frame => _frame;

    public byte Version => _d.Version;

    public ushort DataLength => _d.DataLength;

    /// <summary>Opcode, -1 for a continuation fragment.</summary>
    public int Opcode => _d.Opcode;

    public int Sequence => _d.Sequence;

    /// <summary>Session id of a request, -1 otherwise.</summary>
    public long SessionId => _d.SessionId;

    /// <summary>True for a version-3 frame carrying the 32-byte integrity digest (not verified).</summary>
    public bool IntegrityProtected => _d.IntegrityProtected;

    /// <summary>This frame continues a PDU whose first fragment came earlier (no opcode of its own).</summary>
    public bool Continuation => _d.Continuation;

    /// <summary>No trailer: the PDU continues in the next frame.</summary>
    public bool MoreFragments => _d.MoreFragments;

    public void WriteDetails(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumber(S7CommPlusFields.Version, _d.Version);
        writer.WriteNumber(S7CommPlusFields.DataLength, _d.DataLength);
        if (_d.Opcode >= 0)
        {
            writer.WriteNumber(S7CommPlusFields.Opcode, _d.Opcode);
            var name = S7CommPlusNames.Opcode(_d.Opcode);
            if (name is null) writer.WriteNull(S7CommPlusFields.OpcodeName);
            else writer.WriteString(S7CommPlusFields.OpcodeName, name);
        }
        else
        {
            writer.WriteNull(S7CommPlusFields.Opcode);
        }
        if (_d.Sequence >= 0) writer.WriteNumber(S7CommPlusFields.Sequence, _d.Sequence);
        if (_d.SessionId >= 0) writer.WriteNumber(S7CommPlusFields.SessionId, _d.SessionId);
        if (_d.SubscriptionId >= 0) writer.WriteNumber(S7CommPlusFields.SubscriptionId, _d.SubscriptionId);
        writer.WriteBoolean(S7CommPlusFields.IntegrityProtected, _d.IntegrityProtected);
        if (_d.Continuation) writer.WriteBoolean(S7CommPlusFields.Continuation, true);
        if (_d.MoreFragments) writer.WriteBoolean(S7CommPlusFields.MoreFragments, true);
    }
}
