using System.Buffers.Binary;
using OtSensor.Core.Protocols;

namespace OtSensor.Protocols.S7CommPlus;

/// <summary>Parses one S7comm-plus frame (a COTP TSDU starting with 0x72). Never throws, never allocates.</summary>
/// <remarks>
/// S7comm-plus is proprietary and unpublished; the layout is from public reverse engineering (the S7comm-plus
/// Wireshark plugin's documentation, "The spear to break the security wall of S7CommPlus", Black Hat 2017)
/// and the captures in this repository, cited as facts only.
/// <code>
/// +------+---------+-------------+-------------------------+--------------------------------+---------------+
/// | 0x72 | version | data length | [V3: 0x20, digest (32)] | opcode | body ...              | 72 ver 00 00  |
/// +------+---------+-------------+-------------------------+--------------------------------+---------------+
///    1        1          2          integrity part (V3)     data length counts integrity + body  trailer (last
///                                                                                              fragment only)
/// Request  (0x31): opcode, reserved(2), function(2), reserved(2), sequence(2), session id(4), flags(1), ...
/// Response (0x32): opcode, reserved(2), function(2), reserved(2), sequence(2), flags(1), ...
/// Notification (0x33): opcode, subscription object id(4), ...
/// </code>
/// A PDU too large for one frame is split: the first frame has the opcode, the following frames carry only
/// header and data, and only the last has the trailer. Version 3 frames are integrity-protected (an HMAC over
/// the data); they are marked as such and nothing is verified or decrypted.
/// </remarks>
public static class S7CommPlusParser
{
    /// <param name="continuation">True when the previous frame in this direction had no trailer (more fragments).</param>
    public static S7CommPlusMessage Parse(ReadOnlySpan<byte> frame, bool continuation = false)
    {
        Parse(frame, continuation, out var message);
        return message;
    }

    /// <summary>The same, built in place in the caller's <paramref name="message"/> (the sessions' hot path: src/OtSensor.Protocols/README.md).</summary>
    internal static void Parse(ReadOnlySpan<byte> frame, bool continuation, out S7CommPlusMessage message)
    {
        message = new S7CommPlusMessage(frame);
        ref S7CommPlusDecoded d = ref message.Fields;
        d.Opcode = -1;
        d.Function = -1;
        d.Sequence = -1;
        d.SessionId = -1;
        d.SubscriptionId = -1;
        d.Continuation = continuation;
        if (frame.Length < S7CommPlusConstants.HeaderLength)
        {
            d.Anomalies = S7CommPlusAnomalies.TruncatedHeader;
            if (frame.Length >= 2) d.Version = frame[1];
            return;
        }
        d.Version = frame[1];
        d.DataLength = BinaryPrimitives.ReadUInt16BigEndian(frame[2..]);
        if (d.Version is not (1 or 2 or 3 or 0xFE)) d.Anomalies |= S7CommPlusAnomalies.UnknownVersion;
        int available = frame.Length - S7CommPlusConstants.HeaderLength;
        int dataLength = d.DataLength;
        if (dataLength > available)
        {
            d.Anomalies |= S7CommPlusAnomalies.LengthOverrun;
            dataLength = available;
        }
        var after = frame[(S7CommPlusConstants.HeaderLength + dataLength)..];
        if (after.IsEmpty)
        {
            d.MoreFragments = true;
        }
        else if (after.Length != S7CommPlusConstants.TrailerLength || after[0] != S7CommPlusConstants.ProtocolId
                 || after[1] != d.Version || after[2] != 0 || after[3] != 0)
        {
            d.Anomalies |= S7CommPlusAnomalies.InvalidTrailer;
        }
        var data = frame.Slice(S7CommPlusConstants.HeaderLength, dataLength);
        if (continuation)
        {
            d.Operation = OtOperation.None;
            return;
        }
        if (d.Version == 3 && data.Length > S7CommPlusConstants.IntegrityPartLength && data[0] == S7CommPlusConstants.DigestLength)
        {
            d.IntegrityProtected = true;
            data = data[S7CommPlusConstants.IntegrityPartLength..];
        }
        if (data.IsEmpty)
        {
            // A V254 keep-alive has no body; anything else without an opcode is cut short.
            if (d.Version != 0xFE) d.Anomalies |= S7CommPlusAnomalies.TruncatedHeader;
            return;
        }
        d.Opcode = data[0];
        switch ((S7CommPlusOpcode)d.Opcode)
        {
            case S7CommPlusOpcode.Request:
            case S7CommPlusOpcode.Response:
            case S7CommPlusOpcode.Response2:
                if (data.Length < S7CommPlusConstants.SequenceOffset + 2)
                {
                    if (data.Length >= S7CommPlusConstants.FunctionOffset + 2)
                        d.Function = BinaryPrimitives.ReadUInt16BigEndian(data[S7CommPlusConstants.FunctionOffset..]);
                    d.Anomalies |= S7CommPlusAnomalies.TruncatedBody;
                    break;
                }
                d.Function = BinaryPrimitives.ReadUInt16BigEndian(data[S7CommPlusConstants.FunctionOffset..]);
                d.Sequence = BinaryPrimitives.ReadUInt16BigEndian(data[S7CommPlusConstants.SequenceOffset..]);
                if (d.Opcode == (int)S7CommPlusOpcode.Request && data.Length >= S7CommPlusConstants.SessionIdOffset + 4)
                    d.SessionId = BinaryPrimitives.ReadUInt32BigEndian(data[S7CommPlusConstants.SessionIdOffset..]);
                if (S7CommPlusNames.Function(d.Function) is null) d.Anomalies |= S7CommPlusAnomalies.UnknownFunction;
                break;
            case S7CommPlusOpcode.Notification:
                if (data.Length >= S7CommPlusConstants.SubscriptionIdOffset + 4)
                    d.SubscriptionId = BinaryPrimitives.ReadUInt32BigEndian(data[S7CommPlusConstants.SubscriptionIdOffset..]);
                else
                    d.Anomalies |= S7CommPlusAnomalies.TruncatedBody;
                break;
            default:
                d.Anomalies |= S7CommPlusAnomalies.UnknownOpcode;
                break;
        }
        d.Operation = S7CommPlusOperations.Of(d.Opcode, d.Function);
        return;
    }
}
