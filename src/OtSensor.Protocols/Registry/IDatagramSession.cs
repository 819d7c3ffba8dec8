using OtSensor.Core.Parsing;

namespace OtSensor.Protocols.Registry;

/// <summary>Per-flow state of a protocol carried in datagrams (UDP): each datagram is offered whole.</summary>
public interface IDatagramSession
{
    void OnDatagram(ReadOnlySpan<byte> datagram, Direction direction, IProtocolEventSink sink);

    void Reset();
}
