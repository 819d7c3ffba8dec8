using System.Buffers.Binary;
using System.Text;
using OtSensor.Core.Time;
using OtSensor.Simulation.Engine;
using OtSensor.Simulation.Wire;

namespace OtSensor.Simulation.Traffic;

/// <summary>
/// A Modbus/TCP client on one connection (Modbus Messaging on TCP/IP Implementation Guide v1.0b §3.1.3: MBAP header
/// transaction id, protocol 0, length, unit id; Modbus Application Protocol v1.1b3 §6 for the PDUs).
/// </summary>
public sealed class ModbusClient(Simulator sim, TcpConnection tcp, byte unit, Random random)
{
    public const ushort Port = 502;
    private ushort _transaction = (ushort)random.Next(1, 60000);

    public TcpConnection Connection => tcp;

    /// <summary>One request and its answer; both are counted in the manifest under the function code (exception bit cleared).</summary>
    public Timestamp Transact(Timestamp at, byte[] request, byte[] response)
    {
        ushort id = _transaction++;
        var end = tcp.Exchange(at, Adu(id, request), Adu(id, response), Talk.ServerDelay(random), Talk.Rtt);
        sim.Manifest.CountPdu("modbus", request[0]);
        sim.Manifest.CountPdu("modbus", response[0] & 0x7F);
        return end;
    }

    /// <summary>Read Coils (1), Discrete Inputs (2), Holding (3) or Input Registers (4) and a plausible answer (§6.1–6.4).</summary>
    public Timestamp Read(Timestamp at, byte function, ushort address, ushort quantity)
    {
        var request = new byte[5];
        request[0] = function;
        BinaryPrimitives.WriteUInt16BigEndian(request.AsSpan(1), address);
        BinaryPrimitives.WriteUInt16BigEndian(request.AsSpan(3), quantity);
        int bytes = function <= 2 ? (quantity + 7) / 8 : quantity * 2;
        var response = new byte[2 + bytes];
        response[0] = function;
        response[1] = (byte)bytes;
        random.NextBytes(response.AsSpan(2));
        return Transact(at, request, response);
    }

    /// <summary>Write Single Register (6), echoed (§6.6).</summary>
    public Timestamp WriteRegister(Timestamp at, ushort address, ushort value)
    {
        var pdu = new byte[5];
        pdu[0] = 6;
        BinaryPrimitives.WriteUInt16BigEndian(pdu.AsSpan(1), address);
        BinaryPrimitives.WriteUInt16BigEndian(pdu.AsSpan(3), value);
        return Transact(at, pdu, (byte[])pdu.Clone());
    }

    /// <summary>Write Single Coil (5): 0xFF00 on, 0x0000 off, echoed (§6.5).</summary>
    public Timestamp WriteCoil(Timestamp at, ushort address, bool on)
    {
        var pdu = new byte[] { 5, (byte)(address >> 8), (byte)address, on ? (byte)0xFF : (byte)0, 0 };
        return Transact(at, pdu, (byte[])pdu.Clone());
    }

    /// <summary>Write Multiple Registers (16) and its acknowledgement (§6.12).</summary>
    public Timestamp WriteRegisters(Timestamp at, ushort address, ReadOnlySpan<ushort> values)
    {
        var request = new byte[6 + (values.Length * 2)];
        request[0] = 16;
        BinaryPrimitives.WriteUInt16BigEndian(request.AsSpan(1), address);
        BinaryPrimitives.WriteUInt16BigEndian(request.AsSpan(3), (ushort)values.Length);
        request[5] = (byte)(values.Length * 2);
        for (int i = 0; i < values.Length; i++) BinaryPrimitives.WriteUInt16BigEndian(request.AsSpan(6 + (i * 2)), values[i]);
        return Transact(at, request, request[..5]);
    }

    /// <summary>Write Multiple Coils (15) and its acknowledgement (§6.11).</summary>
    public Timestamp WriteCoils(Timestamp at, ushort address, ushort quantity)
    {
        int bytes = (quantity + 7) / 8;
        var request = new byte[6 + bytes];
        request[0] = 15;
        BinaryPrimitives.WriteUInt16BigEndian(request.AsSpan(1), address);
        BinaryPrimitives.WriteUInt16BigEndian(request.AsSpan(3), quantity);
        request[5] = (byte)bytes;
        random.NextBytes(request.AsSpan(6));
        return Transact(at, request, request[..5]);
    }

    /// <summary>A read the device rejects with exception 2, illegal data address (§7).</summary>
    public Timestamp ReadIllegalAddress(Timestamp at, ushort address)
    {
        var request = new byte[] { 3, (byte)(address >> 8), (byte)address, 0, 10 };
        return Transact(at, request, [0x83, 0x02]);
    }

    /// <summary>Read Device Identification (43 / MEI 14), basic objects VendorName, ProductCode, MajorMinorRevision (§6.21).</summary>
    public Timestamp ReadIdentification(Timestamp at, Host device)
    {
        ArgumentNullException.ThrowIfNull(device);
        var body = new List<byte> { 0x2B, 0x0E, 0x01, 0x01, 0x00, 0x00, 0x03 };
        byte id = 0;
        foreach (var value in new[] { device.Vendor ?? "", device.Model ?? "", device.Firmware ?? "" })
        {
            var bytes = Encoding.ASCII.GetBytes(value);
            body.Add(id++);
            body.Add((byte)bytes.Length);
            body.AddRange(bytes);
        }
        return Transact(at, [0x2B, 0x0E, 0x01, 0x00], [.. body]);
    }

    private byte[] Adu(ushort transaction, ReadOnlySpan<byte> pdu)
    {
        var adu = new byte[7 + pdu.Length];
        BinaryPrimitives.WriteUInt16BigEndian(adu, transaction);
        BinaryPrimitives.WriteUInt16BigEndian(adu.AsSpan(4), (ushort)(pdu.Length + 1));
        adu[6] = unit;
        pdu.CopyTo(adu.AsSpan(7));
        return adu;
    }
}
