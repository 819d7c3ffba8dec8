using System.Buffers.Binary;
using System.Text;
using OtSensor.Core.Time;
using OtSensor.Simulation.Engine;
using OtSensor.Simulation.Wire;

namespace OtSensor.Simulation.Traffic;

/// <summary>
/// An S7comm client: TPKT (RFC 1006 §6) and COTP class 0 (ISO 8073 / RFC 905: CR with TSAPs, CC, DT) carrying the
/// S7 header (protocol id 0x32, ROSCTR 1 job / 3 ack-data / 7 userdata), setup communication, read/write variable,
/// PLC stop / PI-service start, and the SZL read of module identification (SZL 0x0011).
/// </summary>
/// <remarks>
/// <code>
/// TPKT  | 03 | 00 | length (2, whole packet) |
/// COTP  DT: | LI=02 | F0 | 80 (EOT) |
/// S7    | 32 | ROSCTR | 00 00 | PDU ref (2) | parameter length (2) | data length (2) | [ack-data: error class, code] |
/// </code>
/// </remarks>
public sealed class S7Client(Simulator sim, TcpConnection tcp, Random random)
{
    public const ushort Port = 102;
    private ushort _pduReference = (ushort)random.Next(1, 1000);

    public TcpConnection Connection => tcp;

    /// <summary>TCP handshake, COTP CR/CC (calling TSAP 0x0100, called 0x0102: rack 0, slot 2), setup communication (PDU 960).</summary>
    public Timestamp Open(Timestamp at)
    {
        var t = tcp.Open(at, Talk.Rtt);
        ushort clientRef = (ushort)random.Next(1, 0xFFFF);
        ushort serverRef = (ushort)random.Next(1, 0xFFFF);
        t = tcp.Exchange(t.Add(TimeSpan.FromMicroseconds(100)), Tpkt(Cotp(0xE0, 0, clientRef)), Tpkt(Cotp(0xD0, clientRef, serverRef)), Talk.ServerDelay(random), Talk.Rtt);
        byte[] setup = [0xF0, 0x00, 0x00, 0x01, 0x00, 0x01, 0x03, 0xC0];
        return Job(t.Add(TimeSpan.FromMicroseconds(200)), setup, [], setup, []);
    }

    /// <summary>Read Var (0x04) of <paramref name="length"/> bytes of a data block (item: S7ANY, area 0x84 DB).</summary>
    public Timestamp ReadDataBlock(Timestamp at, ushort db, int byteOffset, ushort length)
    {
        var response = new byte[4 + length];
        response[0] = 0xFF;                                        // return code: success
        response[1] = 0x04;                                        // transport size: byte/word/dword, length in bits
        BinaryPrimitives.WriteUInt16BigEndian(response.AsSpan(2), (ushort)(length * 8));
        random.NextBytes(response.AsSpan(4));
        return Job(at, Item(0x04, db, byteOffset, length), [], [0x04, 0x01], response);
    }

    /// <summary>Write Var (0x05) to a data block.</summary>
    public Timestamp WriteDataBlock(Timestamp at, ushort db, int byteOffset, ushort length)
    {
        var data = new byte[4 + length];
        data[0] = 0x00;
        data[1] = 0x04;
        BinaryPrimitives.WriteUInt16BigEndian(data.AsSpan(2), (ushort)(length * 8));
        random.NextBytes(data.AsSpan(4));
        return Job(at, Item(0x05, db, byteOffset, length), data, [0x05, 0x01], [0xFF]);
    }

    /// <summary>PLC Stop (0x29) with the PI service name P_PROGRAM.</summary>
    public Timestamp Stop(Timestamp at)
    {
        byte[] parameter = [0x29, 0, 0, 0, 0, 0, 0x09, .. "P_PROGRAM"u8];
        return Job(at, parameter, [], [0x29], []);
    }

    /// <summary>PI service (0x28) P_PROGRAM: a warm restart ("start").</summary>
    public Timestamp Start(Timestamp at)
    {
        byte[] parameter = [0x28, 0, 0, 0, 0, 0, 0, 0xFD, 0x00, 0x00, 0x09, .. "P_PROGRAM"u8];
        return Job(at, parameter, [], [0x28], []);
    }

