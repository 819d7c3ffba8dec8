namespace OtSensor.Protocols.Cip;

/// <summary>Stable names of the keys <see cref="CipMessage.WriteDetails"/> writes.</summary>
public static class CipFields
{
    public const string Response = "response";
    public const string CipClass = "cipClass";
    public const string ClassName = "className";
    public const string ServiceRaw = "serviceRaw";
    public const string Instance = "instance";
    public const string Attribute = "attribute";
    public const string Member = "member";
    public const string Symbol = "symbol";
    public const string Embedded = "embeddedIn";
    public const string GeneralStatus = "generalStatus";
    public const string GeneralStatusName = "generalStatusName";
    public const string ExtendedStatus = "extendedStatus";
    public const string ServiceCount = "serviceCount";
    public const string Connected = "connected";
    public const string ConnectionId = "connectionId";
    public const string SequenceCount = "sequenceCount";
    public const string OtConnectionId = "otConnectionId";
    public const string ToConnectionId = "toConnectionId";
    public const string ConnectionSerial = "connectionSerial";
    public const string OriginatorVendor = "originatorVendor";
    public const string OriginatorSerial = "originatorSerial";
    public const string OtRpi = "otRpiUs";
    public const string ToRpi = "toRpiUs";
    public const string OtParameters = "otParameters";
    public const string ToParameters = "toParameters";
    public const string TransportTrigger = "transportTrigger";
    public const string TimeoutMultiplier = "timeoutMultiplier";
    public const string DataLength = "dataLength";
}
