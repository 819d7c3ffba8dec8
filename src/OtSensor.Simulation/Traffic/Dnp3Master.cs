using System.Buffers.Binary;
using OtSensor.Core.Time;
using OtSensor.Simulation.Engine;
using OtSensor.Simulation.Wire;

namespace OtSensor.Simulation.Traffic;

/// <summary>
/// A DNP3 master over TCP 20000 (IEEE 1815-2012): link frames with a CRC after the header and after every 16 data
/// bytes (§9.2), one transport segment per fragment (§8), application requests and outstation responses (§4):
/// integrity and event polls, cold restart, direct operate of a CROB.
/// </summary>
/// <remarks>
/// <code>
/// | 05 64 | LEN | CTRL (DIR PRM FCB FCV func) | DST (LE) | SRC (LE) | CRC | 16 data bytes | CRC | ... | last ≤ 16 | CRC |
/// transport: | FIR FIN seq(6) |   application: | FIR FIN CON UNS seq(4) | function | [IIN1 IIN2 in responses] | objects |
/// </code>
/// </remarks>
public sealed class Dnp3Master(Simulator sim, TcpConnection tcp, ushort masterAddress, ushort outstationAddress, Random random)
{
    public const ushort Port = 20000;
    private byte _transportSequence;
    private byte _outstationTransportSequence;
    private byte _applicationSequence;

    public TcpConnection Connection => tcp;

    /// <summary>Read class 0 (all static data): binary inputs and analog inputs in the answer.</summary>
    public Timestamp IntegrityPoll(Timestamp at)
    {
        byte[] objects = [0x3C, 0x02, 0x06, 0x3C, 0x03, 0x06, 0x3C, 0x04, 0x06, 0x3C, 0x01, 0x06];
        var answer = new List<byte> { 0x01, 0x02, 0x00, 0x00, 0x07 };      // g1v2 binary input with flags, points 0–7
        for (int i = 0; i < 8; i++) answer.Add((byte)(0x01 | (random.Next(2) << 7)));
        answer.AddRange([0x1E, 0x02, 0x00, 0x00, 0x03]);                  // g30v2 16-bit analog input with flags, points 0–3
        for (int i = 0; i < 4; i++)
        {
            answer.Add(0x01);
            short value = (short)random.Next(-2000, 2000);
            answer.Add((byte)value);
            answer.Add((byte)(value >> 8));
        }
        return Transact(at, 0x01, objects, [.. answer]);
    }

    /// <summary>Read classes 1–3 (events); nothing new, an empty response.</summary>
    public Timestamp EventPoll(Timestamp at) => Transact(at, 0x01, [0x3C, 0x02, 0x06, 0x3C, 0x03, 0x06, 0x3C, 0x04, 0x06], []);

    /// <summary>Cold restart (function 13); the answer carries the time delay object g52v1.</summary>
    public Timestamp ColdRestart(Timestamp at) => Transact(at, 0x0D, [], [0x34, 0x01, 0x07, 0x01, 0xE8, 0x03]);

    /// <summary>Direct operate (function 5) of CROB g12v1 on <paramref name="point"/> (latch on), echoed with status 0.</summary>
    public Timestamp DirectOperate(Timestamp at, ushort point)
    {
        byte[] crob = [0x0C, 0x01, 0x28, 0x01, 0x00, (byte)point, (byte)(point >> 8), 0x03, 0x01, 0xE8, 0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00];
        return Transact(at, 0x05, crob, crob);
    }

    private Timestamp Transact(Timestamp at, byte function, byte[] requestObjects, byte[] responseObjects)
    {
        byte sequence = (byte)(_applicationSequence++ & 0x0F);
        byte[] request = [(byte)(0xC0 | sequence), function, .. requestObjects];
        byte[] response = [(byte)(0xC0 | sequence), 0x81, 0x00, 0x00, .. responseObjects];
        var requestFrame = LinkFrame(fromMaster: true, [(byte)(0xC0 | (_transportSequence++ & 0x3F)), .. request]);
        var responseFrame = LinkFrame(fromMaster: false, [(byte)(0xC0 | (_outstationTransportSequence++ & 0x3F)), .. response]);
        var end = tcp.Exchange(at, requestFrame, responseFrame, Talk.ServerDelay(random), Talk.Rtt);
        sim.Manifest.CountPdu("dnp3", function);
        sim.Manifest.CountPdu("dnp3", 0x81);
        return end;
    }

    /// <summary>Link layer frame with unconfirmed user data (function 4), primary, DIR set from the master.</summary>
    private byte[] LinkFrame(bool fromMaster, byte[] userData)
    {
        int blocks = (userData.Length + 15) / 16;
        var frame = new byte[10 + userData.Length + (blocks * 2)];
        frame[0] = 0x05;
        frame[1] = 0x64;
        frame[2] = (byte)(5 + userData.Length);
        frame[3] = fromMaster ? (byte)0xC4 : (byte)0x44;
        BinaryPrimitives.WriteUInt16LittleEndian(frame.AsSpan(4), fromMaster ? outstationAddress : masterAddress);
        BinaryPrimitives.WriteUInt16LittleEndian(frame.AsSpan(6), fromMaster ? masterAddress : outstationAddress);
        BinaryPrimitives.WriteUInt16LittleEndian(frame.AsSpan(8), Crc(frame.AsSpan(0, 8)));
        int o = 10;
        for (int i = 0; i < userData.Length; i += 16)
        {
            int n = Math.Min(16, userData.Length - i);
            userData.AsSpan(i, n).CopyTo(frame.AsSpan(o));
            BinaryPrimitives.WriteUInt16LittleEndian(frame.AsSpan(o + n), Crc(frame.AsSpan(o, n)));
            o += n + 2;
        }
        return frame;
    }

    /// <summary>CRC-16/DNP: polynomial 0x3D65 (reflected 0xA6BC), initial 0, result complemented, sent low byte first (§9.2.3).</summary>
    public static ushort Crc(ReadOnlySpan<byte> data)
    {
        ushort crc = 0;
        foreach (byte b in data)
        {
            crc ^= b;
            for (int i = 0; i < 8; i++) crc = (crc & 1) != 0 ? (ushort)((crc >> 1) ^ 0xA6BC) : (ushort)(crc >> 1);
        }
        return (ushort)~crc;
    }
}
