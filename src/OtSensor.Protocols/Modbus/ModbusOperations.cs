using OtSensor.Core.Protocols;

namespace OtSensor.Protocols.Modbus;

/// <summary>Protocol-neutral meaning (<see cref="OtOperation"/>) of a Modbus function and its sub-code.</summary>
/// <remarks>
/// Exception responses keep the operation of the function they answer. Diagnostics sub-function 1
/// (Restart Communications Option) restarts the server's port and 4 (Force Listen Only Mode) silences it,
/// so they map to Restart and Control rather than Diagnostics.
/// </remarks>
public static class ModbusOperations
{
    /// <param name="function">Function code with the exception bit cleared.</param>
    /// <param name="subCode">Diagnostics sub-function (low byte), MEI type for 43, UMAS function for 90.</param>
    /// <param name="hasSubCode">False when the sub-code is not known (short PDU, unpaired response).</param>
    public static OtOperation Of(byte function, byte subCode, bool hasSubCode) => function switch
    {
        0x01 or 0x02 or 0x03 or 0x04 or 0x14 or 0x18 => OtOperation.Read,
        0x05 or 0x06 or 0x0F or 0x10 or 0x15 or 0x16 or 0x17 => OtOperation.Write,
        0x07 or 0x0B or 0x0C => OtOperation.Diagnostics,
        0x08 => !hasSubCode ? OtOperation.Diagnostics : subCode switch
        {
            0x01 => OtOperation.Restart,
            0x04 => OtOperation.Control,
            _ => OtOperation.Diagnostics,
        },
        0x11 => OtOperation.Identification,
        0x2B => hasSubCode && subCode == ModbusConstants.MeiReadDeviceIdentification ? OtOperation.Identification : OtOperation.Other,
        0x5A => hasSubCode ? Umas(subCode) : OtOperation.Other,
        _ => ModbusNames.IsUserDefined(function) ? OtOperation.Other : OtOperation.None,
    };

    /// <summary>Operation of a UMAS function code.</summary>
    public static OtOperation Umas(byte umasFunction) => (UmasFunctionCode)umasFunction switch
    {
        UmasFunctionCode.ReadId or UmasFunctionCode.ReadProjectInfo or UmasFunctionCode.ReadPlcInfo
            or UmasFunctionCode.ReadCardInfo => OtOperation.Identification,
        UmasFunctionCode.TakePlcReservation or UmasFunctionCode.ReleasePlcReservation => OtOperation.Authentication,
        UmasFunctionCode.ReadMemoryBlock or UmasFunctionCode.ReadVariables or UmasFunctionCode.ReadCoilsRegisters
            or UmasFunctionCode.ReadEthMasterData or UmasFunctionCode.MonitorPlc or UmasFunctionCode.ReadIOObject => OtOperation.Read,
        UmasFunctionCode.WriteVariables or UmasFunctionCode.WriteCoilsRegisters or UmasFunctionCode.WriteIOObject => OtOperation.Write,
        // UMAS "upload" carries a program from the station to the PLC: a download in OT terms.
        UmasFunctionCode.InitializeUpload or UmasFunctionCode.UploadBlock or UmasFunctionCode.EndStrategyUpload => OtOperation.ProgramDownload,
        UmasFunctionCode.InitializeDownload or UmasFunctionCode.DownloadBlock or UmasFunctionCode.EndStrategyDownload => OtOperation.ProgramUpload,
        UmasFunctionCode.StartPlc => OtOperation.Start,
        UmasFunctionCode.StopPlc => OtOperation.Stop,
        UmasFunctionCode.Repeat or UmasFunctionCode.CheckPlc or UmasFunctionCode.GetStatusModule => OtOperation.Diagnostics,
        _ => OtOperation.Other,
    };
}
