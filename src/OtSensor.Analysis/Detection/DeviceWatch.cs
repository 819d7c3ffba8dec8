using OtSensor.Core.Time;

namespace OtSensor.Analysis.Detection;

/// <summary>
/// Per-device counters the time-driven checks compare from one check to the next (indexed by inventory device id):
/// when the device last sent anything, how much it received since, and its Modbus requests and answers.
/// </summary>
internal struct DeviceWatch
{
    /// <summary>Baseline host index + 1 (0: not resolved yet).</summary>
    public int Host;
    /// <summary>First frame the device was seen sending in (evidence of New Asset Detected).</summary>
    public long FirstFrame;
    public int FirstInput;
    /// <summary>ARP requests asking for the device's address (attempts to reach it that never show as packets to it).</summary>
    public long ArpRequests;
    public long Sent;
    public Timestamp SentTime;
    public long ReceivedAtSent;
    public bool Unresponsive;
    public long ModbusRequests;
    public long ModbusResponses;
    public long ModbusRequestsAtResponse;
    public long ModbusResponsesSeen;
    public Timestamp ModbusResponseTime;
    public bool ModbusUnresponsive;
}
