using System.Buffers.Binary;
using OtSensor.Core.Protocols;

namespace OtSensor.Protocols.Dns;

/// <summary>Decodes one DNS, LLMNR or mDNS message in place: header, questions and a bounded walk over the records.</summary>
/// <remarks>
/// <code>
///  0  1  2  3  4  5  6  7  8  9 10 11 12 13 14 15
/// +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
/// |                      ID                       |
/// |QR|  Opcode   |AA|TC|RD|RA| Z|AD|CD|   RCODE   |   (LLMNR: QR, Opcode, C, TC, T, Z…; RFC 4795 §2.1.1)
/// |                QDCOUNT / ANCOUNT              |
/// |                NSCOUNT / ARCOUNT              |
/// +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
/// question: QNAME, QTYPE (2), QCLASS (2)
/// record:   NAME, TYPE (2), CLASS (2), TTL (4), RDLENGTH (2), RDATA
/// </code>
/// RFC 1035 §4.1 (header, question, resource record), §4.1.4 (compression, see <see cref="DnsName"/>); RFC 4795 §2.1
/// (LLMNR shares the format); RFC 6762 §18 (mDNS header use, class top bit). Counts are attacker-controlled: the walk
/// stops at the first record that does not fit and flags it.
/// </remarks>
public static class DnsParser
{
    /// <summary>Decodes <paramref name="message"/> (without any TCP length prefix) as <paramref name="protocol"/>.</summary>
    internal static void Parse(ReadOnlySpan<byte> message, ProtocolId protocol, out DnsDecoded d)
    {
        d = default;
        d.Protocol = protocol;
        d.FirstQuestionType = -1;
        if (message.Length < DnsConstants.HeaderLength)
        {
            d.Anomalies |= DnsAnomalies.Truncated;
            return;
        }
        d.HasHeader = true;
        d.Id = BinaryPrimitives.ReadUInt16BigEndian(message);
        d.Flags = BinaryPrimitives.ReadUInt16BigEndian(message[2..]);
        d.QuestionCount = BinaryPrimitives.ReadUInt16BigEndian(message[4..]);
        d.AnswerCount = BinaryPrimitives.ReadUInt16BigEndian(message[6..]);
        d.AuthorityCount = BinaryPrimitives.ReadUInt16BigEndian(message[8..]);
        d.AdditionalCount = BinaryPrimitives.ReadUInt16BigEndian(message[10..]);
        // LLMNR reuses bit 0x0040 as T (tentative) and 0x0400 as C (conflict): RFC 4795 §2.1.1.
        if (protocol != ProtocolId.Llmnr && (d.Flags & DnsConstants.FlagZ) != 0) d.Anomalies |= DnsAnomalies.ReservedBitSet;
        if (d.Opcode is 3 or > DnsConstants.MaxOpcode) d.Anomalies |= DnsAnomalies.UnknownOpcode;
        if (!d.IsResponse && d.Opcode == 0 && d.AnswerCount > 0 && protocol != ProtocolId.Mdns)
            d.Anomalies |= DnsAnomalies.QueryWithAnswers; // mDNS queries carry known answers (RFC 6762 §7.1)

        int pos = DnsConstants.HeaderLength;
        int questions = d.QuestionCount;
        if (questions > DnsConstants.MaxQuestions)
        {
            d.Anomalies |= DnsAnomalies.TooManyRecords;
            questions = DnsConstants.MaxQuestions;
        }
        for (int i = 0; i < questions; i++)
        {
            var status = DnsName.Read(message, pos, default, out _, out int next);
            if (status != DnsAnomalies.None) { d.Anomalies |= status; return; }
            if (next + 4 > message.Length) { d.Anomalies |= DnsAnomalies.RecordTruncated; return; }
            ushort type = BinaryPrimitives.ReadUInt16BigEndian(message[next..]);
            if (i == 0) d.FirstQuestionType = type;
            if (d.KeptQuestions < DnsConstants.KeptQuestions)
                d.Questions[d.KeptQuestions++] = new DnsRecordRef { NameOffset = pos, Type = type, Class = BinaryPrimitives.ReadUInt16BigEndian(message[(next + 2)..]) };
            pos = next + 4;
        }
        if (questions < d.QuestionCount) return;
        d.RecordsOffset = pos;

        var walker = new DnsRecordWalker(message, in d);
        while (walker.MoveNext())
        {
            var r = walker.Current;
            if ((r.Type == DnsConstants.TypeA && r.DataLength != 4) || (r.Type == DnsConstants.TypeAaaa && r.DataLength != 16))
                d.Anomalies |= DnsAnomalies.BadAddressLength;
            if (d.KeptRecords < DnsConstants.KeptRecords) d.Records[d.KeptRecords++] = r;
            if (DnsIdentity.States(message, in r, protocol, d.IsResponse)) d.IdentityRecords++;
        }
        d.RecordsWalked = walker.Walked;
        d.Anomalies |= walker.Anomalies;
        if (walker.Anomalies == DnsAnomalies.None && walker.Position < message.Length) d.Anomalies |= DnsAnomalies.TrailingBytes;
    }

    /// <summary>
    /// Strict structural check used by the probes: a header with a defined opcode and clear Z bit, at least one
    /// question or record, and every announced question and record parsing to exactly the end of the message.
    /// </summary>
    public static bool IsWellFormed(ReadOnlySpan<byte> message, ProtocolId protocol)
    {
        if (message.Length < DnsConstants.HeaderLength) return false;
        int total = BinaryPrimitives.ReadUInt16BigEndian(message[4..]) + BinaryPrimitives.ReadUInt16BigEndian(message[6..])
                    + BinaryPrimitives.ReadUInt16BigEndian(message[8..]) + BinaryPrimitives.ReadUInt16BigEndian(message[10..]);
        if (total == 0) return false;
        Parse(message, protocol, out var d);
        const DnsAnomalies fatal = ~(DnsAnomalies.BadAddressLength | DnsAnomalies.QueryWithAnswers);
        return (d.Anomalies & fatal) == 0 && d.RecordsOffset > 0;
    }
}
