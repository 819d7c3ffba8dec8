namespace OtSensor.Decoding.Flows;

/// <summary>Which idle timeout applies; the table keeps one LRU list per class so expiry never scans.</summary>
internal enum FlowTimeoutClass : byte
{
    TcpNew = 0,
    TcpEstablished = 1,
    TcpClosed = 2,
    Udp = 3,
    Other = 4,
}
