namespace OtSensor.Protocols.S7CommPlus;

/// <summary>S7comm-plus opcode: first byte of the data after the header (and integrity part).</summary>
public enum S7CommPlusOpcode : byte
{
    Response2 = 0x02,
    Request = 0x31,
    Response = 0x32,
    Notification = 0x33,
}
