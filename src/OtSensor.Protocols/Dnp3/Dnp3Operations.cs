using OtSensor.Core.Protocols;

namespace OtSensor.Protocols.Dnp3;

/// <summary>Maps an application function (and the objects it carries) to a protocol-neutral <see cref="OtOperation"/>.</summary>
public static class Dnp3Operations
{
    public static OtOperation Of(byte function, Dnp3Content content) => (Dnp3FunctionCode)function switch
    {
        Dnp3FunctionCode.Read => (content & Dnp3Content.DeviceAttributes) != 0 ? OtOperation.Identification : OtOperation.Read,
        Dnp3FunctionCode.Write when (content & Dnp3Content.TimeAndDate) != 0 => OtOperation.TimeSync,
        Dnp3FunctionCode.Write => OtOperation.Write,
        Dnp3FunctionCode.Select or Dnp3FunctionCode.Operate or Dnp3FunctionCode.DirectOperate
            or Dnp3FunctionCode.DirectOperateNoResponse => OtOperation.Control,
        Dnp3FunctionCode.ImmediateFreeze or Dnp3FunctionCode.ImmediateFreezeNoResponse or Dnp3FunctionCode.FreezeClear
            or Dnp3FunctionCode.FreezeClearNoResponse or Dnp3FunctionCode.FreezeAtTime
            or Dnp3FunctionCode.FreezeAtTimeNoResponse => OtOperation.Control,
        Dnp3FunctionCode.ColdRestart or Dnp3FunctionCode.WarmRestart => OtOperation.Restart,
        Dnp3FunctionCode.InitializeData or Dnp3FunctionCode.InitializeApplication => OtOperation.Restart,
        Dnp3FunctionCode.StartApplication => OtOperation.Start,
        Dnp3FunctionCode.StopApplication => OtOperation.Stop,
        Dnp3FunctionCode.SaveConfiguration or Dnp3FunctionCode.EnableUnsolicited or Dnp3FunctionCode.DisableUnsolicited
            or Dnp3FunctionCode.AssignClass or Dnp3FunctionCode.ActivateConfig => OtOperation.Write,
        Dnp3FunctionCode.DelayMeasure or Dnp3FunctionCode.RecordCurrentTime => OtOperation.TimeSync,
        Dnp3FunctionCode.DeleteFile => OtOperation.Write,
        Dnp3FunctionCode.OpenFile or Dnp3FunctionCode.CloseFile or Dnp3FunctionCode.GetFileInfo
            or Dnp3FunctionCode.AuthenticateFile or Dnp3FunctionCode.AbortFile => OtOperation.Other,
        Dnp3FunctionCode.AuthenticateRequest or Dnp3FunctionCode.AuthenticateRequestNoAck
            or Dnp3FunctionCode.AuthenticateResponse => OtOperation.Authentication,
        _ => OtOperation.None,
    };
}
