namespace OtSensor.Protocols.Enip;

/// <summary>Stable names of the keys <see cref="EnipMessage.WriteDetails"/> writes and of the stream anomalies.</summary>
public static class EnipFields
{
    public const string Length = "length";
    public const string SessionHandle = "sessionHandle";
    public const string Status = "status";
    public const string StatusName = "statusName";
    public const string SenderContext = "senderContext";
    public const string Options = "options";
    public const string ItemCount = "itemCount";
    public const string InterfaceHandle = "interfaceHandle";
    public const string Timeout = "timeout";
    public const string ConnectionId = "connectionId";
    public const string Sequence = "sequence";
    public const string CipSequence = "cipSequence";
    public const string Io = "io";
    public const string IoDataLength = "ioDataLength";
    public const string ProtocolVersion = "protocolVersion";
    public const string ServiceCapabilities = "capabilities";
    public const string EncapsulationVersion = "encapsulationVersion";
    public const string SocketAddress = "socketAddress";
    public const string VendorId = "vendorId";
    public const string VendorName = "vendorName";
    public const string DeviceType = "deviceType";
    public const string ProductCode = "productCode";
    public const string Revision = "revision";
    public const string DeviceStatus = "deviceStatus";
    public const string Serial = "serial";
    public const string ProductName = "productName";
    public const string State = "state";

    /// <summary>Stream anomaly: an impossible header (unknown command, options, status) while in sync.</summary>
    public const string StreamInvalidHeader = "invalid_header";

    /// <summary>Stream anomaly: no header found within <see cref="EnipConstants.MaxResyncBytes"/>.</summary>
    public const string StreamNotEnip = "not_enip";
}
