namespace OtSensor.Protocols.Mms;

/// <summary>JSON keys MMS writes into event details (static strings, no allocation).</summary>
public static class MmsFields
{
    public const string PduType = "pduType";
    public const string PduTypeName = "pduTypeName";
    public const string InvokeId = "invokeId";
    public const string UnconfirmedService = "unconfirmedService";
    public const string Domain = "domainId";
    public const string Item = "itemId";
    public const string FileName = "fileName";
    public const string VariableCount = "variableCount";
    public const string AccessResults = "accessResults";
    public const string AccessFailures = "accessFailures";
    public const string FirstDataAccessError = "dataAccessError";
    public const string FirstDataAccessErrorName = "dataAccessErrorName";
    public const string ErrorClass = "errorClass";
    public const string ErrorCode = "errorCode";
    public const string Vendor = "vendorName";
    public const string Model = "modelName";
    public const string Revision = "revision";
    public const string MaxOutstandingCalling = "maxServOutstandingCalling";
    public const string MaxOutstandingCalled = "maxServOutstandingCalled";
    public const string LocalDetail = "localDetail";
    public const string Version = "version";
    public const string Session = "spdu";
}
