namespace OtSensor.Core.Protocols;

/// <summary>
/// Protocol-neutral meaning of a PDU, computed by each parser (cf. sawp <c>AccessType</c>), so that
/// inventory and detection need no protocol-specific code to see reads, writes, programming and control.
/// </summary>
public enum OtOperation : byte
{
    None = 0,
    Read,
    Write,
    ProgramDownload,
    ProgramUpload,
    Firmware,
    Control,
    Restart,
    Stop,
    Start,
    TimeSync,
    Discovery,
    Identification,
    Authentication,
    Diagnostics,
    Other,
}
