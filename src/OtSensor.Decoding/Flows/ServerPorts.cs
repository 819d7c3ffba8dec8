namespace OtSensor.Decoding.Flows;

/// <summary>
/// Decides which endpoint is the server when the handshake was not seen (UDP, TCP picked up mid-stream):
/// the endpoint on a well-known port (below 1024, or a registered ICS service port), else the lower port.
/// </summary>
public static class ServerPorts
{
    /// <summary>True for ports below 1024 and the ICS service ports in the list below (IANA registry).</summary>
    public static bool IsServicePort(ushort port) => port < 1024 || port switch
    {
        1089 or 1090 or 1091 => true,   // Foundation Fieldbus HSE
        1911 => true,                   // Niagara Fox
        2222 => true,                   // EtherNet/IP implicit (I/O) messaging
        2404 => true,                   // IEC 60870-5-104
        4000 => true,                   // Emerson ROC
        4840 or 4843 => true,           // OPC UA binary / over TLS
        5094 => true,                   // HART-IP
        9600 => true,                   // OMRON FINS
        18245 or 18246 => true,         // GE SRTP
        20000 => true,                  // DNP3
        34962 or 34963 or 34964 => true, // PROFINET RT / context manager
        44818 => true,                  // EtherNet/IP explicit messaging
        47808 => true,                  // BACnet/IP
        _ => false,
    };

    /// <summary>
    /// True when the sender of a packet from <paramref name="sourcePort"/> to <paramref name="destinationPort"/> is
    /// the server. Equal ports (BACnet 47808 to 47808, ICMP) make the first sender the client.
    /// </summary>
    public static bool IsSourceServer(ushort sourcePort, ushort destinationPort)
    {
        bool sourceService = IsServicePort(sourcePort);
        if (sourceService != IsServicePort(destinationPort))
            return sourceService;
        return sourcePort < destinationPort;
    }
}
