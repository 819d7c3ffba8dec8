namespace OtSensor.Protocols.Modbus;

/// <summary>Schneider Electric UMAS function codes, carried in Modbus function 90 after the session byte.</summary>
/// <remarks>
/// UMAS is proprietary and unpublished; codes and names follow public reverse-engineering work
/// ("The Unity (UMAS) protocol", lirasenlared.blogspot.com, 2017, parts I–V). In that naming an
/// "upload" (0x30–0x32) goes from the engineering station to the PLC and a "download" (0x33–0x35) from
/// the PLC to the station, the opposite of the usual OT sense; <see cref="ModbusOperations"/> maps them by
/// direction of the program transfer, not by name.
/// </remarks>
public enum UmasFunctionCode : byte
{
    Unknown = 0x00,
    InitComm = 0x01,
    ReadId = 0x02,
    ReadProjectInfo = 0x03,
    ReadPlcInfo = 0x04,
    ReadCardInfo = 0x06,
    Repeat = 0x0A,
    TakePlcReservation = 0x10,
    ReleasePlcReservation = 0x11,
    KeepAlive = 0x12,
    ReadMemoryBlock = 0x20,
    ReadVariables = 0x22,
    WriteVariables = 0x23,
    ReadCoilsRegisters = 0x24,
    WriteCoilsRegisters = 0x25,
    InitializeUpload = 0x30,
    UploadBlock = 0x31,
    EndStrategyUpload = 0x32,
    InitializeDownload = 0x33,
    DownloadBlock = 0x34,
    EndStrategyDownload = 0x35,
    ReadEthMasterData = 0x39,
    StartPlc = 0x40,
    StopPlc = 0x41,
    MonitorPlc = 0x50,
    CheckPlc = 0x58,
    ReadIOObject = 0x70,
    WriteIOObject = 0x71,
    GetStatusModule = 0x73,
}
