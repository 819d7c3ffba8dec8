using System.Buffers.Binary;
using System.Text;
using OtSensor.Core.Net;
using OtSensor.Core.Time;
using OtSensor.Simulation.Engine;
using OtSensor.Simulation.Plant;
using OtSensor.Simulation.Wire;

namespace OtSensor.Simulation.Traffic;

/// <summary>
/// BACnet/IP on UDP 47808 (ANSI/ASHRAE 135-2020 Annex J: BVLC 0x81, Original-Unicast-NPDU 0x0A, Original-Broadcast-NPDU
/// 0x0B; §6 NPDU version 1; §20 APDU encoding): Who-Is / I-Am, and ReadProperty of device and analog-value properties
/// answered by Complex-ACKs.
/// </summary>
public static class BacnetTraffic
{
    public const ushort Port = 47808;
    private const uint DeviceObjectType = 8;
    private const uint AnalogValueObjectType = 2;

    /// <summary>Who-Is broadcast by <paramref name="client"/>; each controller answers with I-Am (also broadcast).</summary>
    public static Timestamp WhoIs(Simulator sim, Timestamp at, Host client, IEnumerable<FieldDevice> controllers, Random random)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(controllers);
        ArgumentNullException.ThrowIfNull(random);
        uint broadcast = client.Address | 0xFF;
        sim.Emit(at, Frames.Udp(client, Port, MacAddress.Broadcast, broadcast, Port, Bvlc(0x0B, [0x01, 0x00, 0x10, 0x08])));
        sim.Manifest.CountPdu("bacnet", 8);
        var t = at;
        foreach (var controller in controllers)
        {
            t = t.Add(TimeSpan.FromMicroseconds(random.Next(1000, 20000)));
            var host = controller.Host;
            byte[] iAm = [0x01, 0x00, 0x10, 0x00, .. ObjectIdentifier(0xC4, DeviceObjectType, (uint)controller.Address),
                0x22, 0x05, 0xC4,                                   // max APDU length accepted: 1476
                0x91, 0x03,                                         // segmentation supported: no-segmentation
                0x21, (byte)controller.VendorId];                   // vendor identifier
            uint hostBroadcast = host.Address | 0xFF;
            sim.Emit(t, Frames.Udp(host, Port, MacAddress.Broadcast, hostBroadcast, Port, Bvlc(0x0B, iAm)));
            sim.Manifest.CountPdu("bacnet", 0);
        }
        return t;
    }

    /// <summary>ReadProperty (12) of the device object's object-name, model-name, firmware-revision or vendor-name.</summary>
    public static Timestamp ReadDeviceProperty(Simulator sim, Timestamp at, Host client, FieldDevice controller, byte property, byte invokeId, Random random)
    {
        ArgumentNullException.ThrowIfNull(controller);
        var host = controller.Host;
        string text = property switch
        {
            77 => host.Name,
            70 => host.Model ?? "",
            44 => host.Firmware ?? "",
            121 => host.Vendor ?? "",
            _ => "",
        };
        var value = Encoding.ASCII.GetBytes(text);
        byte[] encoded = [0x75, (byte)(value.Length + 1), 0x00, .. value]; // character string, extended length, ANSI X3.4
        return ReadProperty(sim, at, client, host, DeviceObjectType, (uint)controller.Address, property, invokeId, encoded, random);
    }

    /// <summary>ReadProperty (12) of present-value (85) of analog-value <paramref name="instance"/>: a REAL.</summary>
    public static Timestamp ReadPresentValue(Simulator sim, Timestamp at, Host client, Host controller, uint instance, byte invokeId, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var real = new byte[5];
        real[0] = 0x44;
        BinaryPrimitives.WriteSingleBigEndian(real.AsSpan(1), (float)(18 + (random.NextDouble() * 6)));
        return ReadProperty(sim, at, client, controller, AnalogValueObjectType, instance, 85, invokeId, real, random);
    }

    private static Timestamp ReadProperty(Simulator sim, Timestamp at, Host client, Host server, uint objectType, uint instance, byte property,
        byte invokeId, byte[] value, Random random)
    {
        ArgumentNullException.ThrowIfNull(client);
        byte[] objectId = ObjectIdentifier(0x0C, objectType, instance);
        byte[] request = [0x01, 0x04, 0x00, 0x05, invokeId, 0x0C, .. objectId, 0x19, property];
        byte[] ack = [0x01, 0x00, 0x30, invokeId, 0x0C, .. objectId, 0x19, property, 0x3E, .. value, 0x3F];
        sim.Emit(at, Frames.Udp(client, Port, server.Mac, server.Address, Port, Bvlc(0x0A, request)));
        var answered = at.Add(Talk.ServerDelay(random));
        sim.Emit(answered, Frames.Udp(server, Port, client.Mac, client.Address, Port, Bvlc(0x0A, ack)));
        sim.Manifest.CountPdu("bacnet", 12, 2);
        return answered;
    }

    /// <summary>An object identifier (type in the top 10 bits, instance in the low 22) under tag byte <paramref name="tag"/>.</summary>
    private static byte[] ObjectIdentifier(byte tag, uint type, uint instance)
    {
        uint value = (type << 22) | (instance & 0x3FFFFF);
        return [tag, (byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value];
    }

    private static byte[] Bvlc(byte function, byte[] npdu)
    {
        var packet = new byte[4 + npdu.Length];
        packet[0] = 0x81;
        packet[1] = function;
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), (ushort)packet.Length);
        npdu.CopyTo(packet.AsSpan(4));
        return packet;
    }
}