    /// <summary>
    /// Downloads one block the way STEP 7 does: Request download (0x1A) with the block's file name
    /// (<c>_</c> + block type + number + destination <c>P</c>) and its lengths, Download block (0x1B) answered in
    /// chunks (function status 1 = more follows, 0 = last), Download ended (0x1C), then the PI service <c>_INSE</c>
    /// (0x28) that inserts the block into the running program.
    /// </summary>
    /// <param name="blockType">Two hex digits of the block type: 08 OB, 0A DB, 0C FC, 0E FB.</param>
    public Timestamp DownloadBlock(Timestamp at, string blockType, int number, int length)
    {
        var name = $"{blockType}{number:D5}P";
        byte[] file = [(byte)'_', .. System.Text.Encoding.ASCII.GetBytes(name)];
        var lengths = System.Text.Encoding.ASCII.GetBytes($"1{length + 100:D6}{length:D6}");
        byte[] request = [0x1A, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, (byte)file.Length, .. file, (byte)lengths.Length, .. lengths];
        var t = Job(at, request, [], [0x1A], []);
        byte[] blockRequest = [0x1B, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, (byte)file.Length, .. file];
        for (int sent = 0; sent < length; sent += 222)
        {
            int chunk = Math.Min(222, length - sent);
            bool last = sent + chunk >= length;
            var data = new byte[4 + chunk];
            BinaryPrimitives.WriteUInt16BigEndian(data, (ushort)chunk);
            data[2] = 0x00;
            data[3] = 0xFB;
            random.NextBytes(data.AsSpan(4));
            t = Job(t.Add(TimeSpan.FromMilliseconds(3)), blockRequest, [], [0x1B, last ? (byte)0x00 : (byte)0x01], data);
        }
        byte[] ended = [0x1C, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, (byte)file.Length, .. file];
        t = Job(t.Add(TimeSpan.FromMilliseconds(5)), ended, [], [0x1C], []);
        var nameBytes = System.Text.Encoding.ASCII.GetBytes(name);
        byte[] insert = [0x28, 0, 0, 0, 0, 0, 0, 0xFD, 0x00, (byte)(2 + nameBytes.Length), 0x01, 0x00, .. nameBytes, 0x05, .. "_INSE"u8];
        return Job(t.Add(TimeSpan.FromMilliseconds(5)), insert, [], [0x28], []);
    }

    /// <summary>Userdata CPU function "read SZL" 0x0011 index 0: module identification (order number, hardware, firmware).</summary>
    public Timestamp ReadModuleIdentification(Timestamp at, Host device)
    {
        ArgumentNullException.ThrowIfNull(device);
        byte[] requestParameter = [0x00, 0x01, 0x12, 0x04, 0x11, 0x44, 0x01, 0x00];
        byte[] requestData = [0xFF, 0x09, 0x00, 0x04, 0x00, 0x11, 0x00, 0x00];
        const int recordLength = 28;
        var records = new byte[3 * recordLength];
        WriteModuleRecord(records.AsSpan(0, recordLength), 1, device.Model ?? "", 0x0001, 0x0001);
        WriteModuleRecord(records.AsSpan(recordLength, recordLength), 6, device.Model ?? "", 0x0001, 0x0001);
        var record7 = records.AsSpan(2 * recordLength, recordLength);
        WriteModuleRecord(record7, 7, "", 0, 0);
        var (major, minor, patch) = ParseVersion(device.Firmware);
        record7[24] = (byte)'V';
        record7[25] = major;
        record7[26] = minor;
        record7[27] = patch;
        var responseData = new byte[4 + 8 + records.Length];
        responseData[0] = 0xFF;
        responseData[1] = 0x09;
        BinaryPrimitives.WriteUInt16BigEndian(responseData.AsSpan(2), (ushort)(8 + records.Length));
        BinaryPrimitives.WriteUInt16BigEndian(responseData.AsSpan(4), 0x0011);
        BinaryPrimitives.WriteUInt16BigEndian(responseData.AsSpan(6), 0x0000);
        BinaryPrimitives.WriteUInt16BigEndian(responseData.AsSpan(8), recordLength);
        BinaryPrimitives.WriteUInt16BigEndian(responseData.AsSpan(10), 3);
        records.CopyTo(responseData.AsSpan(12));
        byte[] responseParameter = [0x00, 0x01, 0x12, 0x08, 0x12, 0x84, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00];
        ushort reference = _pduReference++;
        var end = tcp.Exchange(at, Tpkt(Dt(S7(0x07, reference, requestParameter, requestData))),
            Tpkt(Dt(S7(0x07, reference, responseParameter, responseData))), Talk.ServerDelay(random), Talk.Rtt);
        sim.Manifest.CountPdu("s7comm", -1, 2);
        return end;
    }

