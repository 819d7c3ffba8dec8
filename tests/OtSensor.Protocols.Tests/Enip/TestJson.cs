using System.Buffers;
using System.Text.Json;
using OtSensor.Core.Protocols;

namespace OtSensor.Protocols.Tests.Enip;

/// <summary>Writes a message's details into a JSON object and parses it back, for assertions on the written keys.</summary>
internal static class TestJson
{
    public static JsonElement Details<TMessage>(in TMessage message) where TMessage : struct, IProtocolMessage, allows ref struct
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            message.WriteDetails(writer);
            writer.WriteEndObject();
        }
        return JsonDocument.Parse(buffer.WrittenMemory).RootElement;
    }
}
