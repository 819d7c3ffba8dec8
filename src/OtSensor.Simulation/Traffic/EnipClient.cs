using System.Buffers.Binary;
using System.Text;
using OtSensor.Core.Net;
using OtSensor.Core.Time;
using OtSensor.Simulation.Engine;
using OtSensor.Simulation.Plant;
using OtSensor.Simulation.Wire;

namespace OtSensor.Simulation.Traffic;

/// <summary>
/// An EtherNet/IP scanner (CIP Vol. 2 §2: 24-byte little-endian encapsulation header; RegisterSession 0x65, ListIdentity
/// 0x63, SendRRData 0x6F with a common packet format of a null address item and an unconnected data item) sending
/// explicit CIP requests (Vol. 1 §2-4: service, padded EPATH of class/instance/attribute or ANSI symbolic segments).
/// </summary>
public sealed class EnipClient(Simulator sim, TcpConnection tcp, Random random)
{
    public const ushort Port = 44818;
    private uint _session;
    private ulong _context = (ulong)random.NextInt64();

    public TcpConnection Connection => tcp;

    public Timestamp Open(Timestamp at)
    {
        var t = tcp.Open(at, Talk.Rtt);
        _session = (uint)random.Next(1, int.MaxValue);
        byte[] data = [0x01, 0x00, 0x00, 0x00];
        var (request, reply) = Encapsulations(0x65, 0, data, _session, data);
        var end = tcp.Exchange(t.Add(TimeSpan.FromMicroseconds(100)), request, reply, Talk.ServerDelay(random), Talk.Rtt);
        sim.Manifest.CountPdu("enip", 0x65, 2);
        return end;
    }

    /// <summary>Get_Attribute_Single (0x0E) of the Identity object (class 1, instance 1), attribute 7 product name.</summary>
    public Timestamp ReadProductName(Timestamp at, Host device)
    {
        ArgumentNullException.ThrowIfNull(device);
        byte[] request = [0x0E, 0x03, 0x20, 0x01, 0x24, 0x01, 0x30, 0x07];
        var name = Encoding.ASCII.GetBytes(device.Model ?? "");
        byte[] response = [0x8E, 0x00, 0x00, 0x00, (byte)name.Length, .. name];
        return Explicit(at, request, response);
    }

    /// <summary>Logix Read Tag (0x4C) of a DINT tag by its symbolic name (ANSI extended symbolic segment 0x91).</summary>
    public Timestamp ReadTag(Timestamp at, string tag)
    {
        var name = Encoding.ASCII.GetBytes(tag);
        int pathBytes = 2 + name.Length + (name.Length & 1);
        var request = new byte[2 + pathBytes + 2];
        request[0] = 0x4C;
        request[1] = (byte)(pathBytes / 2);
        request[2] = 0x91;
        request[3] = (byte)name.Length;
        name.CopyTo(request.AsSpan(4));
        request[2 + pathBytes] = 1;                                // element count
        var response = new byte[] { 0xCC, 0, 0, 0, 0xC4, 0x00, 0, 0, 0, 0 };
        random.NextBytes(response.AsSpan(6));
        return Explicit(at, request, response);
    }

    /// <summary>Write Tag (0x4D) of a DINT.</summary>
    public Timestamp WriteTag(Timestamp at, string tag, int value)
    {
        var name = Encoding.ASCII.GetBytes(tag);
        int pathBytes = 2 + name.Length + (name.Length & 1);
        var request = new byte[2 + pathBytes + 8];
        request[0] = 0x4D;
        request[1] = (byte)(pathBytes / 2);
        request[2] = 0x91;
        request[3] = (byte)name.Length;
        name.CopyTo(request.AsSpan(4));
        int o = 2 + pathBytes;
        request[o] = 0xC4;                                         // DINT
        request[o + 2] = 1;                                        // one element
        BinaryPrimitives.WriteInt32LittleEndian(request.AsSpan(o + 4), value);
        return Explicit(at, request, [0xCD, 0, 0, 0]);
    }

