using System.Text.Json;
using OtSensor.Core.Protocols;

namespace OtSensor.Protocols.Iec104;

/// <summary>
/// One IEC 60870-5-104 APDU: the APCI (format, sequence numbers or U function) and, for I format, the ASDU header
/// and its information objects, borrowed in place from the frame.
/// </summary>
/// <remarks>
/// A <c>ref struct</c> valid only during <see cref="Registry.IProtocolEventSink.OnIec104"/>. <see cref="Function"/> is
/// the ASDU type id for I format and -1 for S and U (docs/event-log-contract.md). Strings are created only by
/// <see cref="WriteDetails"/>.
/// </remarks>
public readonly ref struct Iec104Message : IProtocolMessage
{
    /// <summary>Characters for the hex of a whole ASDU body (at most 253 − 4 − 6 octets).</summary>
    private const int MaxHexChars = 2 * Iec104Constants.MaxLengthField;

    private readonly ReadOnlySpan<byte> _frame;
    private readonly Iec104Decoded _d;

    internal Iec104Message(ReadOnlySpan<byte> frame, scoped in Iec104Decoded decoded)
    {
        _frame = frame;
        _d = decoded;
    }

    /// <summary>A message over <paramref name="frame"/> whose fields the parser fills in place through <see cref="Fields"/>.</summary>
    internal Iec104Message(ReadOnlySpan<byte> frame)
    {
        _frame = frame;
        _d = default;
    }

    /// <summary>The decoded fields, writable, for the parser only (messages are built in place: src/OtSensor.Protocols/README.md).</summary>
    [System.Diagnostics.CodeAnalysis.UnscopedRef]
    internal ref Iec104Decoded Fields => ref System.Runtime.CompilerServices.Unsafe.AsRef(in _d);

    /// <summary>The same message with more anomaly bits (the session adds sequence anomalies).</summary>
    internal Iec104Message WithAnomalies(Iec104Anomalies anomalies)
    {
        var d = _d;
        d.Anomalies |= anomalies;
        return new Iec104Message(_frame, in d);
    }

    public ProtocolId Protocol => ProtocolId.Iec104;

    /// <summary>ASDU type id of an I-format APDU; -1 for S and U (and for an I frame without ASDU).</summary>
    public int Function => _d.HasTypeId ? _d.TypeId : -1;

    public string? FunctionName => _d.HasTypeId ? Iec104Names.TypeId(_d.TypeId) : null;

    public OtOperation Operation => _d.Operation;

    public bool IsResponse => _d.IsResponse;

    public ulong Anomalies => (ulong)_d.Anomalies;

    public Iec104Anomalies AnomalyFlags => _d.Anomalies;

    public string AnomalyName(int bit) => Iec104Names.Anomaly(bit);

    /// <summary>The whole APDU, start byte included.</summary>
    public ReadOnlySpan<byte> Frame => _frame;

    public Iec104ApciType ApciType => _d.Type;

    /// <summary>The APDU length byte (control field + ASDU octets).</summary>
    public byte LengthField => _d.LengthField;

    /// <summary>N(S) of an I frame; null for S and U.</summary>
    public ushort? SendSequence => _d.Type == Iec104ApciType.I ? _d.SendSequence : null;

    /// <summary>N(R) of an I or S frame; null for U.</summary>
    public ushort? ReceiveSequence => _d.Type == Iec104ApciType.U ? null : _d.ReceiveSequence;

    /// <summary>U function bits (one bit when valid); <see cref="Iec104UFunction.None"/> for I and S.</summary>
    public Iec104UFunction UFunction => (Iec104UFunction)_d.UBits;

    public bool HasAsdu => _d.HasAsdu;

    public Iec104TypeId? TypeId => _d.HasTypeId ? (Iec104TypeId)_d.TypeId : null;

    /// <summary>SQ bit of the variable structure qualifier: one address for consecutive elements.</summary>
    public bool IsSequence => (_d.Vsq & 0x80) != 0;

    /// <summary>Number of objects the variable structure qualifier declares (0..127).</summary>
    public int DeclaredObjects => _d.Vsq & 0x7F;

    /// <summary>Objects that fit completely in the ASDU (enumerated by <see cref="Objects"/>).</summary>
    public int CompleteObjects => _d.CompleteObjects;

    /// <summary>Cause of transmission (6 bits); null without ASDU.</summary>
    public int? Cause => _d.HasAsdu ? _d.CotOctet & 0x3F : null;

    /// <summary>P/N bit: negative confirmation of an activation.</summary>
    public bool IsNegative => (_d.CotOctet & 0x40) != 0;

    /// <summary>T bit: test transmission.</summary>
    public bool IsTest => (_d.CotOctet & 0x80) != 0;

    public byte Originator => _d.Originator;

    /// <summary>Common address of ASDU; null without ASDU.</summary>
    public ushort? CommonAddress => _d.HasAsdu ? _d.CommonAddress : null;

    /// <summary>The ASDU octets after the six-octet header; empty without ASDU.</summary>
    public ReadOnlySpan<byte> Body => _d.HasAsdu ? _frame[(Iec104Constants.ApciLength + Iec104Constants.AsduHeaderLength)..] : default;

    public Iec104InformationObjects Objects => new(Body, _d.TypeId, IsSequence, _d.CompleteObjects);

    public bool HasIdentity => false;

    public void ReportIdentity(IIdentityReceiver receiver)
    {
        // IEC 104 carries no vendor, model or firmware statement.
    }

    public void WriteDetails(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteString(Iec104Fields.Apci, Iec104Names.Apci(_d.Type));
        writer.WriteNumber(Iec104Fields.Length, _d.LengthField);
        if (_d.Type == Iec104ApciType.I) writer.WriteNumber(Iec104Fields.SendSequence, _d.SendSequence);
        if (_d.Type != Iec104ApciType.U) writer.WriteNumber(Iec104Fields.ReceiveSequence, _d.ReceiveSequence);
        if (_d.Type == Iec104ApciType.U)
        {
            writer.WriteNumber(Iec104Fields.UType, _d.UBits);
            WriteNameOrNull(writer, Iec104Fields.UTypeName, Iec104Names.UFunction((Iec104UFunction)_d.UBits));
        }

        if (!_d.HasAsdu)
        {
            writer.WriteNull(Iec104Fields.Cot);
            writer.WriteNull(Iec104Fields.CommonAddress);
            return;
        }

        int cause = _d.CotOctet & 0x3F;
        writer.WriteNumber(Iec104Fields.Cot, cause);
        WriteNameOrNull(writer, Iec104Fields.CotName, Iec104Names.Cause(cause));
        writer.WriteBoolean(Iec104Fields.Negative, IsNegative);
        writer.WriteBoolean(Iec104Fields.Test, IsTest);
        writer.WriteNumber(Iec104Fields.Originator, _d.Originator);
        writer.WriteNumber(Iec104Fields.CommonAddress, _d.CommonAddress);
        writer.WriteBoolean(Iec104Fields.Sequence, IsSequence);
        writer.WriteNumber(Iec104Fields.NumberOfObjects, DeclaredObjects);

        if (!Iec104Layouts.Of(_d.TypeId).IsKnown)
        {
            WriteHex(writer, Iec104Fields.Body, Body);
            return;
        }

        writer.WriteStartArray(Iec104Fields.Objects);
        foreach (var item in Objects) WriteObject(writer, item);
        writer.WriteEndArray();
    }

    private static void WriteObject(Utf8JsonWriter writer, Iec104InformationObject item)
    {
        writer.WriteStartObject();
        writer.WriteNumber(Iec104Fields.Ioa, item.Address);
        if (item.TryGetValue(out double value))
        {
            if (double.IsFinite(value)) writer.WriteNumber(Iec104Fields.Value, value);
            else writer.WriteNull(Iec104Fields.Value); // JSON has no NaN or infinity
        }
        if (item.Layout.Kind == Iec104ValueKind.StepPosition) writer.WriteBoolean(Iec104Fields.Transient, (item.Element[0] & 0x80) != 0);
        int quality = item.Quality;
        if (quality >= 0) writer.WriteNumber(Iec104Fields.Quality, quality);
        int qualifier = item.Qualifier;
        if (qualifier >= 0)
        {
            writer.WriteNumber(Iec104Fields.Qualifier, qualifier);
            if (item.Layout.Kind is Iec104ValueKind.SingleCommand or Iec104ValueKind.DoubleCommand) writer.WriteBoolean(Iec104Fields.Select, item.IsSelect);
        }
        if (item.HasTime)
        {
            var time = item.Time;
            Span<char> text = stackalloc char[32];
            writer.WriteString(Iec104Fields.Time, text[..time.Format(text)]);
            if (time.Invalid) writer.WriteBoolean(Iec104Fields.TimeInvalid, true);
        }
        if (item.Layout.Kind == Iec104ValueKind.Raw) WriteHex(writer, Iec104Fields.Raw, item.Element);
        writer.WriteEndObject();
    }

    private static void WriteNameOrNull(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null) writer.WriteNull(name);
        else writer.WriteString(name, value);
    }

    private static void WriteHex(Utf8JsonWriter writer, string name, ReadOnlySpan<byte> value)
    {
        Span<char> chars = stackalloc char[MaxHexChars];
        int n = Math.Min(value.Length, MaxHexChars / 2);
        Convert.TryToHexStringLower(value[..n], chars, out int written);
        writer.WriteString(name, chars[..written]);
    }
}
