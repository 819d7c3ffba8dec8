using System.Text.Json;
using OtSensor.Core.Protocols;

namespace OtSensor.Protocols.C37118;

/// <summary>One IEEE C37.118.2-2011 synchrophasor frame.</summary>
/// <remarks>
/// A <c>ref struct</c> over the frame, valid only during <see cref="Registry.IProtocolEventSink.OnC37118"/>.
/// <see cref="Function"/> is the frame type (SYNC bits 6–4). A configuration frame of one PMU states that PMU's
/// station name (STN): reported as the sender's name. A multi-PMU configuration comes from a PDC and names the PMUs
/// behind it, not the sender, so it states no identity.
/// </remarks>
public readonly ref struct C37118Message : IProtocolMessage
{
    private const string StationSource = "c37118 configuration frame STN (station name)";

    private readonly ReadOnlySpan<byte> _frame;
    private readonly C37118Decoded _d;

    /// <summary>A message over <paramref name="frame"/> whose fields the parser fills in place through <see cref="Fields"/>.</summary>
    internal C37118Message(ReadOnlySpan<byte> frame)
    {
        _frame = frame;
        _d = default;
    }

    /// <summary>The decoded fields, writable, for the parser only (messages are built in place: src/OtSensor.Protocols/README.md).</summary>
    [System.Diagnostics.CodeAnalysis.UnscopedRef]
    internal ref C37118Decoded Fields => ref System.Runtime.CompilerServices.Unsafe.AsRef(in _d);

    public ProtocolId Protocol => ProtocolId.C37118;

    /// <summary>Frame type: 0 data, 1 header, 2 CFG-1, 3 CFG-2, 4 command, 5 CFG-3.</summary>
    public int Function => _d.FrameType;

    public string? FunctionName => C37118Names.FrameType(_d.FrameType);

    public OtOperation Operation => C37118Names.Operation(_d.FrameType, _d.HasCommand, _d.Command);

    /// <summary>Everything but a command frame travels from the PMU/PDC (the data source).</summary>
    public bool IsResponse => _d.FrameType != C37118Constants.FrameTypeCommand;

    public ulong Anomalies => (ulong)_d.Anomalies;

    public C37118Anomalies AnomalyFlags => _d.Anomalies;

    public string AnomalyName(int bit) => C37118Names.Anomaly(bit);

    public int Version => _d.Version;
    public ushort IdCode => _d.IdCode;
    public uint Soc => _d.Soc;
    public uint FractionOfSecond => _d.FractionOfSecond;
    public ushort? Command => _d.HasCommand ? _d.Command : null;
    public int NumPmu => _d.NumPmu;

    /// <summary>Station name of the first PMU of a configuration frame, trailing spaces and NULs removed.</summary>
    public ReadOnlySpan<byte> Station
    {
        get
        {
            if (_d.PmusParsed == 0) return default;
            var name = _frame.Slice(_d.StationOffset, _d.StationLength);
            int end = name.Length;
            while (end > 0 && name[end - 1] is (byte)' ' or 0) end--;
            return name[..end];
        }
    }

    public bool HasIdentity => _d.HasConfig && _d.NumPmu == 1 && _d.PmusParsed == 1 && !Station.IsEmpty
        && (_d.Anomalies & (C37118Anomalies.ChecksumMismatch | C37118Anomalies.FrameTooShort | C37118Anomalies.FrameSizeMismatch)) == 0;

    public void ReportIdentity(IIdentityReceiver receiver)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        if (HasIdentity) receiver.OnIdentity(IdentityField.Name, Station, StationSource);
    }

    public void WriteDetails(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumber(C37118Fields.Version, _d.Version);
        writer.WriteNumber(C37118Fields.FrameSize, _d.FrameSize);
        writer.WriteNumber(C37118Fields.IdCode, _d.IdCode);
        writer.WriteNumber(C37118Fields.Soc, _d.Soc);
        writer.WriteNumber(C37118Fields.TimeQuality, _d.TimeQuality);
        writer.WriteNumber(C37118Fields.FractionOfSecond, _d.FractionOfSecond);
        writer.WriteNumber(C37118Fields.Checksum, _d.Checksum);
        if (_d.HasCommand)
        {
            writer.WriteNumber(C37118Fields.Command, _d.Command);
            var name = C37118Names.Command(_d.Command);
            if (name is null) writer.WriteNull(C37118Fields.CommandName);
            else writer.WriteString(C37118Fields.CommandName, name);
        }

        if (!_d.HasConfig) return;
        writer.WriteNumber(C37118Fields.TimeBase, _d.TimeBase);
        writer.WriteNumber(C37118Fields.NumPmu, _d.NumPmu);
        if (_d.PmusParsed > 0)
        {
            var station = Station;
            Span<char> chars = stackalloc char[256];
            for (int i = 0; i < station.Length; i++) chars[i] = (char)station[i]; // ASCII by spec, Latin-1 if not
            writer.WriteString(C37118Fields.Station, chars[..station.Length]);
            writer.WriteNumber(C37118Fields.PmuIdCode, _d.PmuIdCode);
            if (_d.FrameType != C37118Constants.FrameTypeConfig3) writer.WriteNumber(C37118Fields.ConfigChangeCount, _d.ConfigChangeCount);
        }
        if (_d.HasDataRate) writer.WriteNumber(C37118Fields.DataRate, _d.DataRate);
    }
}
