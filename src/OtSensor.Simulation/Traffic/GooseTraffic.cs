using System.Buffers.Binary;
using System.Text;
using OtSensor.Core.Net;
using OtSensor.Core.Time;
using OtSensor.Simulation.Engine;
using OtSensor.Simulation.Wire;

namespace OtSensor.Simulation.Traffic;

/// <summary>
/// An IEC 61850 GOOSE publisher (IEC 61850-8-1 Annex A: EtherType 0x88B8, header APPID / Length / Reserved1 /
/// Reserved2, then the BER goosePdu [APPLICATION 1]). Heartbeats repeat the state with sqNum counting up; a state
/// change increments stNum, resets sqNum and is retransmitted at 2, 4, 8, 16 ... ms before returning to the heartbeat.
/// </summary>
public sealed class GoosePublisher(Simulator sim, Host ied, ushort appId, string gocbRef, string dataSet, string goId, int entries)
{
    private const ushort EtherType = 0x88B8;
    private static readonly MacAddress Multicast = new(0x010C_CD01_0001UL);
    private uint _stNum = 1;
    private uint _sqNum;
    private bool _state;

    /// <summary>One heartbeat (or retransmission) of the current state.</summary>
    public void Publish(Timestamp at)
    {
        sim.Emit(at, Frames.Ethernet(Multicast, ied.Mac, EtherType, Pdu(at)));
        sim.Manifest.CountPdu("goose", -1);
        _sqNum++;
    }

    /// <summary>A new state: stNum + 1, sqNum 0, sent at once and retransmitted with doubling intervals.</summary>
    public void ChangeState(Timestamp at)
    {
        _state = !_state;
        _stNum++;
        _sqNum = 0;
        Publish(at);
        var interval = TimeSpan.FromMilliseconds(2);
        var t = at;
        for (int i = 0; i < 5; i++)
        {
            t = t.Add(interval);
            interval *= 2;
            Publish(t);
        }
    }

    private byte[] Pdu(Timestamp at)
    {
        var body = new List<byte>();
        Tlv(body, 0x80, Encoding.ASCII.GetBytes(gocbRef));
        Tlv(body, 0x81, Integer(4000));                       // timeAllowedToLive, ms
        Tlv(body, 0x82, Encoding.ASCII.GetBytes(dataSet));
        Tlv(body, 0x83, Encoding.ASCII.GetBytes(goId));
        Tlv(body, 0x84, UtcTime(at));
        Tlv(body, 0x85, Integer(_stNum));
        Tlv(body, 0x86, Integer(_sqNum));
        Tlv(body, 0x87, [0x00]);                              // test / simulation: false
        Tlv(body, 0x88, Integer(1));                          // confRev
        Tlv(body, 0x89, [0x00]);                              // ndsCom: false
        Tlv(body, 0x8A, Integer((uint)entries));
        var data = new List<byte>();
        for (int i = 0; i < entries; i++) Tlv(data, 0x83, [(byte)((i == 0 && _state) ? 1 : 0)]); // booleans
        Tlv(body, 0xAB, [.. data]);
        var pdu = new List<byte>();
        Tlv(pdu, 0x61, [.. body]);
        var frame = new byte[8 + pdu.Count];
        BinaryPrimitives.WriteUInt16BigEndian(frame, appId);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(2), (ushort)frame.Length);
        pdu.CopyTo(frame, 8);
        return frame;
    }

    /// <summary>BER tag, definite length (short or long form), value.</summary>
    private static void Tlv(List<byte> into, byte tag, byte[] value)
    {
        into.Add(tag);
        if (value.Length < 0x80) into.Add((byte)value.Length);
        else if (value.Length <= 0xFF) { into.Add(0x81); into.Add((byte)value.Length); }
        else { into.Add(0x82); into.Add((byte)(value.Length >> 8)); into.Add((byte)value.Length); }
        into.AddRange(value);
    }

    /// <summary>Shortest two's-complement big-endian encoding of a non-negative integer (X.690 §8.3).</summary>
    private static byte[] Integer(uint value)
    {
        var bytes = new List<byte>();
        do
        {
            bytes.Insert(0, (byte)value);
            value >>= 8;
        }
        while (value != 0);
        if ((bytes[0] & 0x80) != 0) bytes.Insert(0, 0);
        return [.. bytes];
    }

    /// <summary>IEC 61850-8-1 UtcTime: seconds since 1970 (4), fraction of a second (3), time quality (1).</summary>
    private static byte[] UtcTime(Timestamp at)
    {
        long seconds = Math.DivRem(at.UnixNanoseconds, 1_000_000_000L, out long ns);
        uint fraction = (uint)((ns << 24) / 1_000_000_000L);
        return [(byte)(seconds >> 24), (byte)(seconds >> 16), (byte)(seconds >> 8), (byte)seconds,
            (byte)(fraction >> 16), (byte)(fraction >> 8), (byte)fraction, 0x0A];
    }
}
