namespace OtSensor.Protocols.EtherCat;

/// <summary>Which optional fields of an <see cref="EtherCatDecoded"/> hold values.</summary>
[Flags]
internal enum EtherCatFieldPresence : ushort
{
    None = 0,

    /// <summary>A frame without datagrams (frame type other than 1, or too short): only the frame header is known.</summary>
    FrameOnly = 1 << 0,
    WorkingCounter = 1 << 1,
    AlControl = 1 << 2,
    AlStatus = 1 << 3,
    Mailbox = 1 << 4,
    Coe = 1 << 5,
    Sdo = 1 << 6,
    SdoAddress = 1 << 7,
    SdoAbortCode = 1 << 8,
    Foe = 1 << 9,
    FoeValue = 1 << 10,
    FoeFileName = 1 << 11,
}
