using System.Text.Json.Serialization;

namespace OtSensor.Outputs.Forwarding;

/// <summary>Source-generated JSON for the outbox payload (no reflection: the CLI is built native).</summary>
[JsonSerializable(typeof(OutboundAlert))]
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
internal sealed partial class ForwardingJsonContext : JsonSerializerContext;
