namespace OtSensor.Protocols.Cip;

/// <summary>Problems found in one CIP message; names in <see cref="CipNames.Anomaly"/>.</summary>
[Flags]
public enum CipAnomalies : ulong
{
    None = 0,

    /// <summary>Shorter than the request or reply header.</summary>
    Truncated = 1UL << 0,

    /// <summary>The request path size runs past the end of the message.</summary>
    PathTooLong = 1UL << 1,

    /// <summary>A path segment is unknown or runs past the path.</summary>
    BadPathSegment = 1UL << 2,

    /// <summary>The additional status size runs past the end of the reply.</summary>
    ExtendedStatusTooLong = 1UL << 3,

    /// <summary>Multiple Service Packet count or an offset points outside the packet.</summary>
    BadServiceOffset = 1UL << 4,

    /// <summary>Unconnected Send embedded message size runs past the request.</summary>
    BadEmbeddedLength = 1UL << 5,

    /// <summary>Services nested deeper than <see cref="CipConstants.MaxDepth"/>.</summary>
    NestingTooDeep = 1UL << 6,

    /// <summary>Forward Open/Close data shorter than its fixed part.</summary>
    ShortConnectionData = 1UL << 7,

    /// <summary>The reserved octet of a reply is not zero.</summary>
    ReservedNotZero = 1UL << 8,
}
