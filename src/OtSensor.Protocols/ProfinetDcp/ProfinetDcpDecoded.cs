using OtSensor.Core.Protocols;

namespace OtSensor.Protocols.ProfinetDcp;

/// <summary>What <see cref="ProfinetDcpParser"/> found in one DCP PDU: header fields, offsets of texts, block values.</summary>
/// <remarks>Plain value type so the session keeps it on the stack; -1 means "absent" throughout. Offsets are into the PDU (after the FrameID).</remarks>
internal struct ProfinetDcpDecoded
{
    public ProfinetDcpAnomalies Anomalies;
    public OtOperation Operation;
    public int FrameId;
    public int ServiceId;
    public int ServiceType;
    public long Xid;
    public int ResponseDelay;
    public int DataLength;
    public int DataOffset;
    public int DataEnd;
    public ProfinetDcpBlockLayout Layout;
    public int BlockCount;

    public int NameOffset;
    public int NameLength;
    public int VendorTextOffset;
    public int VendorTextLength;
    public int AliasOffset;
    public int AliasLength;
    public int MacOffset;
    public int IpOffset;
    public int IpBlockInfo;
    public int VendorId;
    public int DeviceId;
    public int DeviceRole;
    public int DeviceInstance;
    public int OemVendorId;
    public int OemDeviceId;
    public int SignalValue;
    public int ResponseOption;
    public int ResponseSuboption;
    public int ResponseError;
    public int DeviceInitiative;
    public bool AllSelector;
    public bool FactoryReset;

    public static ProfinetDcpDecoded Empty() => new()
    {
        FrameId = -1, ServiceId = -1, ServiceType = -1, Xid = -1, ResponseDelay = -1, DataLength = -1,
        NameOffset = -1, VendorTextOffset = -1, AliasOffset = -1, MacOffset = -1, IpOffset = -1, IpBlockInfo = -1,
        VendorId = -1, DeviceId = -1, DeviceRole = -1, DeviceInstance = -1, OemVendorId = -1, OemDeviceId = -1,
        SignalValue = -1, ResponseOption = -1, ResponseSuboption = -1, ResponseError = -1, DeviceInitiative = -1,
    };
}
