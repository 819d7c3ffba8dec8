namespace OtSensor.Analysis.Detection;

/// <summary>
/// The anomaly and malware engines' counters for one device (indexed by inventory device id, in an array that grows
/// with the inventory, never per packet): what it tried as a client, and what was done to it as a server.
/// </summary>
internal struct HostActivity
{
    /// <summary>Distinct private destinations it opened flows to or ARPed for (address scan).</summary>
    public WindowCount Addresses;
    /// <summary>Distinct (destination, port) pairs it opened flows to (port scan).</summary>
    public WindowCount Pairs;
    /// <summary>Distinct server ports among those pairs.</summary>
    public WindowCount Ports;
    /// <summary>Distinct addresses it ARPed for.</summary>
    public WindowCount Arp;
    /// <summary>Distinct (destination, protocol) identity requests it sent (PLC scan).</summary>
    public WindowCount Identities;
    /// <summary>Flows it opened as a client (excessive sessions).</summary>
    public WindowCount Sessions;
    /// <summary>The most flows it opened within one window while learning.</summary>
    public int SessionPeak;
    /// <summary>Failed logins it made (password guessing).</summary>
    public WindowCount LoginFailures;
    /// <summary>Logins it made, failed or not (excessive login attempts).</summary>
    public WindowCount LoginAttempts;
    /// <summary>Exception responses it sent as a slave (abnormal exception pattern).</summary>
    public WindowCount Exceptions;
}
