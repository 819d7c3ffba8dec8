using System.Buffers.Binary;
using OtSensor.Core.Parsing;

namespace OtSensor.Protocols.OpcUa;

/// <summary>Decodes one opc.tcp chunk: transport header, security headers and the start of the service body.</summary>
/// <remarks>
/// <code>
/// Part 6 §7.1.2.2 message header (every chunk)      §6.7.2.3 asymmetric header (OPN)
///  0      3     4           8                         SecureChannelId  UInt32
///  +------+-----+-----------+                         SecurityPolicyUri       String (Int32 len, -1 = null)
///  | type |chunk| size u32  |  "HEL" "ACK" "ERR"      SenderCertificate       ByteString
///  +------+-----+-----------+  "RHE" "OPN" "MSG"      ReceiverCertificateThumbprint ByteString
///           'F' final, 'C' intermediate, 'A' abort  §6.7.2.4 symmetric header (MSG, CLO)
///                                                     SecureChannelId, TokenId      UInt32 each
/// §6.7.2.5 sequence header: SequenceNumber, RequestId (UInt32 each), then the body:
///   the NodeId of the body's binary encoding (§5.2.2.9), then the request or response structure (Part 4).
/// Hello: ProtocolVersion, ReceiveBufferSize, SendBufferSize, MaxMessageSize, MaxChunkCount, EndpointUrl (§7.1.2.3)
/// Acknowledge: the five UInt32 (§7.1.2.4)   Error: Error StatusCode, Reason String (§7.1.2.5)
/// ReverseHello: ServerUri, EndpointUrl (§7.1.2.6)   Abort chunk body: Error, Reason (§6.7.3)
/// </code>
/// All integers little-endian. When the channel's SecurityPolicy is not None, the OPN sequence header and body are
/// encrypted (§6.7.2.1: asymmetric encryption even in Sign mode); a MSG body is encrypted only in SignAndEncrypt
/// mode, which is only known from the GetEndpoints answer, so a MSG body is decoded when its type id is a known
/// service and reported <c>encrypted</c> otherwise.
/// </remarks>
public static class OpcUaParser
{
    /// <summary>The MessageType of the three ASCII bytes at the start of a chunk; Unknown when none.</summary>
    public static OpcUaMessageType MessageTypeOf(ReadOnlySpan<byte> header)
    {
        if (header.Length < 3) return OpcUaMessageType.Unknown;
        return (header[0], header[1], header[2]) switch
        {
            ((byte)'H', (byte)'E', (byte)'L') => OpcUaMessageType.Hello,
            ((byte)'A', (byte)'C', (byte)'K') => OpcUaMessageType.Acknowledge,
            ((byte)'E', (byte)'R', (byte)'R') => OpcUaMessageType.Error,
            ((byte)'R', (byte)'H', (byte)'E') => OpcUaMessageType.ReverseHello,
            ((byte)'O', (byte)'P', (byte)'N') => OpcUaMessageType.OpenSecureChannel,
            ((byte)'M', (byte)'S', (byte)'G') => OpcUaMessageType.Message,
            ((byte)'C', (byte)'L', (byte)'O') => OpcUaMessageType.CloseSecureChannel,
            _ => OpcUaMessageType.Unknown,
        };
    }

    /// <summary>The smallest MessageSize a chunk of <paramref name="type"/> can have.</summary>
    public static int MinimumSize(OpcUaMessageType type) => type switch
    {
        OpcUaMessageType.Hello => OpcUaConstants.MinHelloLength,
        OpcUaMessageType.Acknowledge => OpcUaConstants.AcknowledgeLength,
        OpcUaMessageType.Error => OpcUaConstants.MinErrorLength,
        OpcUaMessageType.ReverseHello => OpcUaConstants.MinReverseHelloLength,
        OpcUaMessageType.OpenSecureChannel => OpcUaConstants.MinOpenLength,
        _ => OpcUaConstants.MinSymmetricLength,
    };

    /// <summary>Whether a chunk of this type may be intermediate or aborted (only service messages are chunked).</summary>
    public static bool IsChunkable(OpcUaMessageType type) => type is OpcUaMessageType.Message or OpcUaMessageType.CloseSecureChannel;

