namespace OtSensor.Protocols.S7Comm;

/// <summary>Remote Operating Service Control (PDU type), header byte 1.</summary>
public enum S7CommRosctr : byte
{
    Job = 0x01,
    Ack = 0x02,
    AckData = 0x03,
    Userdata = 0x07,
}
