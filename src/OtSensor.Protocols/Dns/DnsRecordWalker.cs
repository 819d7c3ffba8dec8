using System.Buffers.Binary;

namespace OtSensor.Protocols.Dns;

/// <summary>Walks the answer, authority and additional records of a message in order, bounded, without allocating.</summary>
/// <remarks>RFC 1035 §4.1.3: NAME, TYPE, CLASS, TTL, RDLENGTH, RDATA; RDLENGTH is checked against what remains.</remarks>
public ref struct DnsRecordWalker
{
    private readonly ReadOnlySpan<byte> _message;
    private readonly int _answers;
    private readonly int _authority;
    private readonly int _total;
    private int _index;

    internal DnsRecordWalker(ReadOnlySpan<byte> message, scoped in DnsDecoded d)
    {
        _message = message;
        _answers = d.AnswerCount;
        _authority = d.AuthorityCount;
        int total = d.AnswerCount + d.AuthorityCount + d.AdditionalCount;
        if (total > DnsConstants.MaxRecords)
        {
            Anomalies = DnsAnomalies.TooManyRecords;
            total = DnsConstants.MaxRecords;
        }
        _total = d.RecordsOffset > 0 ? total : 0;
        Position = d.RecordsOffset;
    }

    public DnsRecordRef Current { get; private set; }

    /// <summary>Offset just after the last record read.</summary>
    public int Position { get; private set; }

    public int Walked => _index;

    public DnsAnomalies Anomalies { get; private set; }

    public bool MoveNext()
    {
        if (_index >= _total || (Anomalies & ~DnsAnomalies.TooManyRecords) != 0) return false;
        var status = DnsName.Read(_message, Position, default, out _, out int next);
        if (status != DnsAnomalies.None) { Anomalies |= status; return false; }
        if (next + 10 > _message.Length) { Anomalies |= DnsAnomalies.RecordTruncated; return false; }
        int length = BinaryPrimitives.ReadUInt16BigEndian(_message[(next + 8)..]);
        int data = next + 10;
        if (length > _message.Length - data) { Anomalies |= DnsAnomalies.RecordTruncated; return false; }
        Current = new DnsRecordRef
        {
            NameOffset = Position,
            Type = BinaryPrimitives.ReadUInt16BigEndian(_message[next..]),
            Class = BinaryPrimitives.ReadUInt16BigEndian(_message[(next + 2)..]),
            Ttl = BinaryPrimitives.ReadUInt32BigEndian(_message[(next + 4)..]),
            DataOffset = data,
            DataLength = length,
            Section = (byte)(_index < _answers ? 1 : _index < _answers + _authority ? 2 : 3),
        };
        _index++;
        Position = data + length;
        return true;
    }
}
