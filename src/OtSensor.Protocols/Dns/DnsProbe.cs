using System.Buffers.Binary;
using OtSensor.Core.Parsing;
using OtSensor.Core.Protocols;

namespace OtSensor.Protocols.Dns;

/// <summary>Recognises the DNS message format by content, over UDP and over TCP (two-byte length prefix).</summary>
/// <remarks>
/// Strict: the whole message must parse (RFC 1035 §4.1) — defined opcode, Z bit clear, at least one question or
/// record, every name well formed and every record fitting exactly to the end of the datagram (see
/// <see cref="DnsParser.IsWellFormed"/>). Random bytes almost never survive that walk. Over TCP the prefix must
/// announce at least a header and at most what one message can hold; the probe waits for the whole message.
/// </remarks>
public static class DnsProbe
{
    public static ProbeResult RecognizeDatagram(ReadOnlySpan<byte> data, ProtocolId protocol)
        => DnsParser.IsWellFormed(data, protocol) && !IsNetBiosName(data) ? ProbeResult.Recognized : ProbeResult.Unrecognized;

    /// <summary>
    /// NetBIOS Name Service (RFC 1002 §4.2) uses the DNS message format too; its names start with a 32-byte label
    /// of 'A'..'P' (first-level encoding, RFC 1001 §14.1), which no DNS host name resembles. Such a message is left
    /// to the NetBIOS module.
    /// </summary>
    public static bool IsNetBiosName(ReadOnlySpan<byte> message)
    {
        if (message.Length < DnsConstants.HeaderLength + 33 || message[DnsConstants.HeaderLength] != 32) return false;
        foreach (byte b in message.Slice(DnsConstants.HeaderLength + 1, 32))
            if (b is < (byte)'A' or > (byte)'P') return false;
        return true;
    }

    public static ProbeResult RecognizeStream(ReadOnlySpan<byte> data)
    {
        if (data.Length < DnsConstants.TcpLengthPrefix + DnsConstants.HeaderLength)
            return data.Length < DnsConstants.TcpLengthPrefix || BinaryPrimitives.ReadUInt16BigEndian(data) >= DnsConstants.HeaderLength
                ? ProbeResult.Incomplete : ProbeResult.Unrecognized;
        int length = BinaryPrimitives.ReadUInt16BigEndian(data);
        if (length < DnsConstants.HeaderLength) return ProbeResult.Unrecognized;
        var header = data.Slice(DnsConstants.TcpLengthPrefix, DnsConstants.HeaderLength);
        ushort flags = BinaryPrimitives.ReadUInt16BigEndian(header[2..]);
        int opcode = (flags >> 11) & 0xF;
        if ((flags & DnsConstants.FlagZ) != 0 || opcode is 3 or > DnsConstants.MaxOpcode) return ProbeResult.Unrecognized;
        // Before waiting for up to 64 KiB, the counts must be plausible too (text protocols fail here at once).
        int questions = BinaryPrimitives.ReadUInt16BigEndian(header[4..]);
        int records = BinaryPrimitives.ReadUInt16BigEndian(header[6..]) + BinaryPrimitives.ReadUInt16BigEndian(header[8..]) + BinaryPrimitives.ReadUInt16BigEndian(header[10..]);
        if (questions > DnsConstants.MaxQuestions || records > length / 11 || questions + records == 0) return ProbeResult.Unrecognized;
        if (data.Length < DnsConstants.TcpLengthPrefix + length) return ProbeResult.Incomplete;
        return DnsParser.IsWellFormed(data.Slice(DnsConstants.TcpLengthPrefix, length), ProtocolId.Dns) ? ProbeResult.Recognized : ProbeResult.Unrecognized;
    }
}
