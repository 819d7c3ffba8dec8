namespace OtSensor.Core.Protocols;

/// <summary>
/// Optional companion of <see cref="IProtocolMessage"/> for protocols whose PDUs say in-band which end sent them
/// (DNP3's link DIR bit: 1 = from the master, IEEE 1815-2012 §9.2.4.1.3.3). The engine then takes the
/// application roles from the message instead of from the transport (who opened the TCP connection, which end
/// uses the well-known port): a DNP3 master may sit on either end of a connection, and on UDP.
/// </summary>
/// <remarks>
/// Implemented by the message struct itself (a <c>ref struct</c> may implement interfaces) and consumed through
/// a generic constraint, so no boxing and no allocation. A protocol without such a statement does not implement it.
/// </remarks>
public interface IInBandSenderRole
{
    /// <summary>True when the sender is the application's client role (DNP3 master); false for the server role (outstation).</summary>
    bool SenderIsClient { get; }
}
