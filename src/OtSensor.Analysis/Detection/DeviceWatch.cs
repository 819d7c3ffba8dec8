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
    /// <summary>In the list of servers the unresponsiveness check walks.</summary>
    public bool Listed;
    /// <summary>ARP requests asking for the device's address (attempts to reach it that never show as packets to it).</summary>
    public long ArpRequests;
    /// <summary>ARP replies the device sent (the inventory does not count them as packets sent).</summary>
    public long ArpReplies;
    public long Sent;
    public Timestamp SentTime;
    public long ReceivedAtSent;
    /// <summary>Packets received plus ARP requests at the previous check.</summary>
    public long AttemptsAtCheck;
    public bool Unresponsive;
    public long ModbusRequests;
    public long ModbusResponses;
    public long ModbusRequestsAtResponse;
    public long ModbusRequestsAtCheck;
    public long ModbusResponsesSeen;
    public Timestamp ModbusResponseTime;
    public bool ModbusUnresponsive;
}
