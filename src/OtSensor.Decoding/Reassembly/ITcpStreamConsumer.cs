using OtSensor.Core.Parsing;

namespace OtSensor.Decoding.Reassembly;

/// <summary>
/// Receives one TCP connection's bytes in order, per direction, from <see cref="TcpReassembler"/>.
/// Implemented by the engine, which hands the bytes to the application-layer session.
/// </summary>
public interface ITcpStreamConsumer
{
    /// <summary>
    /// Contiguous in-order bytes of <paramref name="direction"/>, starting with any bytes left unconsumed
    /// by the previous call. Returns how many bytes were consumed; the reassembler keeps the rest
    /// (bounded) and offers them again, prefixed, when more data arrives.
    /// </summary>
    int OnData(ReadOnlySpan<byte> data, Direction direction);

    /// <summary>Bytes in <paramref name="direction"/> will never arrive (lost, or a buffer bound was hit). Pending unconsumed bytes were dropped.</summary>
    void OnGap(Direction direction, long missingBytes);
}
