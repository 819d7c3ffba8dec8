namespace OtSensor.Protocols.S7Comm;

/// <summary>JSON keys of S7comm details in events.jsonl (static strings).</summary>
internal static class S7CommFields
{
    public const string Rosctr = "rosctr";
    public const string RosctrName = "rosctrName";
    public const string PduReference = "pduRef";
    public const string ParameterLength = "paramLength";
    public const string DataLength = "dataLength";
    public const string ErrorClass = "errorClass";
    public const string ErrorClassName = "errorClassName";
    public const string ErrorCode = "errorCode";
    public const string UserdataGroup = "userdataGroup";
    public const string UserdataGroupName = "userdataGroupName";
    public const string UserdataSubfunction = "userdataSubfunction";
    public const string UserdataSubfunctionName = "userdataSubfunctionName";
    public const string UserdataType = "userdataType";
    public const string Sequence = "sequence";
    public const string LastDataUnit = "lastDataUnit";
    public const string UserdataErrorCode = "userdataErrorCode";
    public const string ReturnCode = "returnCode";
    public const string ItemCount = "itemCount";
    public const string Items = "items";
    public const string Area = "area";
    public const string Db = "db";
    public const string ByteAddress = "byteAddress";
    public const string BitAddress = "bitAddress";
    public const string TransportSize = "transportSize";
    public const string Length = "length";
    public const string Syntax = "syntax";
    public const string PduLength = "pduLength";
    public const string MaxAmqCalling = "maxAmqCalling";
    public const string MaxAmqCalled = "maxAmqCalled";
    public const string PiService = "piService";
    public const string PiParameter = "piParameter";
    public const string FileName = "fileName";
    public const string SzlId = "szlId";
    public const string SzlIndex = "szlIndex";
    public const string SzlRecordCount = "szlRecordCount";
    public const string DataUnitReference = "dataUnitReference";
    public const string ReassembledLength = "reassembledLength";
    public const string ReassembledDataUnits = "reassembledDataUnits";
}
