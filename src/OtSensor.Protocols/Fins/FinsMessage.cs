using System.Text.Json;
using OtSensor.Core.Protocols;

namespace OtSensor.Protocols.Fins;

/// <summary>One FINS frame, or one FINS/TCP message (node address exchange or a frame inside it).</summary>
/// <remarks>
/// A <c>ref struct</c> over the bytes, valid only during <see cref="Registry.IProtocolEventSink.OnFins"/>.
/// <see cref="Function"/> is the command code MRC &lt;&lt; 8 | SRC; FINS/TCP node address messages have none (-1) and
/// carry <c>tcpCommand</c>. A successful Controller Data Read (05 01) response states the CPU model and version.
/// </remarks>
public readonly ref struct FinsMessage : IProtocolMessage
{
    private const string ControllerDataSource = "fins 05 01 Controller Data Read response";

    private readonly ReadOnlySpan<byte> _bytes;
    private readonly FinsDecoded _d;

    /// <summary>A message over <paramref name="bytes"/> whose fields the parser fills in place through <see cref="Fields"/>.</summary>
    internal FinsMessage(ReadOnlySpan<byte> bytes)
    {
        _bytes = bytes;
        _d = default;
    }

    /// <summary>The decoded fields, writable, for the parser only (messages are built in place: src/OtSensor.Protocols/README.md).</summary>
    [System.Diagnostics.CodeAnalysis.UnscopedRef]
    internal ref FinsDecoded Fields => ref System.Runtime.CompilerServices.Unsafe.AsRef(in _d);

    public ProtocolId Protocol => ProtocolId.Fins;

    public int Function => _d.HasFrame ? _d.Command : -1;

    public string? FunctionName => _d.HasFrame && _d.Command >= 0 ? FinsNames.Command(_d.Command) : null;

    public OtOperation Operation => _d.HasFrame && _d.Command >= 0 ? FinsNames.Operation(_d.Command) : OtOperation.Other;

    public bool IsResponse => _d.HasFrame ? (_d.Icf & FinsConstants.IcfResponse) != 0 : _d.TcpCommand == FinsConstants.TcpNodeAddressServer;

    public ulong Anomalies => (ulong)_d.Anomalies;

    public FinsAnomalies AnomalyFlags => _d.Anomalies;

    public string AnomalyName(int bit) => FinsNames.Anomaly(bit);

    public ushort? EndCode => _d.HasEndCode ? _d.EndCode : null;

    /// <summary>Command or response data (after the command code, or after the end code).</summary>
    public ReadOnlySpan<byte> Data => _d.HasFrame ? _bytes.Slice(_d.DataOffset, _d.DataLength) : default;

    private bool IsControllerData => _d.HasFrame && _d.Command == 0x0501 && _d.HasEndCode && _d.EndCode == 0
        && _d.DataLength >= 2 * FinsConstants.ControllerFieldLength;

    /// <summary>CPU Unit model: the first 20 bytes of a Controller Data Read response, NULs and spaces trimmed.</summary>
    public ReadOnlySpan<byte> ControllerModel => IsControllerData ? Trim(Data[..FinsConstants.ControllerFieldLength]) : default;

    /// <summary>CPU Unit version: the next 20 bytes, up to the first NUL.</summary>
    public ReadOnlySpan<byte> ControllerVersion => IsControllerData ? Trim(Data.Slice(FinsConstants.ControllerFieldLength, FinsConstants.ControllerFieldLength)) : default;

    public bool HasIdentity => IsControllerData && !ControllerModel.IsEmpty;

    public void ReportIdentity(IIdentityReceiver receiver)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        if (!HasIdentity) return;
        receiver.OnIdentity(IdentityField.Vendor, "Omron"u8, ControllerDataSource);
        receiver.OnIdentity(IdentityField.Model, ControllerModel, ControllerDataSource);
        if (!ControllerVersion.IsEmpty) receiver.OnIdentity(IdentityField.Firmware, ControllerVersion, ControllerDataSource);
    }

    /// <summary>Up to the first NUL, then without leading and trailing spaces.</summary>
    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> field)
    {
        int start = 0;
        while (start < field.Length && field[start] == (byte)' ') start++;
        field = field[start..];
        int end = field.IndexOf((byte)0);
        if (end < 0) end = field.Length;
        while (end > 0 && field[end - 1] == (byte)' ') end--;
        return field[..end];
    }

    public void WriteDetails(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (_d.HasTcpHeader)
        {
            writer.WriteNumber("tcpCommand", _d.TcpCommand);
            var name = FinsNames.TcpCommand(_d.TcpCommand);
            if (name is null) writer.WriteNull("tcpCommandName");
            else writer.WriteString("tcpCommandName", name);
            writer.WriteNumber("tcpErrorCode", _d.TcpErrorCode);
            if (_d.HasNodes)
            {
                writer.WriteNumber("clientNode", _d.ClientNode);
                if (_d.TcpCommand == FinsConstants.TcpNodeAddressServer) writer.WriteNumber("serverNode", _d.ServerNode);
            }
        }
        if (!_d.HasFrame) return;
        writer.WriteNumber("icf", _d.Icf);
        writer.WriteNumber("gct", _d.Gct);
        writer.WriteNumber("dna", _d.Dna);
        writer.WriteNumber("da1", _d.Da1);
        writer.WriteNumber("da2", _d.Da2);
        writer.WriteNumber("sna", _d.Sna);
        writer.WriteNumber("sa1", _d.Sa1);
        writer.WriteNumber("sa2", _d.Sa2);
        writer.WriteNumber("sid", _d.Sid);
        if (_d.HasEndCode) writer.WriteNumber("endCode", _d.EndCode);
        if (HasIdentity)
        {
            WriteLatin1(writer, "controllerModel", ControllerModel);
            WriteLatin1(writer, "controllerVersion", ControllerVersion);
        }
        writer.WriteNumber("dataLength", _d.DataLength);
    }

    private static void WriteLatin1(Utf8JsonWriter writer, string name, ReadOnlySpan<byte> value)
    {
        Span<char> chars = stackalloc char[FinsConstants.ControllerFieldLength];
        int n = Math.Min(value.Length, chars.Length);
        for (int i = 0; i < n; i++) chars[i] = (char)value[i];
        writer.WriteString(name, chars[..n]);
    }
}
