namespace OtSensor.Decoding.Packets;

/// <summary>
/// What was wrong with a frame below the application layer. Each bit is counted and reported as an
/// anomaly record; none stops the capture. Names come from <see cref="DecodeAnomalyNames"/>.
/// </summary>
[Flags]
public enum DecodeAnomalies : ulong
{
    None = 0,
    FrameTooShort = 1UL << 0,
    TooManyVlanTags = 1UL << 1,
    UnknownLinkType = 1UL << 2,
    ArpTruncated = 1UL << 3,
    IPv4HeaderTruncated = 1UL << 4,
    IPv4BadVersion = 1UL << 5,
    IPv4BadHeaderLength = 1UL << 6,
    IPv4TotalLengthTooLarge = 1UL << 7,
    IPv4TotalLengthTooSmall = 1UL << 8,
    IPv4BadChecksum = 1UL << 9,
    IPv4BadOptions = 1UL << 10,
    IPv6HeaderTruncated = 1UL << 11,
    IPv6PayloadLengthTooLarge = 1UL << 12,
    IPv6ExtensionHeaderTruncated = 1UL << 13,
    IPv6TooManyExtensionHeaders = 1UL << 14,
    TcpHeaderTruncated = 1UL << 15,
    TcpBadDataOffset = 1UL << 16,
    TcpBadFlags = 1UL << 17,
    UdpHeaderTruncated = 1UL << 18,
    UdpBadLength = 1UL << 19,
    IcmpTruncated = 1UL << 20,
    FragmentOverlap = 1UL << 21,
    FragmentTooLarge = 1UL << 22,
    FragmentLimitReached = 1UL << 23,
    LinkHeaderTruncated = 1UL << 24,
    TrailingBytes = 1UL << 25,
    ZeroPort = 1UL << 26,
    SourceAddressMulticast = 1UL << 27,
    /// <summary>EtherType / address family said IPv6 but the version nibble is not 6.</summary>
    IPv6BadVersion = 1UL << 28,
}
