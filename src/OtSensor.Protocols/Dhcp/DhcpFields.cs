namespace OtSensor.Protocols.Dhcp;

/// <summary>Stable names of the keys <see cref="DhcpMessage.WriteDetails"/> writes and of the session's stream anomalies.</summary>
public static class DhcpFields
{
    public const string Op = "op";
    public const string OpName = "opName";
    public const string Htype = "htype";
    public const string Hops = "hops";
    public const string Xid = "xid";
    public const string Secs = "secs";
    public const string Broadcast = "broadcast";
    public const string Ciaddr = "ciaddr";
    public const string Yiaddr = "yiaddr";
    public const string Siaddr = "siaddr";
    public const string Giaddr = "giaddr";
    public const string Chaddr = "chaddr";
    public const string MessageTypeName = "messageType";
    public const string Bootp = "bootp";
    public const string OptionCount = "optionCount";
    public const string HostName = "hostname";
    public const string DomainName = "domainName";
    public const string VendorClass = "vendorClass";
    public const string ParameterRequestList = "parameterRequestList";
    public const string ParameterCount = "parameterCount";
    public const string ClientId = "clientId";
    public const string Fqdn = "fqdn";
    public const string FqdnFlags = "fqdnFlags";
    public const string RequestedIp = "requestedIp";
    public const string ServerId = "serverId";
    public const string LeaseTime = "leaseTime";
    public const string Overload = "overload";

    /// <summary>Stream anomaly: a datagram on a DHCP flow without the fixed header and magic cookie.</summary>
    public const string NotDhcp = "not_dhcp";
}
