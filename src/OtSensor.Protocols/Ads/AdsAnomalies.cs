namespace OtSensor.Protocols.Ads;

/// <summary>What was wrong with one AMS packet or discovery datagram. Names come from <see cref="AdsNames.Anomaly"/>.</summary>
[Flags]
public enum AdsAnomalies : ulong
{
    None = 0,

    /// <summary>AMS/TCP reserved field not 0.</summary>
    ReservedNotZero = 1UL << 0,

    /// <summary>AMS/TCP length disagrees with the AMS header's data length plus 32, or with the bytes present.</summary>
    LengthMismatch = 1UL << 1,

    /// <summary>Command id 0 (invalid) or above 9.</summary>
    UnknownCommand = 1UL << 2,

    /// <summary>State flags without the ADS command bit.</summary>
    NotAdsCommand = 1UL << 3,

    /// <summary>The data ends before the fields the command requires.</summary>
    DataTooShort = 1UL << 4,

    /// <summary>A length field inside the data (read/write length, notification sample) disagrees with the bytes present.</summary>
    InnerLengthMismatch = 1UL << 5,

    /// <summary>Write Control to an ADS state outside 0–16.</summary>
    UnknownAdsState = 1UL << 6,

    /// <summary>Discovery tag list running past the datagram.</summary>
    MalformedTags = 1UL << 7,
}
