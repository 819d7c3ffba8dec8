using OtSensor.Core.Protocols;

namespace OtSensor.Protocols.S7Comm;

/// <summary>Maps S7comm functions and Userdata group/subfunctions to <see cref="OtOperation"/>.</summary>
/// <remarks>
/// PI service "P_PROGRAM" with an empty parameter block is a warm/hot start (Start), with parameter "C" a cold
/// start (Restart); "_INSE"/"_DELE" activate or delete downloaded blocks (ProgramDownload); "_GARB" (compress
/// memory) and "_MODU" (copy RAM to ROM) change the load memory (Control).
/// </remarks>
internal static class S7CommOperations
{
    public static OtOperation Of(ReadOnlySpan<byte> pdu, scoped in S7CommDecoded d)
    {
        if (d.IsUserdata) return Userdata(d.UserdataGroup, d.UserdataSubfunction);
        return (S7CommFunctionCode)d.Function switch
        {
            S7CommFunctionCode.ReadVar => OtOperation.Read,
            S7CommFunctionCode.WriteVar => OtOperation.Write,
            S7CommFunctionCode.RequestDownload or S7CommFunctionCode.DownloadBlock or S7CommFunctionCode.DownloadEnded => OtOperation.ProgramDownload,
            S7CommFunctionCode.StartUpload or S7CommFunctionCode.Upload or S7CommFunctionCode.EndUpload => OtOperation.ProgramUpload,
            S7CommFunctionCode.PlcStop => OtOperation.Stop,
            S7CommFunctionCode.PiService => PiService(pdu, in d),
            S7CommFunctionCode.SetupCommunication or S7CommFunctionCode.CpuServices => OtOperation.Other,
            _ => OtOperation.None,
        };
    }

    private static OtOperation PiService(ReadOnlySpan<byte> pdu, scoped in S7CommDecoded d)
    {
        if (d.NameLength == 0) return OtOperation.Control; // responses do not repeat the service name
        var name = pdu.Slice(d.NameOffset, d.NameLength);
        if (name.SequenceEqual(S7CommConstants.PiProgram))
        {
            var parameter = pdu.Slice(d.PiParameterOffset, d.PiParameterLength);
            return parameter.Length > 0 && parameter[0] == (byte)'C' ? OtOperation.Restart : OtOperation.Start;
        }
        if (name.SequenceEqual(S7CommConstants.PiInsert) || name.SequenceEqual(S7CommConstants.PiDelete)) return OtOperation.ProgramDownload;
        return OtOperation.Control;
    }

    public static OtOperation Userdata(int group, int subfunction) => (S7CommUserdataGroup)group switch
    {
        S7CommUserdataGroup.ProgrammerCommands => subfunction switch
        {
            0x02 => OtOperation.Read,
            0x08 => OtOperation.Write,
            0x16 => OtOperation.Control,
            _ => OtOperation.Diagnostics,
        },
        S7CommUserdataGroup.CyclicData => OtOperation.Read,
        S7CommUserdataGroup.BlockFunctions => OtOperation.Read,
        S7CommUserdataGroup.CpuFunctions => subfunction == S7CommConstants.SubfunctionReadSzl ? OtOperation.Identification : OtOperation.Diagnostics,
        S7CommUserdataGroup.Security => OtOperation.Authentication,
        S7CommUserdataGroup.TimeFunctions => subfunction is S7CommConstants.SubfunctionSetClock or S7CommConstants.SubfunctionSetClock2
            ? OtOperation.TimeSync : OtOperation.Read,
        S7CommUserdataGroup.ModeTransition => OtOperation.Diagnostics,
        _ => OtOperation.Other,
    };
}
