using System.Text.Json;
using OtSensor.Core.Protocols;

namespace OtSensor.Protocols.Fox;

/// <summary>One Niagara Fox message: header line and "key=type:value" fields.</summary>
/// <remarks>
/// A <c>ref struct</c> over the message text, valid only during <see cref="Registry.IProtocolEventSink.OnFox"/>.
/// Fox has no numeric codes: <see cref="Function"/> is -1 and <see cref="FunctionName"/> names the command
/// ("hello"). A hello states its sender's host or station name, application (Station, Workbench) and version, and
/// brand: reported as identity.
/// </remarks>
public readonly ref struct FoxMessage : IProtocolMessage
{
    private const string HelloSource = "fox hello";

    private readonly ReadOnlySpan<byte> _text;
    private readonly int _channelStart;
    private readonly int _channelLength;
    private readonly int _commandStart;
    private readonly int _commandLength;
    private readonly FoxAnomalies _anomalies;
    private readonly bool _fromServer;

    internal FoxMessage(ReadOnlySpan<byte> text, int channelStart, int channelLength, int commandStart, int commandLength, FoxAnomalies anomalies, bool fromServer = false)
    {
        _text = text;
        _channelStart = channelStart;
        _channelLength = Math.Max(channelLength, 0);
        _commandStart = commandStart;
        _commandLength = Math.Max(commandLength, 0);
        _anomalies = anomalies;
        _fromServer = fromServer;
    }

    internal FoxMessage FromServer(bool fromServer) => new(_text, _channelStart, _channelLength, _commandStart, _commandLength, _anomalies, fromServer);

    public ProtocolId Protocol => ProtocolId.Fox;

    public int Function => -1;

    public string? FunctionName => IsHello ? "hello" : null;

    public OtOperation Operation => IsHello ? OtOperation.Identification : OtOperation.Other;

    public bool IsResponse => _fromServer;

    public ulong Anomalies => (ulong)_anomalies;

    public string AnomalyName(int bit) => bit switch
    {
        0 => "malformed_header",
        1 => "malformed_field",
        _ => "unknown",
    };

    public ReadOnlySpan<byte> Channel => _text.Slice(_channelStart, _channelLength);

    public ReadOnlySpan<byte> Command => _text.Slice(_commandStart, _commandLength);

    private bool IsHello => Command.SequenceEqual("hello"u8) && Channel.SequenceEqual("fox"u8);

    /// <summary>The value of <paramref name="key"/> without its type prefix ("s:"); empty when absent.</summary>
    public ReadOnlySpan<byte> Field(ReadOnlySpan<byte> key)
    {
        foreach (var line in new FoxLineEnumerator(_text))
        {
            if (line.Length <= key.Length + 1 || !line.StartsWith(key) || line[key.Length] != (byte)'=') continue;
            var value = line[(key.Length + 1)..];
            int colon = value.IndexOf((byte)':');
            return colon < 0 ? value : value[(colon + 1)..];
        }
        return default;
    }

    public bool HasIdentity => IsHello && (!Field("hostName"u8).IsEmpty || !Field("station.name"u8).IsEmpty || !Field("app.version"u8).IsEmpty);

    public void ReportIdentity(IIdentityReceiver receiver)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        if (!HasIdentity) return;
        var name = Field("station.name"u8);
        if (name.IsEmpty) name = Field("hostName"u8);
        if (!name.IsEmpty) receiver.OnIdentity(IdentityField.Name, name, HelloSource);
        var app = Field("app.name"u8);
        if (!app.IsEmpty) receiver.OnIdentity(IdentityField.Model, app, HelloSource);
        var version = Field("app.version"u8);
        if (!version.IsEmpty) receiver.OnIdentity(IdentityField.Firmware, version, HelloSource);
        var brand = Field("brandId"u8);
        if (!brand.IsEmpty) receiver.OnIdentity(IdentityField.Vendor, brand, HelloSource);
    }

    public void WriteDetails(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        WriteLatin1(writer, "channel", Channel);
        WriteLatin1(writer, "command", Command);
        if (!IsHello) return;
        WriteOptional(writer, "hostName", Field("hostName"u8));
        WriteOptional(writer, "stationName", Field("station.name"u8));
        WriteOptional(writer, "appName", Field("app.name"u8));
        WriteOptional(writer, "appVersion", Field("app.version"u8));
        WriteOptional(writer, "osName", Field("os.name"u8));
        WriteOptional(writer, "brandId", Field("brandId"u8));
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, ReadOnlySpan<byte> value)
    {
        if (!value.IsEmpty) WriteLatin1(writer, name, value);
    }

    /// <summary>Latin-1, at most 128 chars: values are attacker-controlled and need not be valid UTF-8.</summary>
    private static void WriteLatin1(Utf8JsonWriter writer, string name, ReadOnlySpan<byte> value)
    {
        Span<char> chars = stackalloc char[128];
        int n = Math.Min(value.Length, chars.Length);
        for (int i = 0; i < n; i++) chars[i] = (char)value[i];
        writer.WriteString(name, chars[..n]);
    }
}
