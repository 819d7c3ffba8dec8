namespace OtSensor.Protocols.Melsec;

/// <summary>Sizes and codes of the MELSEC communication protocol (MC protocol / SLMP) 3E and 4E binary frames.</summary>
public static class MelsecConstants
{
    /// <summary>3E request subheader 50 00, response D0 00; 4E request 54 00, response D4 00.</summary>
    public const byte Request3E = 0x50;
    public const byte Response3E = 0xD0;
    public const byte Request4E = 0x54;
    public const byte Response4E = 0xD4;

    /// <summary>3E: subheader(2) network(1) PC(1) module I/O(2) station(1) data length(2).</summary>
    public const int Header3E = 9;

    /// <summary>4E: subheader(2) serial(2) fixed 0(2), then the 3E fields.</summary>
    public const int Header4E = 13;

    /// <summary>Request data: monitoring timer(2) command(2) subcommand(2) at least.</summary>
    public const int MinRequestData = 6;

    /// <summary>Response data: end code(2) at least.</summary>
    public const int MinResponseData = 2;

    /// <summary>SLMP messages are at most 8192 bytes of data; longer lengths are not MELSEC.</summary>
    public const int MaxDataLength = 8192;

    /// <summary>Read CPU model response: model name (16 ASCII) and model code (2).</summary>
    public const int CpuModelNameLength = 16;

    /// <summary>Requests remembered per flow to name their responses (3E responses carry no command).</summary>
    public const int PendingRequests = 16;

    public const int MaxResyncBytes = 4096;
}
