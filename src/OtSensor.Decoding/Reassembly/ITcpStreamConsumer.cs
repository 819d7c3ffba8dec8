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
    /// <param name="direction">The direction with the hole.</param>
    /// <param name="missingBytes">
    /// Stream bytes after the consumer's last consumed byte that will not be offered: the dropped unconsumed
    /// (pending) bytes plus the sequence space never seen. The next <see cref="OnData"/> starts that many bytes
    /// further on, so a consumer tracking stream offsets stays aligned.
    /// </param>
    void OnGap(Direction direction, long missingBytes);
}
