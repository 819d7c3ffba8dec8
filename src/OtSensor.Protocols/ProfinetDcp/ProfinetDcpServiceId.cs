namespace OtSensor.Protocols.ProfinetDcp;

/// <summary>DCP ServiceID (IEC 61158-6-10 §4.3.1.3.2, PROFINET DCP).</summary>
public enum ProfinetDcpServiceId : byte
{
    Get = 3,
    Set = 4,
    Identify = 5,
    Hello = 6,
}
