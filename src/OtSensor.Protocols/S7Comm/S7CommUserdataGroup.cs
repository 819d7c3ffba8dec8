namespace OtSensor.Protocols.S7Comm;

/// <summary>Userdata function group: low nibble of the parameter type byte.</summary>
public enum S7CommUserdataGroup : byte
{
    ModeTransition = 0x0,
    ProgrammerCommands = 0x1,
    CyclicData = 0x2,
    BlockFunctions = 0x3,
    CpuFunctions = 0x4,
    Security = 0x5,
    PbcBsendBrecv = 0x6,
    TimeFunctions = 0x7,
    NcProgramming = 0xF,
}
