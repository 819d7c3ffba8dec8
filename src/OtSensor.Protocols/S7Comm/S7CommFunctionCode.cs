namespace OtSensor.Protocols.S7Comm;

/// <summary>Parameter function code of Job and Ack-Data PDUs.</summary>
public enum S7CommFunctionCode : byte
{
    CpuServices = 0x00,
    ReadVar = 0x04,
    WriteVar = 0x05,
    RequestDownload = 0x1A,
    DownloadBlock = 0x1B,
    DownloadEnded = 0x1C,
    StartUpload = 0x1D,
    Upload = 0x1E,
    EndUpload = 0x1F,
    PiService = 0x28,
    PlcStop = 0x29,
    SetupCommunication = 0xF0,
}
