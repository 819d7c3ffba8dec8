namespace OtSensor.Protocols.S7CommPlus;

/// <summary>S7comm-plus function codes of requests and responses.</summary>
public enum S7CommPlusFunctionCode : ushort
{
    Error = 0x04B1,
    Explore = 0x04BB,
    CreateObject = 0x04CA,
    DeleteObject = 0x04D4,
    SetVariable = 0x04F2,
    GetVariable = 0x04FC,
    AddLink = 0x0506,
    RemoveLink = 0x051A,
    GetLink = 0x0524,
    SetMultiVariables = 0x0542,
    GetMultiVariables = 0x054C,
    BeginSequence = 0x0556,
    EndSequence = 0x0560,
    Invoke = 0x056B,
    SetVarSubStreamed = 0x057C,
    GetVarSubStreamed = 0x0586,
    GetVariablesAddress = 0x0590,
    Abort = 0x059A,
}
