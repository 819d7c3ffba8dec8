namespace OtSensor.Protocols.Cotp;

/// <summary>Wire constants of ISO 8073 / X.224 TPDUs as carried over RFC 1006.</summary>
public static class CotpConstants
{
    /// <summary>LI value 255 is reserved (X.224 §13.2.1).</summary>
    public const int ReservedLengthIndicator = 255;

    /// <summary>Header length (LI included) of CR, CC and DR before their variable part: LI, code, DST-REF, SRC-REF, class/reason.</summary>
    public const int ConnectionFixedLength = 7;

    /// <summary>DT in class 0/1 (the format RFC 1006 uses): LI = 2, code, TPDU-NR with EOT.</summary>
    public const int ShortDataHeaderLength = 3;

    /// <summary>EOT flag in the TPDU-NR byte of DT and ED (X.224 §13.7.3 c).</summary>
    public const byte EndOfTsduBit = 0x80;

    /// <summary>Variable-part parameter codes (X.224 §13.3.4, §13.5.3, §13.12.3).</summary>
    public const byte ParamTpduSize = 0xC0;
    public const byte ParamCallingTsap = 0xC1;
    public const byte ParamCalledTsap = 0xC2;
    public const byte ParamChecksum = 0xC3;
    public const byte ParamVersion = 0xC4;
    public const byte ParamAdditionalOptions = 0xC6;
    public const byte ParamPreferredTpduSize = 0xF0;

    /// <summary>TPDU size codes 0x07 (128 bytes) .. 0x0D (8192 bytes) (X.224 §13.3.4 b).</summary>
    public const byte MinTpduSizeCode = 0x07;
    public const byte MaxTpduSizeCode = 0x0D;

    /// <summary>A TSAP longer than this is not kept (X.224 leaves the length open; S7 and MMS use 2..16 bytes).</summary>
    public const int MaxTsapLength = 32;

    /// <summary>Default bound of one reassembled TSDU (all DT TPDUs up to EOT) per direction.</summary>
    public const int DefaultMaxTsduLength = 64 * 1024;

    /// <summary>Bytes of garbage skipped while looking for the next TPKT header before the flow is given up.</summary>
    public const int MaxResyncBytes = 4096;
}
