using OtSensor.Core.Protocols;

namespace OtSensor.Protocols.S7CommPlus;

/// <summary>Maps S7comm-plus opcodes and function codes to <see cref="OtOperation"/>.</summary>
internal static class S7CommPlusOperations
{
    public static OtOperation Of(int opcode, int function)
    {
        if (opcode == (int)S7CommPlusOpcode.Notification) return OtOperation.Read; // subscribed values pushed by the PLC
        return (S7CommPlusFunctionCode)function switch
        {
            S7CommPlusFunctionCode.Explore => OtOperation.Discovery,
            S7CommPlusFunctionCode.GetVariable or S7CommPlusFunctionCode.GetMultiVariables
                or S7CommPlusFunctionCode.GetVarSubStreamed or S7CommPlusFunctionCode.GetVariablesAddress => OtOperation.Read,
            S7CommPlusFunctionCode.SetVariable or S7CommPlusFunctionCode.SetMultiVariables
                or S7CommPlusFunctionCode.SetVarSubStreamed => OtOperation.Write,
            S7CommPlusFunctionCode.Invoke => OtOperation.Control,
            S7CommPlusFunctionCode.CreateObject or S7CommPlusFunctionCode.DeleteObject or S7CommPlusFunctionCode.AddLink
                or S7CommPlusFunctionCode.RemoveLink or S7CommPlusFunctionCode.GetLink or S7CommPlusFunctionCode.BeginSequence
                or S7CommPlusFunctionCode.EndSequence or S7CommPlusFunctionCode.Abort => OtOperation.Other,
            _ => OtOperation.None,
        };
    }
}