    private Timestamp Job(Timestamp at, byte[] parameter, byte[] data, byte[] ackParameter, byte[] ackData)
    {
        ushort reference = _pduReference++;
        var end = tcp.Exchange(at, Tpkt(Dt(S7(0x01, reference, parameter, data))), Tpkt(Dt(S7(0x03, reference, ackParameter, ackData))),
            Talk.ServerDelay(random), Talk.Rtt);
        sim.Manifest.CountPdu("s7comm", parameter[0], 2);
        return end;
    }

    /// <summary>Read/Write Var parameter with one S7ANY item (area 0x84 data block, address in bits).</summary>
    private static byte[] Item(byte function, ushort db, int byteOffset, ushort length)
    {
        var p = new byte[14];
        p[0] = function;
        p[1] = 1;                                                  // item count
        p[2] = 0x12;                                               // variable specification
        p[3] = 0x0A;                                               // length of the address specification
        p[4] = 0x10;                                               // syntax id S7ANY
        p[5] = 0x02;                                               // transport size BYTE
        BinaryPrimitives.WriteUInt16BigEndian(p.AsSpan(6), length);
        BinaryPrimitives.WriteUInt16BigEndian(p.AsSpan(8), db);
        p[10] = 0x84;                                              // area: data blocks
        int bits = byteOffset * 8;
        p[11] = (byte)(bits >> 16);
        p[12] = (byte)(bits >> 8);
        p[13] = (byte)bits;
        return p;
    }

    private static void WriteModuleRecord(Span<byte> record, ushort index, string orderNumber, ushort version1, ushort version2)
    {
        BinaryPrimitives.WriteUInt16BigEndian(record, index);
        var mlfb = record.Slice(2, 20);
        mlfb.Fill((byte)' ');
        Encoding.ASCII.GetBytes(orderNumber.AsSpan(0, Math.Min(20, orderNumber.Length)), mlfb);
        BinaryPrimitives.WriteUInt16BigEndian(record[22..], 0x00C0);   // module type id
        BinaryPrimitives.WriteUInt16BigEndian(record[24..], version1);
        BinaryPrimitives.WriteUInt16BigEndian(record[26..], version2);
    }

    private static (byte, byte, byte) ParseVersion(string? firmware)
    {
        var parts = (firmware ?? "V0.0.0").TrimStart('V', 'v').Split('.');
        byte Part(int i) => i < parts.Length && byte.TryParse(parts[i], System.Globalization.CultureInfo.InvariantCulture, out var b) ? b : (byte)0;
        return (Part(0), Part(1), Part(2));
    }

    private static byte[] S7(byte rosctr, ushort reference, byte[] parameter, byte[] data)
    {
        int header = rosctr is 0x02 or 0x03 ? 12 : 10;
        var pdu = new byte[header + parameter.Length + data.Length];
        pdu[0] = 0x32;
        pdu[1] = rosctr;
        BinaryPrimitives.WriteUInt16BigEndian(pdu.AsSpan(4), reference);
        BinaryPrimitives.WriteUInt16BigEndian(pdu.AsSpan(6), (ushort)parameter.Length);
        BinaryPrimitives.WriteUInt16BigEndian(pdu.AsSpan(8), (ushort)data.Length);
        parameter.CopyTo(pdu.AsSpan(header));
        data.CopyTo(pdu.AsSpan(header + parameter.Length));
        return pdu;
    }

    /// <summary>COTP CR (0xE0) or CC (0xD0), class 0, with TPDU size 1024 and the TSAP parameters.</summary>
    private static byte[] Cotp(byte type, ushort destinationReference, ushort sourceReference)
    {
        byte[] cotp = [17, type, (byte)(destinationReference >> 8), (byte)destinationReference, (byte)(sourceReference >> 8), (byte)sourceReference, 0x00,
            0xC0, 0x01, 0x0A, 0xC1, 0x02, 0x01, 0x00, 0xC2, 0x02, 0x01, 0x02];
        return cotp;
    }

    private static byte[] Dt(byte[] payload) => [0x02, 0xF0, 0x80, .. payload];

    private static byte[] Tpkt(byte[] payload)
    {
        var packet = new byte[4 + payload.Length];
        packet[0] = 3;
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), (ushort)packet.Length);
        payload.CopyTo(packet.AsSpan(4));
        return packet;
    }
}
