namespace OtSensor.Protocols.S7Comm;

/// <summary>Wire constants of S7comm (S7 "classic" over COTP).</summary>
public static class S7CommConstants
{
    /// <summary>First byte of every S7comm PDU.</summary>
    public const byte ProtocolId = 0x32;

    /// <summary>Job and Userdata header: protocol id, ROSCTR, redundancy id (2), PDU ref (2), param length (2), data length (2).</summary>
    public const int ShortHeaderLength = 10;

    /// <summary>Ack and Ack-Data add error class and error code.</summary>
    public const int LongHeaderLength = 12;

    /// <summary>Read/write var item: variable specification 0x12, then its length byte.</summary>
    public const byte VariableSpecification = 0x12;

    /// <summary>S7ANY address syntax: transport size (1), length (2), DB (2), area (1), address (3).</summary>
    public const byte SyntaxS7Any = 0x10;

    /// <summary>S7ANY item length after the 0x12 and length bytes: 10 bytes including the syntax id.</summary>
    public const int S7AnySpecLength = 10;

    /// <summary>Userdata parameter head 00 01 12.</summary>
    public const int UserdataHeadLength = 3;

    /// <summary>Userdata parameter "type" high nibble: 0 push, 4 request, 8 response.</summary>
    public const byte UserdataTypeRequest = 0x4;
    public const byte UserdataTypeResponse = 0x8;

    /// <summary>Data header of Userdata and read-var items: return code, transport size, length (2).</summary>
    public const int DataHeaderLength = 4;

    /// <summary>Userdata return code "success".</summary>
    public const byte ReturnCodeSuccess = 0xFF;

    /// <summary>Userdata CPU functions subfunction "read SZL".</summary>
    public const byte SubfunctionReadSzl = 0x01;

    /// <summary>SZL response data: SZL-ID (2), index (2), record length (2), record count (2).</summary>
    public const int SzlHeaderLength = 8;

    /// <summary>SZL partial lists of module identification (xy11) and component identification (xy1C).</summary>
    public const byte SzlModuleIdentification = 0x11;
    public const byte SzlComponentIdentification = 0x1C;

    /// <summary>SZL partial list extract 0xF (SZL-ID 0x0Fxx): the answer holds the record length and count only.</summary>
    public const int SzlHeaderOnlyExtract = 0x0F;

    /// <summary>
    /// Bound of one reassembled userdata answer (data of all its units, after their 4-byte data headers). The
    /// largest SZL answers of S7-300/400 CPUs (diagnostic buffer, list of all SZL ids) stay well below it.
    /// </summary>
    public const int MaxUserdataReassemblyBytes = 16 * 1024;

    /// <summary>Userdata answers reassembled at once per direction; a further one drops the oldest unfinished.</summary>
    public const int MaxUserdataReassemblies = 4;

    /// <summary>Time functions subfunctions that set the clock.</summary>
    public const byte SubfunctionSetClock = 0x02;
    public const byte SubfunctionSetClock2 = 0x04;

    /// <summary>PI service names of start/compress/copy (S7 PI services as sent by STEP 7 and Snap7).</summary>
    public static ReadOnlySpan<byte> PiProgram => "P_PROGRAM"u8;
    public static ReadOnlySpan<byte> PiCompress => "_GARB"u8;
    public static ReadOnlySpan<byte> PiCopyRamToRom => "_MODU"u8;
    public static ReadOnlySpan<byte> PiInsert => "_INSE"u8;
    public static ReadOnlySpan<byte> PiDelete => "_DELE"u8;
}
