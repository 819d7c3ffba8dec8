using System.Buffers.Binary;
using System.Text;
using OtSensor.Core.Net;
using OtSensor.Core.Time;
using OtSensor.Simulation.Engine;
using OtSensor.Simulation.Wire;

namespace OtSensor.Simulation.Traffic;

/// <summary>
/// A PROFINET cell (EtherType 0x8892): the IO controller's DCP Identify-All (IEC 61158-6-10 §4.3, FrameID 0xFEFE to
/// 01:0E:CF:00:00:00) answered by each IO device (FrameID 0xFEFF) with its station name, vendor text, vendor/device
/// id, role and IP parameters; then RT_CLASS_1 cyclic data both ways (FrameID 0x8000+, cycle counter, data status).
/// </summary>
public static class ProfinetTraffic
{
    private const ushort EtherType = 0x8892;
    private static readonly MacAddress DcpMulticast = new(0x010E_CF00_0000UL);

    public sealed record IoDevice(Host Host, string StationName, string VendorText, ushort VendorId, ushort DeviceId);

    /// <summary>Identify-All from <paramref name="controller"/> and one response per device; counted as profinet-dcp service 5.</summary>
    public static Timestamp Identify(Simulator sim, Timestamp at, Host controller, IReadOnlyList<IoDevice> devices, uint xid, Random random)
    {
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentNullException.ThrowIfNull(devices);
        ArgumentNullException.ThrowIfNull(random);
        byte[] request = [0xFE, 0xFE, 0x05, 0x00, (byte)(xid >> 24), (byte)(xid >> 16), (byte)(xid >> 8), (byte)xid, 0x00, 0x01, 0x00, 0x04, 0xFF, 0xFF, 0x00, 0x00];
        sim.Emit(at, Frames.Ethernet(DcpMulticast, controller.Mac, EtherType, request));
        sim.Manifest.CountPdu("profinet-dcp", 5);
        var t = at;
        foreach (var device in devices)
        {
            t = t.Add(TimeSpan.FromMilliseconds(random.Next(1, 40)));
            sim.Emit(t, Frames.Ethernet(controller.Mac, device.Host.Mac, EtherType, IdentifyResponse(device, xid)));
            sim.Manifest.CountPdu("profinet-dcp", 5);
        }
        return t;
    }

    /// <summary>One cyclic RT frame: 40 octets of IO data, cycle counter, data status (valid, primary, run), transfer status.</summary>
    public static void Cyclic(Simulator sim, Timestamp at, Host from, Host to, ushort frameId, ushort cycle, Random random)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(random);
        var payload = new byte[2 + 40 + 4];
        BinaryPrimitives.WriteUInt16BigEndian(payload, frameId);
        random.NextBytes(payload.AsSpan(2, 40));
        BinaryPrimitives.WriteUInt16BigEndian(payload.AsSpan(42), cycle);
        payload[44] = 0x35;
        payload[45] = 0x00;
        sim.Emit(at, Frames.Ethernet(to.Mac, from.Mac, EtherType, payload));
    }

    private static byte[] IdentifyResponse(IoDevice device, uint xid)
    {
        var blocks = new List<byte>();
        Block(blocks, 0x02, 0x02, [0x00, 0x00, .. Encoding.ASCII.GetBytes(device.StationName)]);
        Block(blocks, 0x02, 0x01, [0x00, 0x00, .. Encoding.ASCII.GetBytes(device.VendorText)]);
        Block(blocks, 0x02, 0x03, [0x00, 0x00, (byte)(device.VendorId >> 8), (byte)device.VendorId, (byte)(device.DeviceId >> 8), (byte)device.DeviceId]);
        Block(blocks, 0x02, 0x04, [0x00, 0x00, 0x01, 0x00]);                         // role: IO device
        uint ip = device.Host.Address;
        Block(blocks, 0x01, 0x02, [0x00, 0x01, (byte)(ip >> 24), (byte)(ip >> 16), (byte)(ip >> 8), (byte)ip,
            255, 255, 255, 0, (byte)(ip >> 24), (byte)(ip >> 16), (byte)(ip >> 8), 1]);
        var pdu = new byte[12 + blocks.Count];
        pdu[0] = 0xFE;
        pdu[1] = 0xFF;
        pdu[2] = 0x05;                                                               // Identify
        pdu[3] = 0x01;                                                               // response, success
        BinaryPrimitives.WriteUInt32BigEndian(pdu.AsSpan(4), xid);
        BinaryPrimitives.WriteUInt16BigEndian(pdu.AsSpan(10), (ushort)blocks.Count);
        blocks.CopyTo(pdu, 12);
        return pdu;
    }

    /// <summary>Option, suboption, block length, value, and a padding octet when the length is odd.</summary>
    private static void Block(List<byte> into, byte option, byte suboption, byte[] value)
    {
        into.Add(option);
        into.Add(suboption);
        into.Add((byte)(value.Length >> 8));
        into.Add((byte)value.Length);
        into.AddRange(value);
        if ((value.Length & 1) != 0) into.Add(0);
    }
}
