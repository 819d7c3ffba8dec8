namespace OtSensor.Protocols.ProfinetDcp;

/// <summary>JSON keys of the DCP fields in <c>events.jsonl</c>: one static string each.</summary>
public static class ProfinetDcpFields
{
    public const string FrameId = "frameId";
    public const string ServiceType = "serviceType";
    public const string ServiceTypeName = "serviceTypeName";
    public const string Xid = "xid";
    public const string ResponseDelay = "responseDelay";
    public const string DataLength = "dcpDataLength";
    public const string BlockCount = "blockCount";
    public const string NameOfStation = "nameOfStation";
    public const string DeviceVendor = "deviceVendor";
    public const string AliasName = "aliasName";
    public const string VendorId = "vendorId";
    public const string DeviceId = "deviceId";
    public const string DeviceRole = "deviceRole";
    public const string DeviceInstance = "deviceInstance";
    public const string OemVendorId = "oemVendorId";
    public const string OemDeviceId = "oemDeviceId";
    public const string Mac = "mac";
    public const string Ip = "ip";
    public const string SubnetMask = "subnetMask";
    public const string Gateway = "gateway";
    public const string IpBlockInfo = "ipBlockInfo";
    public const string Control = "control";
    public const string SignalValue = "signalValue";
    public const string ResponseOption = "responseOption";
    public const string ResponseSuboption = "responseSuboption";
    public const string ResponseError = "responseError";
    public const string DeviceInitiative = "deviceInitiative";
    public const string AllSelector = "allSelector";
    public const string Options = "options";
}
