namespace OtSensor.Protocols.OpcUa;

/// <summary>The transport MessageType of an opc.tcp chunk (Part 6 §7.1.2.2 Table 50, §6.7.2.2 Table 41).</summary>
public enum OpcUaMessageType : byte
{
    Unknown = 0,

    /// <summary>"HEL": the client's Hello (§7.1.2.3).</summary>
    Hello,

    /// <summary>"ACK": the server's Acknowledge (§7.1.2.4).</summary>
    Acknowledge,

    /// <summary>"ERR": an Error that closes the connection (§7.1.2.5).</summary>
    Error,

    /// <summary>"RHE": ReverseHello, sent by a server that opened the connection (§7.1.2.6).</summary>
    ReverseHello,

    /// <summary>"OPN": OpenSecureChannel, asymmetric security header (§6.7.2.3).</summary>
    OpenSecureChannel,

    /// <summary>"MSG": a service message, symmetric security header (§6.7.2.4).</summary>
    Message,

    /// <summary>"CLO": CloseSecureChannel, symmetric security header.</summary>
    CloseSecureChannel,
}
