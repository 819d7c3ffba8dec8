namespace OtSensor.Protocols.Mms;

/// <summary>ISO session (ISO 8327-1 §8.3) SPDU identifiers and parameter codes used to find the user data.</summary>
public static class MmsConstants
{
    /// <summary>DATA TRANSFER, and GIVE-TOKENS (same SI, category 0 SPDU concatenated before it).</summary>
    public const byte SpduData = 0x01;
    public const byte SpduFinish = 0x09;
    public const byte SpduDisconnect = 0x0A;
    public const byte SpduRefuse = 0x0C;
    public const byte SpduConnect = 0x0D;
    public const byte SpduAccept = 0x0E;
    public const byte SpduAbort = 0x19;
    public const byte SpduAbortAccept = 0x1A;

    /// <summary>User Data PGI (ISO 8327-1 §8.3.1.20) and Extended User Data PGI.</summary>
    public const byte PgiUserData = 0xC1;
    public const byte PgiExtendedUserData = 0xC2;

    /// <summary>Highest MMSpdu alternative (conclude-ErrorPDU [13]).</summary>
    public const int MaxPduType = 13;

    public const int ServiceGetNameList = 1;
    public const int ServiceIdentify = 2;
    public const int ServiceRead = 4;
    public const int ServiceWrite = 5;
    public const int ServiceGetVariableAccessAttributes = 6;
    public const int ServiceGetNamedVariableListAttributes = 12;
    public const int ServiceObtainFile = 46;
    public const int ServiceFileOpen = 72;
    public const int ServiceFileRename = 75;
    public const int ServiceFileDelete = 76;
    public const int ServiceFileDirectory = 77;
}
