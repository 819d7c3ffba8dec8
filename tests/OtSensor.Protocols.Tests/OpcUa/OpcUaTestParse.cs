using System.Text.Json;
using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.OpcUa;

namespace OtSensor.Protocols.Tests.OpcUa;

/// <summary>Parses one chunk on its own and snapshots it like the sink would.</summary>
internal static class OpcUaTestParse
{
    public static RecordedMessage Parse(byte[] chunk, Direction direction)
    {
        Assert.True(OpcUaParser.TryParse(chunk, direction, out var message));
        var sink = new RecordingSink();
        sink.OnOpcUa(in message);
        return sink.Messages[0];
    }

    /// <summary>The identity statements of one chunk, as (field, text) pairs.</summary>
    public static List<(IdentityField Field, string Value)> Identity(byte[] chunk, Direction direction)
    {
        Assert.True(OpcUaParser.TryParse(chunk, direction, out var message));
        var receiver = new IdentityCollector();
        Assert.True(message.HasIdentity);
        message.ReportIdentity(receiver);
        return receiver.Values;
    }

    public static string? Text(this JsonElement element, string name)
        => element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private sealed class IdentityCollector : IIdentityReceiver
    {
        public List<(IdentityField Field, string Value)> Values { get; } = [];

        public void OnIdentity(IdentityField field, ReadOnlySpan<byte> value, string source)
            => Values.Add((field, System.Text.Encoding.UTF8.GetString(value)));
    }
}