    /// <summary>
    /// Decodes a whole chunk on its own, as on a channel whose policy is None (or not yet seen). Returns false only
    /// when <paramref name="frame"/> is not a chunk header at all (unknown type or shorter than 8 bytes).
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> frame, Direction direction, out OpcUaMessage message)
    {
        var state = new OpcUaChunkContext(OpcUaSecurityPolicy.NotSeen, Continuation: false);
        return TryParse(frame, direction, state, out message);
    }

    /// <summary>Decodes a chunk with what the session knows of its channel and message.</summary>
    internal static bool TryParse(ReadOnlySpan<byte> frame, Direction direction, OpcUaChunkContext context, out OpcUaMessage message)
    {
        message = default;
        if (!TryParseHeaders(frame, direction, context, out var d, out int bodyOffset)) return false;
        var body = bodyOffset >= 0 ? frame[bodyOffset..] : default;
        if (bodyOffset >= 0 && NeedsBody(in d)) ParseBody(body, direction, ref d, context.Truncated);
        message = new OpcUaMessage(frame, body, in d);
        return true;
    }

    /// <summary>
    /// Reads the transport and security headers and, for secured messages, the sequence header; sets
    /// <paramref name="bodyOffset"/> to the service body (the type NodeId), or -1 when the body is not readable.
    /// </summary>
    internal static bool TryParseHeaders(ReadOnlySpan<byte> frame, Direction direction, OpcUaChunkContext context, out OpcUaDecoded d, out int bodyOffset)
    {
        d = default;
        bodyOffset = -1;
        if (frame.Length < OpcUaConstants.HeaderLength) return false;
        d.Type = MessageTypeOf(frame);
        if (d.Type == OpcUaMessageType.Unknown) return false;
        d.ChunkType = frame[3];
        d.MessageSize = BinaryPrimitives.ReadUInt32LittleEndian(frame[4..]);
        // Until a service type id says otherwise: transport answers are responses, secured chunks follow the direction.
        d.IsResponse = d.Type is OpcUaMessageType.Acknowledge or OpcUaMessageType.Error
            || (d.Type is OpcUaMessageType.Message or OpcUaMessageType.OpenSecureChannel or OpcUaMessageType.CloseSecureChannel
                && direction == Direction.ToClient);
        if (d.ChunkType is not ((byte)'F' or (byte)'C' or (byte)'A') || (d.ChunkType != (byte)'F' && !IsChunkable(d.Type)))
            d.Anomalies |= OpcUaAnomalies.InvalidChunkType;
        if (d.MessageSize < (uint)MinimumSize(d.Type)) d.Anomalies |= OpcUaAnomalies.MessageTooShort;

        var reader = new OpcUaReader(frame);
        reader.Skip(OpcUaConstants.HeaderLength);
        switch (d.Type)
        {
            case OpcUaMessageType.Hello:
            case OpcUaMessageType.Acknowledge:
            case OpcUaMessageType.Error:
            case OpcUaMessageType.ReverseHello:
                bodyOffset = 0; // transport messages: the "body" is the whole chunk, so ranges point into the frame
                return true;
            case OpcUaMessageType.OpenSecureChannel:
                ReadAsymmetricHeader(ref reader, frame, ref d);
                d.PolicyIndex = d.Has(OpcUaFieldPresence.PolicyUri) ? OpcUaSecurityPolicy.Find(d.PolicyUri.Of(frame)) : OpcUaSecurityPolicy.NotSeen;
                if (!reader.Ok) break;
                if (d.PolicyIndex is not (OpcUaSecurityPolicy.None or OpcUaSecurityPolicy.NotSeen))
                {
                    // §6.7.2.1: OPN sequence header and body are asymmetrically encrypted whenever the policy is not None.
                    d.Present |= OpcUaFieldPresence.Encrypted;
                    return true;
                }
                break;
            default:
                if (reader.UInt32(out d.SecureChannelId) && reader.UInt32(out d.TokenId))
                    d.Present |= OpcUaFieldPresence.SecureChannelId | OpcUaFieldPresence.TokenId;
                d.PolicyIndex = context.Policy;
                break;
        }

        if (!reader.Ok)
        {
            d.Anomalies |= context.Truncated ? reader.Error & ~OpcUaAnomalies.Truncated : reader.Error;
            return true;
        }

        if (reader.UInt32(out d.SequenceNumber) && reader.UInt32(out d.RequestId))
        {
            d.Present |= OpcUaFieldPresence.Sequence;
            bodyOffset = reader.Position;
        }
        else if (!context.Truncated)
        {
            d.Anomalies |= reader.Error;
        }

        if (d.Type != OpcUaMessageType.OpenSecureChannel && context.Policy is not (OpcUaSecurityPolicy.None or OpcUaSecurityPolicy.NotSeen)
            && !context.Continuation && d.ChunkType != (byte)'A' && !LooksLikeServiceBody(frame[Math.Min(reader.Position, frame.Length)..]))
        {
            // Signed channel whose body is not a readable service type: SignAndEncrypt, so the sequence header read
            // above is ciphertext too.
            d.Present = (d.Present & ~OpcUaFieldPresence.Sequence) | OpcUaFieldPresence.Encrypted;
            d.SequenceNumber = 0;
            d.RequestId = 0;
            bodyOffset = -1;
            return true;
        }

        if (context.Continuation) d.Present |= OpcUaFieldPresence.Continuation;
        return true;
    }

    /// <summary>True when the bytes start with the numeric type id of a known service (a plaintext body).</summary>
    internal static bool LooksLikeServiceBody(ReadOnlySpan<byte> body)
    {
        var reader = new OpcUaReader(body);
        return reader.NodeId(out var id) && id.IsStandardNumeric && OpcUaServices.Find(id.Numeric).Kind != OpcUaServiceKind.Unknown;
    }

    private static void ReadAsymmetricHeader(ref OpcUaReader reader, ReadOnlySpan<byte> frame, ref OpcUaDecoded d)
    {
        _ = frame;
        if (!reader.UInt32(out d.SecureChannelId)) return;
        d.Present |= OpcUaFieldPresence.SecureChannelId;
        if (!reader.Bytes(out d.PolicyUri, OpcUaConstants.MaxEndpointUrlLength)) return;
        d.Present |= OpcUaFieldPresence.PolicyUri;
        if (!reader.Bytes(out var certificate) || !reader.Bytes(out var thumbprint)) return;
        d.SenderCertificateLength = certificate.Length;
        d.ThumbprintLength = thumbprint.Length;
    }

    private static bool NeedsBody(in OpcUaDecoded d)
        => d.Type is OpcUaMessageType.Hello or OpcUaMessageType.Acknowledge or OpcUaMessageType.Error or OpcUaMessageType.ReverseHello
            || (d.Has(OpcUaFieldPresence.Sequence) && !d.Has(OpcUaFieldPresence.Encrypted));

    /// <summary>
    /// Decodes a body: transport message fields for HEL/ACK/ERR/RHE, the abort reason of an 'A' chunk, or the service
    /// type id and the service fields this sensor reports. <paramref name="truncated"/> when the body is a prefix only.
    /// </summary>
    internal static void ParseBody(ReadOnlySpan<byte> body, Direction direction, ref OpcUaDecoded d, bool truncated)
    {
        var reader = new OpcUaReader(body);
        switch (d.Type)
        {
            case OpcUaMessageType.Hello:
            case OpcUaMessageType.Acknowledge:
                reader.Skip(OpcUaConstants.HeaderLength);
                if (reader.UInt32(out d.ProtocolVersion) && reader.UInt32(out d.ReceiveBufferSize) && reader.UInt32(out d.SendBufferSize)
                    && reader.UInt32(out d.MaxMessageSize) && reader.UInt32(out d.MaxChunkCount))
                {
                    d.Present |= OpcUaFieldPresence.TransportParameters;
                    if (d.ProtocolVersion != 0) d.Anomalies |= OpcUaAnomalies.UnknownProtocolVersion;
                    if (d.ReceiveBufferSize < OpcUaConstants.MinBufferSize || d.SendBufferSize < OpcUaConstants.MinBufferSize)
                        d.Anomalies |= OpcUaAnomalies.BufferSizeTooSmall;
                }
                if (d.Type == OpcUaMessageType.Hello && reader.Bytes(out d.EndpointUrl))
                {
                    d.Present |= OpcUaFieldPresence.EndpointUrl;
                    if (d.EndpointUrl.Length >= OpcUaConstants.MaxEndpointUrlLength) d.Anomalies |= OpcUaAnomalies.EndpointUrlTooLong;
                }
                break;
            case OpcUaMessageType.Error:
                reader.Skip(OpcUaConstants.HeaderLength);
                ReadError(ref reader, ref d);
                break;
            case OpcUaMessageType.ReverseHello:
                reader.Skip(OpcUaConstants.HeaderLength);
                if (reader.Bytes(out d.ServerUri, OpcUaConstants.MaxEndpointUrlLength)) d.Present |= OpcUaFieldPresence.ServerUri;
                if (reader.Bytes(out d.EndpointUrl, OpcUaConstants.MaxEndpointUrlLength)) d.Present |= OpcUaFieldPresence.EndpointUrl;
                break;
            default:
                if (d.ChunkType == (byte)'A') ReadError(ref reader, ref d);
                else if (!d.Has(OpcUaFieldPresence.Continuation)) OpcUaServiceParser.Parse(ref reader, direction, ref d);
                break;
        }

        var error = reader.Error;
        // An intermediate chunk ends mid-body by design (§6.7.2.2); a prefix of an oversized chunk too.
        if (truncated || d.ChunkType == (byte)'C') error &= ~OpcUaAnomalies.Truncated;
        d.Anomalies |= error;
    }

    private static void ReadError(ref OpcUaReader reader, ref OpcUaDecoded d)
    {
        if (!reader.UInt32(out d.ErrorCode)) return;
        d.Present |= OpcUaFieldPresence.Error;
        reader.Bytes(out d.Reason, OpcUaConstants.MaxEndpointUrlLength);
    }
}
