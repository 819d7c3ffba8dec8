namespace OtSensor.Protocols.Enip;

/// <summary>Problems found in one encapsulation packet; names in <see cref="EnipNames.Anomaly"/>.</summary>
[Flags]
public enum EnipAnomalies : ulong
{
    None = 0,

    /// <summary>The command is not one of Vol. 2 Table 2-3.2.</summary>
    UnknownCommand = 1UL << 0,

    /// <summary>The options field is not zero (Vol. 2 §2-3.1: receivers discard such packets).</summary>
    NonZeroOptions = 1UL << 1,

    /// <summary>The CPF item count or an item length runs past the packet.</summary>
    CpfTruncated = 1UL << 2,

    /// <summary>Bytes are left after the last CPF item.</summary>
    CpfTrailingBytes = 1UL << 3,

    /// <summary>More items than <see cref="EnipConstants.MaxItems"/>.</summary>
    TooManyItems = 1UL << 4,

    /// <summary>A CIP Identity item shorter than its fixed part or its product name.</summary>
    IdentityTruncated = 1UL << 5,

    /// <summary>SendRRData/SendUnitData data shorter than interface handle, timeout and item count.</summary>
    SendDataTruncated = 1UL << 6,

    /// <summary>A request carries a non-zero status (Vol. 2 §2-3.3: the originator sets 0).</summary>
    RequestWithStatus = 1UL << 7,

    /// <summary>The length field disagrees with the datagram.</summary>
    LengthMismatch = 1UL << 8,

    /// <summary>SendRRData/SendUnitData without a session handle.</summary>
    NoSession = 1UL << 9,
}
