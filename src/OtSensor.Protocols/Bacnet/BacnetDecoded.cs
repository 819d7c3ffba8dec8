using OtSensor.Core.Protocols;

namespace OtSensor.Protocols.Bacnet;

/// <summary>What <see cref="BacnetParser"/> found in one BVLC message: offsets into the datagram and decoded values.</summary>
/// <remarks>Plain value type (no references) so the session can keep it on the stack; -1 means "absent" throughout.</remarks>
internal struct BacnetDecoded
{
    public BacnetAnomalies Anomalies;
    public OtOperation Operation;
    public bool IsResponse;

    // BVLL (Annex J.2)
    public int BvlcFunction;
    public int BvlcLength;
    public int BvlcResult;
    public int ForeignDeviceTtl;
    public int TableEntries;
    public bool HasOriginalSource;

    // NPDU (§6.2)
    public bool HasNpdu;
    public int NpduOffset;
    public byte NpduControl;
    public int Dnet;
    public int DadrOffset;
    public int DadrLength;
    public int Snet;
    public int SadrOffset;
    public int SadrLength;
    public int HopCount;
    public int NetworkMessageType;
    public int NetworkVendorId;

    // APDU (§20.1)
    public bool HasApdu;
    public int ApduOffset;
    public byte PduType;
    public byte ApduFlags;
    public int InvokeId;
    public int SequenceNumber;
    public int WindowSize;
    public int MaxSegments;
    public int MaxApdu;
    public int ServiceChoice;
    public int ServiceOffset;

    // Service parameters (§13–§17)
    public int ObjectType;
    public long ObjectInstance;
    public long PropertyId;
    public long ArrayIndex;
    public int PropertyCount;
    public long DeviceInstance;
    public long MaxApduAccepted;
    public int SegmentationSupported;
    public long VendorId;
    public long LowLimit;
    public long HighLimit;
    public int ErrorClass;
    public int ErrorCode;
    public int Reason;
    public int ReinitializeState;
    public int CommunicationState;
    public long Duration;
    public long ProcessId;
    public int IdentityValues;

    /// <summary>Service of the confirmed request a Reject, Abort or Segment-ACK refers to (same invoke id), from the session.</summary>
    public int RequestService;

    public static BacnetDecoded Empty() => new()
    {
        BvlcFunction = -1, BvlcResult = -1, ForeignDeviceTtl = -1, TableEntries = -1,
        Dnet = -1, Snet = -1, HopCount = -1, NetworkMessageType = -1, NetworkVendorId = -1,
        InvokeId = -1, SequenceNumber = -1, WindowSize = -1, MaxSegments = -1, MaxApdu = -1, ServiceChoice = -1,
        ObjectType = -1, ObjectInstance = -1, PropertyId = -1, ArrayIndex = -1, DeviceInstance = -1,
        MaxApduAccepted = -1, SegmentationSupported = -1, VendorId = -1, LowLimit = -1, HighLimit = -1,
        ErrorClass = -1, ErrorCode = -1, Reason = -1, ReinitializeState = -1, CommunicationState = -1,
        Duration = -1, ProcessId = -1, RequestService = -1,
    };
}
