namespace OtSensor.Protocols.OpcUa;

/// <summary>What was wrong with one opc.tcp chunk. Several bits can be set; the message is still emitted.</summary>
/// <remarks>
/// Bit names are stable: they are written to <c>events.jsonl</c> through <see cref="OpcUaNames.Anomaly"/>. A Bad
/// status code in a response is an answer, not an anomaly; only malformed encodings are flagged.
/// </remarks>
[Flags]
public enum OpcUaAnomalies : ulong
{
    None = 0,

    /// <summary>The MessageSize is below the fixed part of the message type (Part 6 §7.1.2, §6.7.2).</summary>
    MessageTooShort = 1UL << 0,

    /// <summary>A ChunkType other than 'F' on HEL/ACK/ERR/RHE/OPN (those are always single chunks, §6.7.2.2, §7.1.2.2).</summary>
    InvalidChunkType = 1UL << 1,

    /// <summary>The message ends before a field it declares (a length or count runs past the MessageSize).</summary>
    Truncated = 1UL << 2,

    /// <summary>A String/ByteString length below -1, or above the decoder's bound (Part 6 §5.2.2.4: -1 is null).</summary>
    InvalidLength = 1UL << 3,

    /// <summary>A NodeId whose encoding byte is not one of 0x00–0x05 (§5.2.2.9 Table 14).</summary>
    InvalidNodeIdEncoding = 1UL << 4,

    /// <summary>The body's type NodeId is not a known Part 4 service encoding (namespace 0, numeric).</summary>
    UnknownService = 1UL << 5,

    /// <summary>An array count below -1 or above the decoder's bound; only the first elements were walked.</summary>
    InvalidArrayLength = 1UL << 6,

    /// <summary>DiagnosticInfo nested deeper than <see cref="OpcUaConstants.MaxDiagnosticDepth"/>.</summary>
    DiagnosticTooDeep = 1UL << 7,

    /// <summary>Hello/Acknowledge ProtocolVersion is not 0 (the only version Part 6 v1.04 defines).</summary>
    UnknownProtocolVersion = 1UL << 8,

    /// <summary>A Hello/Acknowledge buffer size below 8192 bytes (§7.1.2.3).</summary>
    BufferSizeTooSmall = 1UL << 9,

    /// <summary>Hello EndpointUrl of 4096 bytes or more (§7.1.2.3).</summary>
    EndpointUrlTooLong = 1UL << 10,

    /// <summary>A multi-chunk message grew past <see cref="OpcUaConstants.MaxReassembledMessage"/>: its body is not decoded.</summary>
    ReassemblyOverflow = 1UL << 11,

    /// <summary>A chunk larger than <see cref="OpcUaConstants.MaxBufferedChunk"/>: decoded from its first bytes only.</summary>
    OversizedChunk = 1UL << 12,

    /// <summary>A request type sent by the server or a response type sent by the client.</summary>
    UnexpectedDirection = 1UL << 13,
}