    /// <summary>
    /// Downloads a program file through the CIP File object (class 0x37, Vol. 1 §5A-42): Initiate Download (0x4C) with
    /// the file's size, revision and name (STRINGI), answered with the transfer size; then Download Transfer (0x50)
    /// packets (type 0 first, 1 middle, 2 last, 4 only; the last ends with the file's 16-bit checksum), each acknowledged with its number.
    /// </summary>
    public Timestamp DownloadFile(Timestamp at, byte instance, string fileName, int length)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        const int transferSize = 200;
        var name = Encoding.ASCII.GetBytes(fileName);
        byte[] path = [0x20, 0x37, 0x24, instance];                // class 0x37, instance
        var size = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(size, (uint)length);
        byte[] initiate = [0x4C, 0x02, .. path, .. size, 0x01, 0x00,  // file size, revision 1.0
            0x01, (byte)'e', (byte)'n', (byte)'g', 0xDA, 0x04, 0x00, (byte)name.Length, .. name];  // STRINGI: one English SHORT_STRING, ISO 8859-1
        var t = Explicit(at, initiate, [0xCC, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, transferSize]);
        var image = new byte[length];
        random.NextBytes(image);
        int checksum = 0;
        foreach (var b in image) checksum += b;
        byte number = 0;
        for (int sent = 0; sent < length; sent += transferSize, number++)
        {
            int chunk = Math.Min(transferSize, length - sent);
            bool last = sent + chunk >= length;
            byte type = sent == 0 ? (last ? (byte)4 : (byte)0) : last ? (byte)2 : (byte)1;
            byte[] transfer = [0x50, 0x02, .. path, number, type, .. image.AsSpan(sent, chunk)];
            if (last) transfer = [.. transfer, (byte)-checksum, (byte)(-checksum >> 8)];
            t = Explicit(t.Add(TimeSpan.FromMilliseconds(2)), transfer, [0xD0, 0x00, 0x00, 0x00, number]);
        }
        return t;
    }

    /// <summary>A ListIdentity broadcast on UDP 44818 and each device's identity reply (CIP Vol. 2 §2-4.3).</summary>
    public static Timestamp ListIdentity(Simulator sim, Timestamp at, Host scanner, IEnumerable<FieldDevice> devices, Random random)
    {
        ArgumentNullException.ThrowIfNull(scanner);
        ArgumentNullException.ThrowIfNull(devices);
        ArgumentNullException.ThrowIfNull(random);
        ushort port = scanner.NextEphemeralPort();
        uint broadcast = scanner.Address | 0xFF;
        sim.Emit(at, Frames.Udp(scanner, port, MacAddress.Broadcast, broadcast, Port, EncapsulationHeader(0x63, 0, 0, 0, [])));
        sim.Manifest.CountPdu("enip", 0x63);
        var t = at;
        foreach (var device in devices)
        {
            t = t.Add(TimeSpan.FromMicroseconds(random.Next(500, 4000)));
            sim.Emit(t, Frames.Udp(device.Host, Port, scanner.Mac, scanner.Address, port, EncapsulationHeader(0x63, 0, 0, 0, IdentityItem(device))));
            sim.Manifest.CountPdu("enip", 0x63);
        }
        return t;
    }

    private Timestamp Explicit(Timestamp at, byte[] request, byte[] response)
    {
        var (requestPacket, replyPacket) = Encapsulations(0x6F, _session, SendRRData(request), _session, SendRRData(response));
        var end = tcp.Exchange(at, requestPacket, replyPacket, Talk.ServerDelay(random), Talk.Rtt);
        sim.Manifest.CountPdu("enip", 0x6F, 2);
        sim.Manifest.CountPdu("cip", request[0], 2);
        return end;
    }

    /// <summary>Interface handle 0, timeout, two CPF items: null address (0x0000) and unconnected data (0x00B2).</summary>
    private static byte[] SendRRData(byte[] cip)
    {
        var data = new byte[16 + cip.Length];
        BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(4), 10);     // timeout
        BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(6), 2);      // item count
        BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(12), 0x00B2);
        BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(14), (ushort)cip.Length);
        cip.CopyTo(data.AsSpan(16));
        return data;
    }

    /// <summary>A request and its reply: the target echoes the request's sender context (Vol. 2 §2-3.1), which pairs them.</summary>
    private (byte[] Request, byte[] Reply) Encapsulations(ushort command, uint requestSession, byte[] requestData, uint replySession, byte[] replyData)
    {
        ulong context = _context++;
        return (EncapsulationHeader(command, requestSession, 0, context, requestData), EncapsulationHeader(command, replySession, 0, context, replyData));
    }

    private static byte[] EncapsulationHeader(ushort command, uint session, uint status, ulong context, byte[] data)
    {
        var packet = new byte[24 + data.Length];
        BinaryPrimitives.WriteUInt16LittleEndian(packet, command);
        BinaryPrimitives.WriteUInt16LittleEndian(packet.AsSpan(2), (ushort)data.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(packet.AsSpan(4), session);
        BinaryPrimitives.WriteUInt32LittleEndian(packet.AsSpan(8), status);
        BinaryPrimitives.WriteUInt64LittleEndian(packet.AsSpan(12), context);
        data.CopyTo(packet.AsSpan(24));
        return packet;
    }

    /// <summary>CPF item 0x000C: identity of the device (vendor, type, product code, revision, status, serial, name, state).</summary>
    private static byte[] IdentityItem(FieldDevice device)
    {
        var host = device.Host;
        var name = Encoding.ASCII.GetBytes(host.Model ?? "");
        var item = new byte[2 + 16 + 14 + 1 + name.Length + 1];
        BinaryPrimitives.WriteUInt16LittleEndian(item, 1);                // protocol version
        BinaryPrimitives.WriteUInt16BigEndian(item.AsSpan(2), 2);         // sin_family AF_INET (big-endian)
        BinaryPrimitives.WriteUInt16BigEndian(item.AsSpan(4), Port);
        BinaryPrimitives.WriteUInt32BigEndian(item.AsSpan(6), host.Address);
        int o = 18;
        BinaryPrimitives.WriteUInt16LittleEndian(item.AsSpan(o), (ushort)device.VendorId);
        BinaryPrimitives.WriteUInt16LittleEndian(item.AsSpan(o + 2), (ushort)device.DeviceType);
        BinaryPrimitives.WriteUInt16LittleEndian(item.AsSpan(o + 4), (ushort)device.ProductCode);
        var revision = (host.Firmware ?? "1.1").Split('.');
        item[o + 6] = byte.Parse(revision[0], System.Globalization.CultureInfo.InvariantCulture);
        item[o + 7] = revision.Length > 1 ? byte.Parse(revision[1], System.Globalization.CultureInfo.InvariantCulture) : (byte)0;
        BinaryPrimitives.WriteUInt16LittleEndian(item.AsSpan(o + 8), 0x0060);  // status: run, configured
        BinaryPrimitives.WriteUInt32LittleEndian(item.AsSpan(o + 10), uint.Parse(host.Serial ?? "0", System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture));
        item[o + 14] = (byte)name.Length;
        name.CopyTo(item.AsSpan(o + 15));
        item[^1] = 3;                                                      // state: operational
        var cpf = new byte[2 + 4 + item.Length];
        BinaryPrimitives.WriteUInt16LittleEndian(cpf, 1);
        BinaryPrimitives.WriteUInt16LittleEndian(cpf.AsSpan(2), 0x000C);
        BinaryPrimitives.WriteUInt16LittleEndian(cpf.AsSpan(4), (ushort)item.Length);
        item.CopyTo(cpf.AsSpan(6));
        return cpf;
    }
}
