namespace OtSensor.Protocols.OpcUa;

/// <summary>What the session knows about a chunk before decoding it.</summary>
/// <param name="Policy">The channel's <see cref="OpcUaSecurityPolicy"/> index, from its OPN (or NotSeen).</param>
/// <param name="Continuation">The chunk continues a message whose first chunk carried the type id.</param>
/// <param name="Truncated">Only a prefix of the chunk is offered (an oversized chunk): running out of bytes is no anomaly.</param>
internal readonly record struct OpcUaChunkContext(byte Policy, bool Continuation, bool Truncated = false);
