using System.Buffers.Binary;
using System.Text;
using OtSensor.Core.Time;
using OtSensor.Simulation.Osi;

namespace OtSensor.Simulation.Traffic;

/// <summary>
/// NTLM authentication messages (MS-NLMP §2.2.1: NEGOTIATE, CHALLENGE, AUTHENTICATE with an NTLMv2 response, §2.2.2.1
/// AV pairs) wrapped in SPNEGO tokens (RFC 4178 §4.2: negTokenInit with the NTLMSSP mechanism, negTokenResp) as SMB2
/// SESSION_SETUP carries them. The cryptographic fields are random: only their shape matters on the wire.
/// </summary>
/// <remarks>
/// <code>
/// "NTLMSSP\0" | MessageType (4) | fields: Len (2) MaxLen (2) Offset (4) ... | NegotiateFlags (4) | Version (8) | payload
/// </code>
/// </remarks>
public static class Ntlmssp
{
    private const uint Flags = 0xE2088297;                              // unicode, NTLM, sign/seal, always sign, ESS, target info, version, 128, key exchange, 56
    private static readonly byte[] Version = [0x0A, 0x00, 0x61, 0x4A, 0x00, 0x00, 0x00, 0x0F];   // Windows 10.0 build 19041, NTLM revision 15
    private static readonly int[] NtlmMechanism = [1, 3, 6, 1, 4, 1, 311, 2, 2, 10];

    /// <summary>SPNEGO negTokenInit advertising NTLMSSP only, as a server's NEGOTIATE response carries it (no mechToken).</summary>
    public static byte[] ServerHints() => InitialToken(null);

    /// <summary>SPNEGO negTokenInit with the NTLM NEGOTIATE_MESSAGE (type 1): no domain or workstation supplied.</summary>
    public static byte[] Negotiate()
    {
        var m = Header(1, 40);
        BinaryPrimitives.WriteUInt32LittleEndian(m.AsSpan(12), Flags);
        Version.CopyTo(m, 32);
        return InitialToken(m);
    }

    /// <summary>SPNEGO negTokenResp (accept-incomplete) with the CHALLENGE_MESSAGE (type 2): target name, challenge, target info.</summary>
    public static byte[] Challenge(string domain, string server, string dnsDomain, Timestamp at, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var target = Unicode(domain);
        var info = new List<byte>();
        AvPair(info, 2, Unicode(domain));                               // MsvAvNbDomainName
        AvPair(info, 1, Unicode(server));                               // MsvAvNbComputerName
        AvPair(info, 4, Unicode(dnsDomain));                            // MsvAvDnsDomainName
        AvPair(info, 3, Unicode($"{server.ToLowerInvariant()}.{dnsDomain}"));   // MsvAvDnsComputerName
        AvPair(info, 7, FileTime(at));                                  // MsvAvTimestamp
        AvPair(info, 0, []);                                            // MsvAvEOL
        const int header = 56;
        var m = Header(2, header + target.Length + info.Count);
        Field(m, 12, target.Length, header);
        BinaryPrimitives.WriteUInt32LittleEndian(m.AsSpan(20), Flags);
        random.NextBytes(m.AsSpan(24, 8));                              // server challenge
        Field(m, 40, info.Count, header + target.Length);
        Version.CopyTo(m, 48);
        target.CopyTo(m, header);
        info.CopyTo(m, header + target.Length);
        return Response(1, m);
    }

