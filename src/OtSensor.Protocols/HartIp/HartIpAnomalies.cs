namespace OtSensor.Protocols.HartIp;

/// <summary>What was wrong with one HART-IP message. Names come from <see cref="HartIpNames.Anomaly"/>.</summary>
[Flags]
public enum HartIpAnomalies : ulong
{
    None = 0,

    /// <summary>Version other than 1 or 2 (HCF_SPEC-85 message header).</summary>
    UnknownVersion = 1UL << 0,

    /// <summary>Message type other than request, response, publish, error or NAK, or reserved bits set.</summary>
    UnknownMessageType = 1UL << 1,

    /// <summary>Message id not defined by the specification.</summary>
    UnknownMessageId = 1UL << 2,

    /// <summary>Byte count below the header size or above <see cref="HartIpConstants.MaxMessageLength"/>.</summary>
    InvalidByteCount = 1UL << 3,

    /// <summary>Byte count disagrees with the message handed to the parser (UDP datagram size).</summary>
    LengthMismatch = 1UL << 4,

    /// <summary>The body ends before the fields the message id requires.</summary>
    BodyTooShort = 1UL << 5,

    /// <summary>Bytes remain after the fields the message id defines.</summary>
    TrailingBytes = 1UL << 6,

    /// <summary>HART frame delimiter with a frame type other than BACK (1), STX (2) or ACK (6).</summary>
    InvalidDelimiter = 1UL << 7,

    /// <summary>The HART frame's byte count runs past the body.</summary>
    HartByteCountMismatch = 1UL << 8,

    /// <summary>The HART longitudinal parity (XOR of every byte) is wrong (HCF_SPEC-081, check byte).</summary>
    ChecksumMismatch = 1UL << 9,

    /// <summary>A response (ACK or BACK) without the response code and device status bytes.</summary>
    MissingStatus = 1UL << 10,

    /// <summary>A request travelling from the server, or a response from the client.</summary>
    DirectionMismatch = 1UL << 11,

    /// <summary>Session Initiate master type other than 0 (secondary) or 1 (primary).</summary>
    InvalidMasterType = 1UL << 12,
}
