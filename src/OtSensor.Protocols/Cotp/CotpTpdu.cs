namespace OtSensor.Protocols.Cotp;

/// <summary>
/// One COTP TPDU parsed in place: header fields, connection parameters (CR/CC), and the user data that follows
/// the header. Borrows the TPKT payload; valid only while that buffer is.
/// </summary>
/// <remarks>Produced by <see cref="CotpParser.Parse"/>, which never throws; problems are in <see cref="Anomalies"/>.</remarks>
public readonly ref struct CotpTpdu
{
    internal CotpTpdu(ReadOnlySpan<byte> tpdu, scoped in CotpHeader header)
    {
        Raw = tpdu;
        Header = header;
    }

    /// <summary>The whole TPDU (TPKT payload).</summary>
    public ReadOnlySpan<byte> Raw { get; }

    public CotpHeader Header { get; }

    public CotpPduType Type => (CotpPduType)(Header.Code >> 4);

    public bool IsValid => Header.Valid;

    public CotpAnomalies Anomalies => Header.Anomalies;

    /// <summary>DT/ED: true when this TPDU ends the TSDU (EOT bit).</summary>
    public bool EndOfTsdu => Header.EndOfTsdu;

    /// <summary>User data after the header (DT, ED; CR/CC/DR in classes that allow it).</summary>
    public ReadOnlySpan<byte> UserData => Header.Valid ? Raw[Header.HeaderLength..] : default;

    /// <summary>CR/CC calling TSAP (parameter 0xC1), empty when absent.</summary>
    public ReadOnlySpan<byte> CallingTsap => Raw.Slice(Header.CallingTsapOffset, Header.CallingTsapLength);

    /// <summary>CR/CC called TSAP (parameter 0xC2), empty when absent.</summary>
    public ReadOnlySpan<byte> CalledTsap => Raw.Slice(Header.CalledTsapOffset, Header.CalledTsapLength);

    /// <summary>Maximum TPDU size in bytes from parameter 0xC0 (2^code), 0 when absent or invalid.</summary>
    public int TpduSize => Header.TpduSizeCode is >= CotpConstants.MinTpduSizeCode and <= CotpConstants.MaxTpduSizeCode
        ? 1 << Header.TpduSizeCode : 0;
}
