using System.Buffers.Binary;

namespace OtSensor.Benchmarks.Protocols.OpcUa;

/// <summary>
/// A polling OPC UA client's traffic on a None channel, built once: ReadRequests of <see cref="NodesPerRead"/> Value
/// attributes and ReadResponses with as many Int32 DataValues (the bulk of the public open62541 captures), each a
/// single 'F' MSG chunk (Part 6 §6.7.2), back to back per direction.
/// </summary>
internal sealed class OpcUaBenchStream
{
    public const int NodesPerRead = 8;

    public OpcUaBenchStream(int pairs)
    {
        var requests = new List<byte>();
        var responses = new List<byte>();
        var requestRanges = new Range[pairs];
        var responseRanges = new Range[pairs];
        for (int i = 0; i < pairs; i++)
        {
            int start = requests.Count;
            requests.AddRange(Chunk((uint)(100 + i), (uint)(10 + i), ReadRequestBody((uint)i)));
            requestRanges[i] = start..requests.Count;
            start = responses.Count;
            responses.AddRange(Chunk((uint)(500 + i), (uint)(10 + i), ReadResponseBody((uint)i)));
            responseRanges[i] = start..responses.Count;
        }
        Requests = [.. requests];
        Responses = [.. responses];
        RequestRanges = requestRanges;
        ResponseRanges = responseRanges;
    }

    public byte[] Requests { get; }
    public byte[] Responses { get; }
    public Range[] RequestRanges { get; }
    public Range[] ResponseRanges { get; }

    private static byte[] Chunk(uint sequence, uint requestId, byte[] body)
    {
        var chunk = new byte[24 + body.Length];
        "MSGF"u8.CopyTo(chunk);
        BinaryPrimitives.WriteInt32LittleEndian(chunk.AsSpan(4), chunk.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(chunk.AsSpan(8), 5);   // SecureChannelId
        BinaryPrimitives.WriteUInt32LittleEndian(chunk.AsSpan(12), 1);  // TokenId
        BinaryPrimitives.WriteUInt32LittleEndian(chunk.AsSpan(16), sequence);
        BinaryPrimitives.WriteUInt32LittleEndian(chunk.AsSpan(20), requestId);
        body.CopyTo(chunk.AsSpan(24));
        return chunk;
    }

    private static byte[] ReadRequestBody(uint handle)
    {
        var b = new List<byte> { 0x01, 0x00, 0x77, 0x02 };            // type ReadRequest (631), four-byte NodeId
        b.AddRange([0x02, 0x01, 0x00, 0x04, 0x00, 0x00, 0x00]);      // AuthenticationToken: numeric ns 1, id 4
        b.AddRange(new byte[8]);                                     // Timestamp
        b.AddRange(BitConverter.GetBytes(handle));                   // RequestHandle
        b.AddRange(new byte[4]);                                     // ReturnDiagnostics
        b.AddRange([0xFF, 0xFF, 0xFF, 0xFF]);                        // AuditEntryId null
        b.AddRange(BitConverter.GetBytes(10000));                    // TimeoutHint
        b.AddRange([0x00, 0x00, 0x00]);                              // AdditionalHeader: empty ExtensionObject
        b.AddRange(new byte[8]);                                     // MaxAge
        b.AddRange(BitConverter.GetBytes(2));                        // TimestampsToReturn Both
        b.AddRange(BitConverter.GetBytes(NodesPerRead));             // NodesToRead count
        for (int n = 0; n < NodesPerRead; n++)
        {
            b.AddRange([0x01, 0x02]);                                // NodeId four-byte, ns 2
            b.AddRange(BitConverter.GetBytes((ushort)(1000 + n)));
            b.AddRange(BitConverter.GetBytes(13));                   // AttributeId Value
            b.AddRange([0xFF, 0xFF, 0xFF, 0xFF]);                    // IndexRange null
            b.AddRange([0x00, 0x00, 0xFF, 0xFF, 0xFF, 0xFF]);        // DataEncoding: ns 0, name null
        }
        return [.. b];
    }

    private static byte[] ReadResponseBody(uint handle)
    {
        var b = new List<byte> { 0x01, 0x00, 0x7A, 0x02 };            // type ReadResponse (634)
        b.AddRange(new byte[8]);                                     // Timestamp
        b.AddRange(BitConverter.GetBytes(handle));                   // RequestHandle
        b.AddRange(new byte[4]);                                     // ServiceResult Good
        b.Add(0x00);                                                 // ServiceDiagnostics empty
        b.AddRange([0xFF, 0xFF, 0xFF, 0xFF]);                        // StringTable null
        b.AddRange([0x00, 0x00, 0x00]);                              // AdditionalHeader empty
        b.AddRange(BitConverter.GetBytes(NodesPerRead));             // Results count
        for (int n = 0; n < NodesPerRead; n++)
        {
            b.AddRange([0x01, 0x06]);                                // DataValue mask: value; Variant Int32
            b.AddRange(BitConverter.GetBytes(n * 7));
        }
        b.AddRange([0xFF, 0xFF, 0xFF, 0xFF]);                        // DiagnosticInfos null
        return [.. b];
    }
}
