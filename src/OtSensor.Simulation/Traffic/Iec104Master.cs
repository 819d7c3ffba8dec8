using System.Buffers.Binary;
using OtSensor.Core.Time;
using OtSensor.Simulation.Engine;
using OtSensor.Simulation.Wire;

namespace OtSensor.Simulation.Traffic;

/// <summary>
/// An IEC 60870-5-104 controlling station (IEC 60870-5-104 §5: APCI start 0x68, length, four control octets; I-format
/// with send/receive sequence numbers, S-format acknowledgements, U-format STARTDT/TESTFR) exchanging ASDUs of
/// IEC 60870-5-101 §7: general interrogation (100), measured floats (13), single commands (45).
/// </summary>
public sealed class Iec104Master(Simulator sim, TcpConnection tcp, ushort commonAddress, Random random)
{
    public const ushort Port = 2404;
    private ushort _masterSend, _stationSend;

    public TcpConnection Connection => tcp;

    /// <summary>STARTDT act / con.</summary>
    public Timestamp StartDataTransfer(Timestamp at)
    {
        var end = tcp.Exchange(at, [0x68, 0x04, 0x07, 0, 0, 0], [0x68, 0x04, 0x0B, 0, 0, 0], Talk.ServerDelay(random), Talk.Rtt);
        sim.Manifest.CountPdu("iec104", -1, 2);
        return end;
    }

    /// <summary>TESTFR act / con (keep-alive, §5.2).</summary>
    public Timestamp TestFrame(Timestamp at)
    {
        var end = tcp.Exchange(at, [0x68, 0x04, 0x43, 0, 0, 0], [0x68, 0x04, 0x83, 0, 0, 0], Talk.ServerDelay(random), Talk.Rtt);
        sim.Manifest.CountPdu("iec104", -1, 2);
        return end;
    }

    /// <summary>General interrogation: act (COT 6), con (7), <paramref name="points"/> measured floats (COT 20), term (10), S-frame.</summary>
    public Timestamp Interrogate(Timestamp at, int points)
    {
        var t = tcp.Send(at, fromClient: true, IFrame(fromMaster: true, Asdu(100, 1, 6, [0, 0, 0, 0x14])));
        t = t.Add(Talk.ServerDelay(random));
        t = tcp.Send(t, fromClient: false, IFrame(fromMaster: false, Asdu(100, 1, 7, [0, 0, 0, 0x14])));
        t = t.Add(TimeSpan.FromMilliseconds(2));
        t = tcp.Send(t, fromClient: false, IFrame(fromMaster: false, Measurements(points, cause: 20)));
        t = t.Add(TimeSpan.FromMilliseconds(2));
        t = tcp.Send(t, fromClient: false, IFrame(fromMaster: false, Asdu(100, 1, 10, [0, 0, 0, 0x14])));
        sim.Manifest.CountPdu("iec104", 100, 3);
        sim.Manifest.CountPdu("iec104", 13);
        return Acknowledge(t.Add(Talk.Rtt));
    }

    /// <summary>Spontaneous measured values (COT 3) from the station, acknowledged by an S-frame.</summary>
    public Timestamp Spontaneous(Timestamp at, int points)
    {
        var t = tcp.Send(at, fromClient: false, IFrame(fromMaster: false, Measurements(points, cause: 3)));
        sim.Manifest.CountPdu("iec104", 13);
        return Acknowledge(t.Add(Talk.Rtt));
    }

    /// <summary>Single command C_SC_NA_1 (45) act on <paramref name="ioa"/>, confirmed (COT 7).</summary>
    public Timestamp SingleCommand(Timestamp at, int ioa, bool on)
    {
        byte[] element = [(byte)ioa, (byte)(ioa >> 8), (byte)(ioa >> 16), on ? (byte)0x01 : (byte)0x00];
        var t = tcp.Send(at, fromClient: true, IFrame(fromMaster: true, Asdu(45, 1, 6, element)));
        t = tcp.Send(t.Add(Talk.ServerDelay(random)), fromClient: false, IFrame(fromMaster: false, Asdu(45, 1, 7, element)));
        sim.Manifest.CountPdu("iec104", 45, 2);
        return Acknowledge(t.Add(Talk.Rtt));
    }

    private Timestamp Acknowledge(Timestamp at)
    {
        byte[] s = [0x68, 0x04, 0x01, 0x00, (byte)(_stationSend << 1), (byte)(_stationSend >> 7)];
        tcp.Send(at, fromClient: true, s);
        sim.Manifest.CountPdu("iec104", -1);
        return at;
    }

    private byte[] Measurements(int points, byte cause)
    {
        var elements = new byte[points * 8];
        for (int i = 0; i < points; i++)
        {
            int ioa = 1000 + i;
            var e = elements.AsSpan(i * 8, 8);
            e[0] = (byte)ioa;
            e[1] = (byte)(ioa >> 8);
            e[2] = (byte)(ioa >> 16);
            BinaryPrimitives.WriteSingleLittleEndian(e[3..], (float)(random.NextDouble() * 100));
            e[7] = 0;                                              // quality descriptor: good
        }
        return Asdu(13, (byte)points, cause, elements);
    }

    /// <summary>Type id, variable structure qualifier (count, SQ=0), COT, originator 0, common address (LE), objects.</summary>
    private byte[] Asdu(byte type, byte count, byte cause, byte[] objects)
        => [type, count, cause, 0x00, (byte)commonAddress, (byte)(commonAddress >> 8), .. objects];

    private byte[] IFrame(bool fromMaster, byte[] asdu)
    {
        ushort send = fromMaster ? _masterSend++ : _stationSend++;
        ushort receive = fromMaster ? _stationSend : _masterSend;
        var frame = new byte[6 + asdu.Length];
        frame[0] = 0x68;
        frame[1] = (byte)(4 + asdu.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(frame.AsSpan(2), (ushort)(send << 1));
        BinaryPrimitives.WriteUInt16LittleEndian(frame.AsSpan(4), (ushort)(receive << 1));
        asdu.CopyTo(frame.AsSpan(6));
        return frame;
    }
}
