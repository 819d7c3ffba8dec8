using System.Buffers.Binary;
using OtSensor.Core.Parsing;

namespace OtSensor.Protocols.OpcUa;

/// <summary>Recognises opc.tcp by content: on a new flow (<see cref="Recognize"/>) and on resync (<see cref="IsPlausibleHeader"/>).</summary>
/// <remarks>
/// A header is three ASCII letters of a known MessageType (Part 6 §7.1.2.2: HEL, ACK, ERR, RHE; §6.7.2.2: OPN, MSG,
/// CLO), a ChunkType 'F', 'C' or 'A' ('F' only for the unchunked types) and a MessageSize between the type's fixed
/// part and <see cref="OpcUaConstants.MaxChunkSize"/>. Recognition also requires the chunk to decode without
/// structural anomalies and, for MSG/CLO, its body to start with a known service type id: "MSGF" and a small size
/// alone could be text.
/// </remarks>
public static class OpcUaProbe
{
    /// <summary>Bytes of a chunk larger than the probe window that are enough to judge it from its prefix.</summary>
    public const int PrefixDecisionLength = 128;

    /// <summary>Chunks up to this size are judged whole (the engine offers a new flow's first 4 KiB to the probes).</summary>
    public const int WholeDecisionLength = 4000;

    private const OpcUaAnomalies Structural = OpcUaAnomalies.MessageTooShort | OpcUaAnomalies.InvalidChunkType | OpcUaAnomalies.Truncated
        | OpcUaAnomalies.InvalidLength | OpcUaAnomalies.InvalidNodeIdEncoding | OpcUaAnomalies.UnknownService
        | OpcUaAnomalies.InvalidArrayLength | OpcUaAnomalies.DiagnosticTooDeep | OpcUaAnomalies.UnknownProtocolVersion
        | OpcUaAnomalies.EndpointUrlTooLong | OpcUaAnomalies.BufferSizeTooSmall;

    /// <summary>Judges an 8-byte chunk header: <see cref="ProbeResult.Incomplete"/> while fewer bytes decide nothing yet.</summary>
    public static ProbeResult IsPlausibleHeader(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty) return ProbeResult.Incomplete;
        if (data[0] is not ((byte)'H' or (byte)'A' or (byte)'E' or (byte)'R' or (byte)'O' or (byte)'M' or (byte)'C')) return ProbeResult.Unrecognized;
        if (data.Length < 3) return ProbeResult.Incomplete;
        var type = OpcUaParser.MessageTypeOf(data);
        if (type == OpcUaMessageType.Unknown) return ProbeResult.Unrecognized;
        if (data.Length < 4) return ProbeResult.Incomplete;
        byte chunk = data[3];
        if (chunk != (byte)'F' && !(OpcUaParser.IsChunkable(type) && chunk is (byte)'C' or (byte)'A')) return ProbeResult.Unrecognized;
        if (data.Length < OpcUaConstants.HeaderLength) return ProbeResult.Incomplete;
        uint size = BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
        if (size < (uint)OpcUaParser.MinimumSize(type) || size > OpcUaConstants.MaxChunkSize) return ProbeResult.Unrecognized;
        return ProbeResult.Recognized;
    }

    /// <summary>
    /// Recognises a new flow as opc.tcp, strictly: whole chunks back to back, each with a plausible header and
    /// decoding without structural anomalies, ending exactly at the end of the data or with a last chunk still
    /// arriving. A first chunk too large to arrive within the probe window is judged from its first
    /// <see cref="PrefixDecisionLength"/> bytes.
    /// </summary>
    public static ProbeResult Recognize(ReadOnlySpan<byte> data, Direction direction)
    {
        int complete = 0;
        while (true)
        {
            if (data.IsEmpty) return complete > 0 ? ProbeResult.Recognized : ProbeResult.Incomplete;
            var header = IsPlausibleHeader(data);
            if (header == ProbeResult.Unrecognized) return ProbeResult.Unrecognized;
            if (header == ProbeResult.Incomplete) return complete > 0 ? ProbeResult.Recognized : ProbeResult.Incomplete;
            uint size = BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
            if (size > (uint)data.Length)
            {
                if (complete > 0) return ProbeResult.Recognized;
                if (size <= WholeDecisionLength || data.Length < PrefixDecisionLength) return ProbeResult.Incomplete;
                return JudgePrefix(data, direction);
            }

            if (!IsValidChunk(data[..(int)size], direction, truncated: false)) return ProbeResult.Unrecognized;
            complete++;
            data = data[(int)size..];
        }
    }

    private static ProbeResult JudgePrefix(ReadOnlySpan<byte> prefix, Direction direction)
        => IsValidChunk(prefix, direction, truncated: true) ? ProbeResult.Recognized : ProbeResult.Unrecognized;

    private static bool IsValidChunk(ReadOnlySpan<byte> chunk, Direction direction, bool truncated)
    {
        var context = new OpcUaChunkContext(OpcUaSecurityPolicy.NotSeen, Continuation: false, Truncated: truncated);
        if (!OpcUaParser.TryParse(chunk, direction, context, out var message)) return false;
        if ((message.AnomalyFlags & Structural) != 0) return false;
        switch (message.MessageType)
        {
            case OpcUaMessageType.Hello:
                // The EndpointUrl ends the message exactly (§7.1.2.3).
                return !truncated && message.Decoded.Has(OpcUaFieldPresence.EndpointUrl)
                    && message.MessageSize == (uint)(OpcUaConstants.MinHelloLength + Math.Max(message.Decoded.EndpointUrl.Length, 0));
            case OpcUaMessageType.Acknowledge:
                return message.MessageSize == OpcUaConstants.AcknowledgeLength && message.Decoded.Has(OpcUaFieldPresence.TransportParameters);
            case OpcUaMessageType.Error:
                return !truncated && message.Decoded.Has(OpcUaFieldPresence.Error)
                    && message.MessageSize == (uint)(OpcUaConstants.MinErrorLength + Math.Max(message.Decoded.Reason.Length, 0));
            case OpcUaMessageType.ReverseHello:
                return !truncated && message.Decoded.Has(OpcUaFieldPresence.EndpointUrl)
                    && message.MessageSize == (uint)(OpcUaConstants.MinReverseHelloLength + Math.Max(message.Decoded.ServerUri.Length, 0)
                        + Math.Max(message.Decoded.EndpointUrl.Length, 0));
            case OpcUaMessageType.OpenSecureChannel:
                // A secured OPN is ciphertext after its header; its SecurityPolicyUri must be one Part 7 defines.
                if (message.SecurityPolicyIndex is OpcUaSecurityPolicy.NotSeen or OpcUaSecurityPolicy.Other) return false;
                return message.IsEncrypted || message.Service == OpcUaServiceKind.OpenSecureChannel;
            default:
                return message.ChunkType == (byte)'A' ? message.ErrorCode.HasValue : message.Service != OpcUaServiceKind.Unknown;
        }
    }
}
