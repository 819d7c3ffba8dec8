using System.Buffers.Binary;
using OtSensor.Core.Net;
using OtSensor.TestKit.Synthetic;

namespace OtSensor.Benchmarks.Decoding;

/// <summary>
/// The frames the decoding benchmarks feed: one Modbus/TCP read request in three link/network shapes.
/// IPv4/TCP comes from <see cref="FrameBuilder"/>; the VLAN tag and the IPv6/UDP frame are built here
/// because TestKit only builds untagged IPv4.
/// </summary>
internal static class BenchFrames
{
    public static readonly MacAddress ClientMac = new(0x00_80_F4_00_00_10UL);
    public static readonly MacAddress ServerMac = new(0x00_80_F4_00_00_A0UL);
    public static readonly uint ClientIP = FrameBuilder.IPv4(10, 10, 20, 10);
    public static readonly uint ServerIP = FrameBuilder.IPv4(10, 10, 10, 11);

    /// <summary>Modbus/TCP FC 3 Read Holding Registers, address 100, quantity 10 (12 bytes).</summary>
    public static byte[] ModbusReadRequest =>
    [
        0x00, 0x01, // Transaction ID 1
        0x00, 0x00, // Protocol ID 0
        0x00, 0x06, // Length 6
        0x01,       // Unit ID 1
        0x03,       // FC 3 Read Holding Registers
        0x00, 0x64, // Starting address 100
        0x00, 0x0A, // Quantity 10
    ];

    /// <summary>Ethernet II / IPv4 / TCP (PSH|ACK) / Modbus request: 66 bytes.</summary>
    public static byte[] EthernetIPv4Tcp(ushort clientPort = 49152, uint clientIP = 0)
        => FrameBuilder.Tcp(ClientMac, ServerMac, clientIP == 0 ? ClientIP : clientIP, ServerIP, clientPort, 502,
            seq: 1000, ack: 2000, flags: 0x18, ModbusReadRequest);

    /// <summary>The IPv4/TCP frame with one 802.1Q tag (VID 10, PCP 5) inserted after the MAC addresses: 70 bytes.</summary>
    public static byte[] VlanIPv4Tcp()
    {
        var untagged = EthernetIPv4Tcp();
        var frame = new byte[untagged.Length + 4];
        untagged.AsSpan(0, 12).CopyTo(frame);                            // destination + source MAC
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(12), 0x8100); // TPID 802.1Q
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(14), 0xA00A); // TCI: PCP 5, DEI 0, VID 10
        untagged.AsSpan(12).CopyTo(frame.AsSpan(16));                    // inner EtherType 0x0800 and the rest
        return frame;
    }

    /// <summary>Ethernet II / IPv6 (fd00::10 → fd00::11, no extension headers) / UDP 20000 → 20000, 16-byte payload: 78 bytes.</summary>
    public static byte[] EthernetIPv6Udp()
    {
        const int payloadLength = 16;
        var frame = new byte[14 + 40 + 8 + payloadLength];
        var span = frame.AsSpan();
        ServerMac.WriteTo(span);                                          // destination MAC
        ClientMac.WriteTo(span[6..]);                                     // source MAC
        BinaryPrimitives.WriteUInt16BigEndian(span[12..], 0x86DD);        // EtherType IPv6

        var ip = span[14..];
        ip[0] = 0x60;                                                     // version 6, traffic class 0, flow label 0
        BinaryPrimitives.WriteUInt16BigEndian(ip[4..], 8 + payloadLength); // payload length
        ip[6] = 17;                                                       // next header UDP
        ip[7] = 64;                                                       // hop limit
        ip[8] = 0xFD; ip[23] = 0x10;                                      // source fd00::10
        ip[24] = 0xFD; ip[39] = 0x11;                                     // destination fd00::11

        var udp = ip[40..];
        BinaryPrimitives.WriteUInt16BigEndian(udp, 20000);                // source port
        BinaryPrimitives.WriteUInt16BigEndian(udp[2..], 20000);           // destination port
        BinaryPrimitives.WriteUInt16BigEndian(udp[4..], 8 + payloadLength); // length
        for (int i = 0; i < payloadLength; i++) udp[8 + i] = (byte)i;
        BinaryPrimitives.WriteUInt16BigEndian(udp[6..], UdpChecksum(ip[8..40], udp));
        return frame;
    }

    /// <summary>RFC 8200 §8.1 pseudo-header checksum (mandatory for UDP over IPv6).</summary>
    private static ushort UdpChecksum(ReadOnlySpan<byte> addresses, ReadOnlySpan<byte> udp)
    {
        uint sum = 17 + (uint)udp.Length;
        for (int i = 0; i < addresses.Length; i += 2) sum += BinaryPrimitives.ReadUInt16BigEndian(addresses[i..]);
        int n = 0;
        for (; n + 1 < udp.Length; n += 2) sum += BinaryPrimitives.ReadUInt16BigEndian(udp[n..]);
        if (n < udp.Length) sum += (uint)udp[n] << 8;
        while ((sum >> 16) != 0) sum = (sum & 0xFFFF) + (sum >> 16);
        ushort result = (ushort)~sum;
        return result == 0 ? (ushort)0xFFFF : result;
    }
}
