namespace OtSensor.Protocols.Dnp3;

/// <summary>The decoded fields of a link-layer header (IEEE 1815-2012 §9.2.4.1.3).</summary>
public readonly record struct Dnp3LinkHeader(byte Length, byte Control, ushort Destination, ushort Source)
{
    /// <summary>DIR: the frame comes from a master.</summary>
    public bool FromMaster => (Control & Dnp3Constants.ControlDir) != 0;

    /// <summary>PRM: a primary (initiating) frame.</summary>
    public bool IsPrimary => (Control & Dnp3Constants.ControlPrm) != 0;

    public byte Function => (byte)(Control & 0x0F);

    /// <summary>User data octets in the frame (LENGTH minus control and addresses).</summary>
    public int UserDataLength => Length - Dnp3Constants.MinLengthField;

    /// <summary>A primary confirmed or unconfirmed user data frame, the only kind that carries transport segments.</summary>
    public bool IsUserData => IsPrimary && Function is Dnp3Constants.LinkConfirmedUserData or Dnp3Constants.LinkUnconfirmedUserData;

    /// <summary>Reads the header at the start of <paramref name="frame"/>, which must hold at least 10 octets.</summary>
    public static Dnp3LinkHeader Read(ReadOnlySpan<byte> frame)
        => new(frame[2], frame[3], (ushort)(frame[4] | (frame[5] << 8)), (ushort)(frame[6] | (frame[7] << 8)));
}
