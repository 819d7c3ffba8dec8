namespace OtSensor.Protocols.Mms;

/// <summary>Decoded values of one MMS PDU; name fields are offsets into the TSDU (no copies).</summary>
internal struct MmsDecoded
{
    public MmsAnomalies Anomalies;
    public bool Found;
    public bool IsResponse;
    public byte Spdu;
    public int PduType;
    public int Service;
    public int UnconfirmedService;
    public long InvokeId;
    public int DomainOffset, DomainLength, ItemOffset, ItemLength, FileNameOffset, FileNameLength;
    public int VariableCount;
    public int AccessResults, AccessFailures, FirstDataAccessError;
    public int ErrorClass, ErrorCode;
    public int VendorOffset, VendorLength, ModelOffset, ModelLength, RevisionOffset, RevisionLength;
    public long LocalDetail, MaxCalling, MaxCalled, Version;

    public static MmsDecoded Empty => new()
    {
        PduType = -1,
        Service = -1,
        UnconfirmedService = -1,
        InvokeId = -1,
        FirstDataAccessError = -1,
        ErrorClass = -1,
        ErrorCode = -1,
        LocalDetail = -1,
        MaxCalling = -1,
        MaxCalled = -1,
        Version = -1,
    };
}
