using System.Buffers.Binary;
using OtSensor.Core.Net;
using OtSensor.Simulation.Plant;
using OtSensor.Simulation.Traffic;
using OtSensor.Simulation.Wire;

namespace OtSensor.Integration.Tests.Simulation;

/// <summary>The simulator's wire encodings against published vectors and their own checksums.</summary>
public sealed class SimulationWireTests
{
    private static Host MakeHost(uint address, ulong mac) => new("h", new MacAddress(mac), address, DeviceKind.Unknown, 1);

    [Fact]
    public void Dnp3Crc_LinkResetHeader_MatchesTheStandardExample()
    {
        // IEEE 1815 link header of a reset-link request: 05 64 05 C0 01 00 00 04, CRC sent as E9 21.
        Assert.Equal(0x21E9, Dnp3Master.Crc([0x05, 0x64, 0x05, 0xC0, 0x01, 0x00, 0x00, 0x04]));
    }

    [Fact]
    public void Tcp_Frame_HasValidIpAndTcpChecksums()
    {
        var client = MakeHost(0x0A140001, 0x0000BC000001);
        var server = MakeHost(0x0A140002, 0x0000BC000002);
        client.SeedCounters(new Random(1));
        var frame = Frames.Tcp(client, 50000, server, 502, 1000, 2000, Frames.Psh | Frames.Ack, [1, 2, 3, 4, 5]);
        var ip = frame.AsSpan(14, 20);
        Assert.Equal(0xFFFF, OnesComplementSum(ip, 0));
        int tcpLength = BinaryPrimitives.ReadUInt16BigEndian(ip[2..]) - 20;
        ulong pseudo = 0x0A14 + 0x0001 + 0x0A14 + 0x0002 + 6u + (uint)tcpLength;
        Assert.Equal(0xFFFF, OnesComplementSum(frame.AsSpan(34, tcpLength), pseudo));
    }

    [Fact]
    public void Udp_ShortPayload_IsPaddedToTheEthernetMinimum()
    {
        var a = MakeHost(0x0A140001, 0x0000BC000001);
        var frame = Frames.Udp(a, 123, MacAddress.Broadcast, 0x0A1400FF, 123, [0x23]);
        Assert.Equal(Frames.MinimumFrame, frame.Length);
        Assert.Equal(8 + 1, BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(38)));
    }

    private static int OnesComplementSum(ReadOnlySpan<byte> data, ulong sum)
    {
        for (int i = 0; i + 1 < data.Length; i += 2) sum += BinaryPrimitives.ReadUInt16BigEndian(data[i..]);
        if ((data.Length & 1) != 0) sum += (uint)data[^1] << 8;
        while ((sum >> 16) != 0) sum = (sum & 0xFFFF) + (sum >> 16);
        return (int)sum;
    }
}