    /// <summary>SPNEGO negTokenResp with the AUTHENTICATE_MESSAGE (type 3): NTLMv2 response, domain, user, workstation, session key, MIC.</summary>
    public static byte[] Authenticate(string domain, string user, string workstation, Timestamp at, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var lm = new byte[24];                                          // zeros: NTLMv2 with a MIC sends no LMv2 response
        var nt = new List<byte>();
        var proof = new byte[16];
        random.NextBytes(proof);
        nt.AddRange(proof);                                             // NTProofStr
        nt.AddRange([0x01, 0x01, 0, 0, 0, 0, 0, 0]);                    // RespType, HiRespType, reserved
        nt.AddRange(FileTime(at));
        var clientChallenge = new byte[8];
        random.NextBytes(clientChallenge);
        nt.AddRange(clientChallenge);
        nt.AddRange([0, 0, 0, 0]);
        AvPair(nt, 2, Unicode(domain));
        AvPair(nt, 7, FileTime(at));
        AvPair(nt, 6, [0x02, 0x00, 0x00, 0x00]);                        // MsvAvFlags: MIC present
        AvPair(nt, 0, []);
        nt.AddRange([0, 0, 0, 0]);
        var d = Unicode(domain);
        var u = Unicode(user);
        var w = Unicode(workstation);
        var key = new byte[16];
        random.NextBytes(key);
        const int header = 88;
        int o = header;
        var m = Header(3, header + lm.Length + nt.Count + d.Length + u.Length + w.Length + key.Length);
        Field(m, 12, lm.Length, o); lm.CopyTo(m, o); o += lm.Length;
        Field(m, 20, nt.Count, o); nt.CopyTo(m, o); o += nt.Count;
        Field(m, 28, d.Length, o); d.CopyTo(m, o); o += d.Length;
        Field(m, 36, u.Length, o); u.CopyTo(m, o); o += u.Length;
        Field(m, 44, w.Length, o); w.CopyTo(m, o); o += w.Length;
        Field(m, 52, key.Length, o); key.CopyTo(m, o);
        BinaryPrimitives.WriteUInt32LittleEndian(m.AsSpan(60), Flags);
        Version.CopyTo(m, 64);
        random.NextBytes(m.AsSpan(72, 16));                             // MIC
        return Ber.Tlv(Ber.ContextConstructed(1), Ber.Tlv(Ber.Sequence, Ber.Tlv(Ber.ContextConstructed(2), Ber.OctetString(0x04, m))));
    }

    /// <summary>SPNEGO negTokenResp accept-completed (negState 0), the server's last word.</summary>
    public static byte[] Accepted() => Ber.Tlv(Ber.ContextConstructed(1), Ber.Tlv(Ber.Sequence, Ber.Tlv(Ber.ContextConstructed(0), [0x0A, 0x01, 0x00])));

    /// <summary>GSS-API InitialContextToken (RFC 2743 §3.1, tag 0x60) of SPNEGO (1.3.6.1.5.5.2) holding negTokenInit [0].</summary>
    private static byte[] InitialToken(byte[]? mechToken)
    {
        var mechTypes = Ber.Tlv(Ber.ContextConstructed(0), Ber.Tlv(Ber.Sequence, Ber.Oid(NtlmMechanism)));
        var init = mechToken is null
            ? Ber.Tlv(Ber.Sequence, mechTypes)
            : Ber.Tlv(Ber.Sequence, mechTypes, Ber.Tlv(Ber.ContextConstructed(2), Ber.OctetString(0x04, mechToken)));
        return Ber.Tlv(0x60, Ber.Oid(1, 3, 6, 1, 5, 5, 2), Ber.Tlv(Ber.ContextConstructed(0), init));
    }

    /// <summary>negTokenResp [1] { negState [0] ENUMERATED, supportedMech [1], responseToken [2] }.</summary>
    private static byte[] Response(int state, byte[] token)
        => Ber.Tlv(Ber.ContextConstructed(1), Ber.Tlv(Ber.Sequence,
            Ber.Tlv(Ber.ContextConstructed(0), [0x0A, 0x01, (byte)state]),
            Ber.Tlv(Ber.ContextConstructed(1), Ber.Oid(NtlmMechanism)),
            Ber.Tlv(Ber.ContextConstructed(2), Ber.OctetString(0x04, token))));

    private static byte[] Header(uint type, int length)
    {
        var m = new byte[length];
        "NTLMSSP\0"u8.CopyTo(m);
        BinaryPrimitives.WriteUInt32LittleEndian(m.AsSpan(8), type);
        return m;
    }

    /// <summary>A payload field descriptor: Len, MaxLen, BufferOffset.</summary>
    private static void Field(byte[] m, int at, int length, int offset)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(m.AsSpan(at), (ushort)length);
        BinaryPrimitives.WriteUInt16LittleEndian(m.AsSpan(at + 2), (ushort)length);
        BinaryPrimitives.WriteUInt32LittleEndian(m.AsSpan(at + 4), (uint)offset);
    }

    private static void AvPair(List<byte> list, ushort id, byte[] value)
    {
        list.AddRange([(byte)id, (byte)(id >> 8), (byte)value.Length, (byte)(value.Length >> 8)]);
        list.AddRange(value);
    }

    private static byte[] Unicode(string text) => Encoding.Unicode.GetBytes(text);

    /// <summary>FILETIME: 100 ns ticks since 1601-01-01, little-endian.</summary>
    internal static byte[] FileTime(Timestamp at)
    {
        var b = new byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(b, (at.UnixNanoseconds / 100) + 116_444_736_000_000_000L);
        return b;
    }
}
