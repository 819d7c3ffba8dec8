using System.Buffers.Binary;

namespace OtSensor.Benchmarks.Protocols.Modbus;

/// <summary>
/// Two contiguous Modbus/TCP byte streams, as a reassembled connection delivers them: <see cref="Requests"/>
/// (client to server) and the matching <see cref="Responses"/> (server to client), transaction id n answering
/// request n. The mix cycles through the polling traffic of a plant: reads (FC 1, 3, 4), writes (FC 6, 16) and
/// an exception response (illegal data address), so the parser's common branches all run.
/// </summary>
internal sealed class ModbusBenchStream
{
    private const byte Unit = 1;

    public ModbusBenchStream(int pairs)
    {
        var requests = new List<byte>();
        var responses = new List<byte>();
        RequestRanges = new Range[pairs];
        ResponseRanges = new Range[pairs];
        for (int i = 0; i < pairs; i++)
        {
            ushort tid = (ushort)(i + 1);
            var (request, response) = (i % 6) switch
            {
                // FC 3 Read Holding Registers 100..109 → byte count 20, ten registers.
                0 => (Pdu(0x03, 0x00, 0x64, 0x00, 0x0A), Pdu([0x03, 20, .. new byte[20]])),
                // FC 1 Read Coils 0..15 → byte count 2.
                1 => (Pdu(0x01, 0x00, 0x00, 0x00, 0x10), Pdu(0x01, 0x02, 0xCD, 0x6B)),
                // FC 4 Read Input Registers 100..109 → byte count 20.
                2 => (Pdu(0x04, 0x00, 0x64, 0x00, 0x0A), Pdu([0x04, 20, .. new byte[20]])),
                // FC 6 Write Single Register 100 = 500 → echo.
                3 => (Pdu(0x06, 0x00, 0x64, 0x01, 0xF4), Pdu(0x06, 0x00, 0x64, 0x01, 0xF4)),
                // FC 16 Write Multiple Registers 110..111 = 10, 20 → address and quantity.
                4 => (Pdu(0x10, 0x00, 0x6E, 0x00, 0x02, 0x04, 0x00, 0x0A, 0x00, 0x14), Pdu(0x10, 0x00, 0x6E, 0x00, 0x02)),
                // FC 3 at 10000 → exception 0x83, code 2 Illegal Data Address.
                _ => (Pdu(0x03, 0x27, 0x10, 0x00, 0x01), Pdu(0x83, 0x02)),
            };
            RequestRanges[i] = AppendAdu(requests, tid, request);
            ResponseRanges[i] = AppendAdu(responses, tid, response);
        }
        Requests = [.. requests];
        Responses = [.. responses];
        Adus = 2 * pairs;
    }

    public byte[] Requests { get; }

    public byte[] Responses { get; }

    /// <summary>Where request n sits in <see cref="Requests"/>.</summary>
    public Range[] RequestRanges { get; }

    /// <summary>Where response n sits in <see cref="Responses"/>.</summary>
    public Range[] ResponseRanges { get; }

    /// <summary>ADUs in both streams together.</summary>
    public int Adus { get; }

    private static byte[] Pdu(params byte[] pdu) => pdu;

    /// <summary>MBAP header (Implementation Guide V1.0b §3.1.3: transaction, protocol 0, length = unit + PDU, unit) then the PDU.</summary>
    private static Range AppendAdu(List<byte> stream, ushort tid, byte[] pdu)
    {
        int start = stream.Count;
        Span<byte> mbap = stackalloc byte[7];
        BinaryPrimitives.WriteUInt16BigEndian(mbap, tid);
        BinaryPrimitives.WriteUInt16BigEndian(mbap[2..], 0);
        BinaryPrimitives.WriteUInt16BigEndian(mbap[4..], (ushort)(pdu.Length + 1));
        mbap[6] = Unit;
        foreach (byte b in mbap) stream.Add(b);
        stream.AddRange(pdu);
        return start..stream.Count;
    }
}
