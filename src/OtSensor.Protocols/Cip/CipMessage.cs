using System.Text.Json;
using OtSensor.Core.Protocols;

namespace OtSensor.Protocols.Cip;

/// <summary>
/// One CIP explicit message: a Message Router request or reply, top level or embedded in a Multiple Service
/// Packet or an Unconnected Send.
/// </summary>
/// <remarks>
/// A <c>ref struct</c> over the message bytes, valid only during <see cref="Registry.IProtocolEventSink.OnCip"/>.
/// Event-log contract: <c>function</c> is the service code with the response bit cleared; <c>response</c> and
/// <c>cipClass</c> are added. A reply has no path: its <c>cipClass</c> is the paired request's when the session saw
/// it (top-level replies and Unconnected Send replies), null otherwise.
/// </remarks>
public readonly ref struct CipMessage : IProtocolMessage
{
    private readonly ReadOnlySpan<byte> _message;
    private readonly CipDecoded _d;

    /// <summary>A message over <paramref name="message"/> whose fields the parser fills in place through <see cref="Fields"/>.</summary>
    internal CipMessage(ReadOnlySpan<byte> message)
    {
        _message = message;
        _d = default;
    }

    /// <summary>The decoded fields, writable, for the parser only (messages are built in place: src/OtSensor.Protocols/README.md).</summary>
    [System.Diagnostics.CodeAnalysis.UnscopedRef]
    internal ref CipDecoded Fields => ref System.Runtime.CompilerServices.Unsafe.AsRef(in _d);

    public ProtocolId Protocol => ProtocolId.Cip;

    public int Function => _message.IsEmpty ? -1 : _d.ServiceRaw & 0x7F;

    public string? FunctionName => _message.IsEmpty ? null : CipNames.Service(_d.ServiceRaw, _d.ClassId);

    public OtOperation Operation => _d.Operation;

    public bool IsResponse => _d.IsResponse;

    public ulong Anomalies => (ulong)_d.Anomalies;

    public CipAnomalies AnomalyFlags => _d.Anomalies;

    public string AnomalyName(int bit) => CipNames.Anomaly(bit);

    public bool HasIdentity => false;

    public void ReportIdentity(IIdentityReceiver receiver) { }

    /// <summary>The whole message (service code onwards).</summary>
    public ReadOnlySpan<byte> Bytes => _message;

    public byte ServiceRaw => _d.ServiceRaw;

    /// <summary>Class from the request path's first class segment (for a paired reply, its request's); null when unknown.</summary>
    public int? ClassId => _d.ClassId >= 0 ? _d.ClassId : null;

    public long? InstanceId => _d.InstanceId >= 0 ? _d.InstanceId : null;

    public int? AttributeId => _d.AttributeId >= 0 ? _d.AttributeId : null;

    public int? MemberId => _d.MemberId >= 0 ? _d.MemberId : null;

    /// <summary>First ANSI extended symbolic segment of the path (Logix tag name); empty when none.</summary>
    public ReadOnlySpan<byte> Symbol => _message.Slice(_d.SymbolOffset, _d.SymbolLength);

    /// <summary>General status of a reply (Vol. 1 appendix B-1); null for requests.</summary>
    public byte? GeneralStatus => _d.IsResponse && _message.Length >= 3 ? _d.GeneralStatus : null;

    /// <summary>First additional status word of a reply; null when the reply has none.</summary>
    public ushort? ExtendedStatus => _d.IsResponse && _d.ExtendedStatusWords > 0 ? _d.ExtendedStatus : null;

    /// <summary>Service data after the path (request) or the status (reply).</summary>
    public ReadOnlySpan<byte> Data => _message.Slice(_d.DataOffset, _d.DataLength);

    /// <summary>0 at top level; 1 and more for services carried inside another.</summary>
    public int Depth => _d.Depth;

    /// <summary>Service that carries this one (0x0A, 0x52); 0 at top level.</summary>
    public byte ParentService => _d.ParentService;

    public bool HasConnectionParameters => _d.HasConnection;
    public uint OtConnectionId => _d.OtConnectionId;
    public uint ToConnectionId => _d.ToConnectionId;
    public ushort ConnectionSerial => _d.ConnectionSerial;
    public ushort OriginatorVendor => _d.OriginatorVendor;
    public uint OriginatorSerial => _d.OriginatorSerial;

    /// <summary>Requested packet interval originator→target in µs (Forward Open request) or the actual one (reply).</summary>
    public uint OtRpi => _d.OtRpi;

    public uint ToRpi => _d.ToRpi;
    public uint OtParameters => _d.OtParameters;
    public uint ToParameters => _d.ToParameters;

    public void WriteDetails(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteBoolean(CipFields.Response, _d.IsResponse);
        if (_d.ClassId >= 0)
        {
            writer.WriteNumber(CipFields.CipClass, _d.ClassId);
            if (CipNames.Class(_d.ClassId) is { } className) writer.WriteString(CipFields.ClassName, className);
        }
        else
        {
            writer.WriteNull(CipFields.CipClass);
        }

        writer.WriteNumber(CipFields.ServiceRaw, _d.ServiceRaw);
        if (_d.InstanceId >= 0) writer.WriteNumber(CipFields.Instance, _d.InstanceId);
        if (_d.AttributeId >= 0) writer.WriteNumber(CipFields.Attribute, _d.AttributeId);
        if (_d.MemberId >= 0) writer.WriteNumber(CipFields.Member, _d.MemberId);
        if (_d.SymbolLength > 0) WriteText(writer, CipFields.Symbol, Symbol);
        if (_d.ParentService != 0) writer.WriteNumber(CipFields.Embedded, _d.ParentService);
        if (GeneralStatus is byte status)
        {
            writer.WriteNumber(CipFields.GeneralStatus, status);
            if (CipNames.GeneralStatus(status) is { } statusName) writer.WriteString(CipFields.GeneralStatusName, statusName);
            if (_d.ExtendedStatusWords > 0) writer.WriteNumber(CipFields.ExtendedStatus, _d.ExtendedStatus);
        }

        if ((_d.ServiceRaw & 0x7F) == CipConstants.MultipleServicePacket) writer.WriteNumber(CipFields.ServiceCount, _d.ServiceCount);
        if (_d.Connected)
        {
            writer.WriteBoolean(CipFields.Connected, true);
            writer.WriteNumber(CipFields.ConnectionId, _d.ConnectionId);
            writer.WriteNumber(CipFields.SequenceCount, _d.SequenceCount);
        }

        if (_d.HasConnection)
        {
            if (!_d.IsResponse || _d.OtConnectionId != 0 || _d.ToConnectionId != 0)
            {
                writer.WriteNumber(CipFields.OtConnectionId, _d.OtConnectionId);
                writer.WriteNumber(CipFields.ToConnectionId, _d.ToConnectionId);
            }
            writer.WriteNumber(CipFields.ConnectionSerial, _d.ConnectionSerial);
            writer.WriteNumber(CipFields.OriginatorVendor, _d.OriginatorVendor);
            writer.WriteNumber(CipFields.OriginatorSerial, _d.OriginatorSerial);
            if (_d.OtRpi != 0 || _d.ToRpi != 0)
            {
                writer.WriteNumber(CipFields.OtRpi, _d.OtRpi);
                writer.WriteNumber(CipFields.ToRpi, _d.ToRpi);
            }
            if (!_d.IsResponse && _d.OtParameters != 0)
            {
                writer.WriteNumber(CipFields.OtParameters, _d.OtParameters);
                writer.WriteNumber(CipFields.ToParameters, _d.ToParameters);
                writer.WriteNumber(CipFields.TransportTrigger, _d.TransportTrigger);
                writer.WriteNumber(CipFields.TimeoutMultiplier, _d.TimeoutMultiplier);
            }
        }

        writer.WriteNumber(CipFields.DataLength, _d.DataLength);
    }

    /// <summary>Tag names are attacker-controlled bytes: written as Latin-1 so invalid UTF-8 cannot break the writer.</summary>
    private static void WriteText(Utf8JsonWriter writer, string name, ReadOnlySpan<byte> value)
    {
        Span<char> chars = stackalloc char[byte.MaxValue];
        int n = Math.Min(value.Length, chars.Length);
        for (int i = 0; i < n; i++) chars[i] = (char)value[i];
        writer.WriteString(name, chars[..n]);
    }
}
