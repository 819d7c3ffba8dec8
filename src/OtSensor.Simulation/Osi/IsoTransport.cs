using System.Buffers.Binary;

namespace OtSensor.Simulation.Osi;

/// <summary>
/// ISO transport over TCP (RFC 1006 §6: TPKT version 3, reserved, 16-bit length of the whole packet) carrying COTP class
/// 0 TPDUs (ISO 8073 §13: CR 0xE0 / CC 0xD0 with references and parameters, DT 0xF0 with the EOT bit).
/// </summary>
/// <remarks>
/// <code>
/// TPKT | 03 | 00 | length (2) |
/// CR/CC| LI | E0/D0 | dst-ref (2) | src-ref (2) | class 0 | C0 01 tpdu-size | C1 len calling-TSAP | C2 len called-TSAP |
/// DT   | 02 | F0 | 80 (EOT, TPDU-NR 0) | user data (one session SPDU) |
/// </code>
/// </remarks>
public static class IsoTransport
{
    /// <summary>A connection request (<paramref name="confirm"/> false) or confirm with TPDU size 2^<paramref name="sizeCode"/> and both TSAPs.</summary>
    public static byte[] Connect(bool confirm, ushort destinationReference, ushort sourceReference, ushort callingTsap, ushort calledTsap, byte sizeCode = 0x0A)
    {
        byte[] cotp = [17, confirm ? (byte)0xD0 : (byte)0xE0, (byte)(destinationReference >> 8), (byte)destinationReference,
            (byte)(sourceReference >> 8), (byte)sourceReference, 0x00,
            0xC1, 0x02, (byte)(callingTsap >> 8), (byte)callingTsap,
            0xC2, 0x02, (byte)(calledTsap >> 8), (byte)calledTsap,
            0xC0, 0x01, sizeCode];
        return Tpkt(cotp);
    }

    /// <summary>One DT TPDU (last data unit) holding <paramref name="userData"/>, in its TPKT.</summary>
    public static byte[] Data(byte[] userData)
    {
        ArgumentNullException.ThrowIfNull(userData);
        return Tpkt([0x02, 0xF0, 0x80, .. userData]);
    }

    private static byte[] Tpkt(byte[] payload)
    {
        var packet = new byte[4 + payload.Length];
        packet[0] = 3;
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), (ushort)packet.Length);
        payload.CopyTo(packet.AsSpan(4));
        return packet;
    }
}
