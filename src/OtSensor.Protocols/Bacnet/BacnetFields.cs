namespace OtSensor.Protocols.Bacnet;

/// <summary>JSON keys of the BACnet fields in <c>events.jsonl</c> and the stream anomaly names: one static string each.</summary>
public static class BacnetFields
{
    public const string PduType = "pduType";
    public const string PduTypeName = "pduTypeName";
    public const string BvlcFunction = "bvlcFunction";
    public const string BvlcFunctionName = "bvlcFunctionName";
    public const string BvlcLength = "bvlcLength";
    public const string BvlcResult = "bvlcResult";
    public const string BvlcResultName = "bvlcResultName";
    public const string ForeignDeviceTtl = "foreignDeviceTtl";
    public const string TableEntries = "tableEntries";
    public const string OriginalSource = "originalSource";
    public const string NpduControl = "npduControl";
    public const string ExpectingReply = "expectingReply";
    public const string Priority = "priority";
    public const string Dnet = "dnet";
    public const string Dadr = "dadr";
    public const string Snet = "snet";
    public const string Sadr = "sadr";
    public const string HopCount = "hopCount";
    public const string NetworkMessageType = "networkMessageType";
    public const string NetworkMessageName = "networkMessageName";
    public const string NetworkVendorId = "networkVendorId";
    public const string Segmented = "segmented";
    public const string MoreFollows = "moreFollows";
    public const string SegmentedResponseAccepted = "segmentedResponseAccepted";
    public const string InvokeId = "invokeId";
    public const string SequenceNumber = "sequenceNumber";
    public const string WindowSize = "windowSize";
    public const string MaxSegments = "maxSegments";
    public const string MaxApdu = "maxApdu";
    public const string NegativeAck = "negativeAck";
    public const string FromServer = "fromServer";
    public const string ObjectType = "objectType";
    public const string ObjectTypeName = "objectTypeName";
    public const string ObjectInstance = "objectInstance";
    public const string PropertyId = "propertyId";
    public const string PropertyName = "propertyName";
    public const string ArrayIndex = "arrayIndex";
    public const string PropertyCount = "propertyCount";
    public const string DeviceInstance = "deviceInstance";
    public const string MaxApduAccepted = "maxApduAccepted";
    public const string Segmentation = "segmentationSupported";
    public const string VendorId = "vendorId";
    public const string VendorName = "vendorName";
    public const string LowLimit = "lowLimit";
    public const string HighLimit = "highLimit";
    public const string ErrorClass = "errorClass";
    public const string ErrorClassName = "errorClassName";
    public const string ErrorCode = "errorCode";
    public const string RejectReason = "rejectReason";
    public const string AbortReason = "abortReason";
    public const string ReasonName = "reasonName";
    public const string ReinitializeState = "reinitializeState";
    public const string ReinitializeStateName = "reinitializeStateName";
    public const string CommunicationState = "communicationState";
    public const string CommunicationStateName = "communicationStateName";
    public const string Duration = "durationMinutes";
    public const string ProcessId = "processId";
    public const string RequestService = "requestService";
    public const string RequestServiceName = "requestServiceName";

    /// <summary>Stream anomaly: a datagram on a BACnet flow that is not a BACnet/IP BVLL message (type 0x81).</summary>
    public const string NotBvll = "not_bvll";
}
