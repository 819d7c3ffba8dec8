using System.Buffers.Binary;
using System.Text.Json;
using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;

namespace OtSensor.Protocols.Srtp;

/// <summary>One SRTP message: the 56-byte header and its payload.</summary>
/// <remarks>
/// <code>
///  0    2     4        30   31    32       36       42   43   44      46      48       56
///  +----+-----+--------+----+-----+--------+--------+----+----+-------+-------+--------+---------+
///  |Type| Seq |PayLen..| Seq|MsgTy|Mailbox |Mailbox |Svc |Seg |Offset |Length |        | payload |
///  +----+-----+--------+----+-----+src     +dst     +----+----+-------+-------+--------+---------+
///  Type 0 init (all zeros), 1 init reply, 2 request, 3 response; MsgTy C0 request, D4 ACK, 94 ACK with data,
///  D1 error; Svc service request code (requests); PayLen payload bytes after the header (little-endian).
/// </code>
/// A <c>ref struct</c>, valid only during <see cref="Registry.IProtocolEventSink.OnSrtp"/>. <see cref="Function"/> is
/// the service request code (a response takes its request's); initialisation messages have none (-1).
/// </remarks>
public readonly ref struct SrtpMessage : IProtocolMessage
{
    private readonly ReadOnlySpan<byte> _message;
    private readonly int _service;
    private readonly SrtpAnomalies _anomalies;

    private SrtpMessage(ReadOnlySpan<byte> message, int service, SrtpAnomalies anomalies)
    {
        _message = message;
        _service = service;
        _anomalies = anomalies;
    }

    /// <summary>Parses one message (header and payload); <paramref name="message"/> must hold at least the header.</summary>
    public static SrtpMessage Parse(ReadOnlySpan<byte> message, Direction direction)
    {
        if (message.Length < SrtpConstants.HeaderLength) return default;
        byte type = message[0];
        var anomalies = SrtpAnomalies.None;
        int service = -1;
        byte messageType = message[SrtpConstants.MessageTypeOffset];
        switch (type)
        {
            case SrtpConstants.TypeInit:
                if (message[1..SrtpConstants.HeaderLength].ContainsAnyExcept((byte)0)) anomalies |= SrtpAnomalies.InitNotZero;
                break;
            case SrtpConstants.TypeRequest:
                service = message[SrtpConstants.ServiceOffset];
                if (SrtpNames.Service(service) is null) anomalies |= SrtpAnomalies.UnknownService;
                if (messageType != SrtpConstants.MessageRequest) anomalies |= SrtpAnomalies.InvalidMessageType;
                break;
            case SrtpConstants.TypeResponse:
                if (messageType is not (SrtpConstants.MessageAck or SrtpConstants.MessageAckWithData or SrtpConstants.MessageError))
                    anomalies |= SrtpAnomalies.InvalidMessageType;
                break;
        }
        bool response = type is SrtpConstants.TypeInitReply or SrtpConstants.TypeResponse;
        if (response != (direction == Direction.ToClient)) anomalies |= SrtpAnomalies.DirectionMismatch;
        return new SrtpMessage(message, service, anomalies);
    }

    /// <summary>The same response named after its request's service, or flagged unsolicited when none is known.</summary>
    internal SrtpMessage WithRequest(int service)
        => new(_message, service, service < 0 ? _anomalies | SrtpAnomalies.UnsolicitedResponse : _anomalies);

    public ProtocolId Protocol => ProtocolId.Srtp;

    public int Function => _service;

    public string? FunctionName => _service >= 0 ? SrtpNames.Service(_service) : null;

    public OtOperation Operation => _service >= 0 ? SrtpNames.Operation(_service) : OtOperation.Other;

    public bool IsResponse => Type is SrtpConstants.TypeInitReply or SrtpConstants.TypeResponse;

    public ulong Anomalies => (ulong)_anomalies;

    public string AnomalyName(int bit) => SrtpNames.Anomaly(bit);

    public byte Type => _message.IsEmpty ? (byte)0 : _message[0];

    public ReadOnlySpan<byte> Payload => _message.Length > SrtpConstants.HeaderLength ? _message[SrtpConstants.HeaderLength..] : default;

    /// <summary>The Return Controller Type and ID payload layout is not public: no identity is extracted.</summary>
    public bool HasIdentity => false;

    public void ReportIdentity(IIdentityReceiver receiver) => ArgumentNullException.ThrowIfNull(receiver);

    public void WriteDetails(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (_message.Length < SrtpConstants.HeaderLength) return;
        writer.WriteNumber("type", _message[0]);
        writer.WriteNumber("sequence", _message[SrtpConstants.SequenceOffset]);
        writer.WriteNumber("messageType", _message[SrtpConstants.MessageTypeOffset]);
        writer.WriteNumber("payloadLength", _message.Length - SrtpConstants.HeaderLength);
        if (_message[0] != SrtpConstants.TypeRequest) return;
        writer.WriteNumber("segmentSelector", _message[SrtpConstants.SegmentOffset]);
        writer.WriteNumber("dataOffset", BinaryPrimitives.ReadUInt16LittleEndian(_message[SrtpConstants.DataOffsetOffset..]));
        writer.WriteNumber("dataLength", BinaryPrimitives.ReadUInt16LittleEndian(_message[SrtpConstants.DataLengthOffset..]));
    }
}
