namespace OtSensor.Protocols.S7CommPlus;

/// <summary>Wire constants of S7comm-plus (S7-1200/1500 over COTP).</summary>
public static class S7CommPlusConstants
{
    /// <summary>First byte of every S7comm-plus frame (and of its trailer).</summary>
    public const byte ProtocolId = 0x72;

    /// <summary>Frame header: 0x72, protocol version, data length (2).</summary>
    public const int HeaderLength = 4;

    /// <summary>Frame trailer: 0x72, protocol version, 0x0000.</summary>
    public const int TrailerLength = 4;

    /// <summary>Integrity part of protocol version 3: digest length byte 0x20 and a 32-byte digest.</summary>
    public const byte DigestLength = 0x20;
    public const int IntegrityPartLength = 1 + DigestLength;

    /// <summary>Request/response body: opcode, reserved (2), function (2), reserved (2), sequence number (2).</summary>
    public const int FunctionOffset = 3;
    public const int SequenceOffset = 7;

    /// <summary>Requests continue with the session id (4) and transport flags (1).</summary>
    public const int SessionIdOffset = 9;

    /// <summary>Notifications start with the subscription object id (4) after the opcode.</summary>
    public const int SubscriptionIdOffset = 1;
}
