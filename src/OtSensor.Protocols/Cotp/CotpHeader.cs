namespace OtSensor.Protocols.Cotp;

/// <summary>Decoded COTP header fields (a plain value; offsets point into the TPDU).</summary>
public struct CotpHeader
{
    /// <summary>Length indicator: header bytes after the LI byte itself.</summary>
    public byte LengthIndicator;

    /// <summary>Raw code byte (type in the high nibble; CDT for CR/CC/AK in the low nibble).</summary>
    public byte Code;

    /// <summary>LI + 1 when the header fits, the offset of the user data.</summary>
    public int HeaderLength;

    public ushort DestinationReference;
    public ushort SourceReference;

    /// <summary>CR/CC: class and options byte; DR: reason; ER: reject cause.</summary>
    public byte ClassOrReason;

    /// <summary>DT/ED: TPDU number (7 bits); AK/RJ/EA: YR-TU-NR.</summary>
    public byte TpduNumber;

    public bool EndOfTsdu;
    public byte TpduSizeCode;
    public int CallingTsapOffset;
    public int CallingTsapLength;
    public int CalledTsapOffset;
    public int CalledTsapLength;

    /// <summary>False when the header could not be delimited (user data unusable).</summary>
    public bool Valid;

    public CotpAnomalies Anomalies;
}
