using OtSensor.Core.Protocols;

namespace OtSensor.Protocols.Dns;

/// <summary>The header and the first questions and records of one message, filled by <see cref="DnsParser"/>.</summary>
internal struct DnsDecoded
{
    public ProtocolId Protocol;
    public bool HasHeader;
    public ushort Id;
    public ushort Flags;
    public ushort QuestionCount;
    public ushort AnswerCount;
    public ushort AuthorityCount;
    public ushort AdditionalCount;

    /// <summary>Type of the first question; -1 when there is none (or it is cut).</summary>
    public int FirstQuestionType;

    /// <summary>Offset of the first resource record (after the questions); 0 when the questions did not parse.</summary>
    public int RecordsOffset;
    public int RecordsWalked;

    public int KeptQuestions;
    public DnsRecordBuffer Questions;
    public int KeptRecords;
    public DnsRecordBuffer Records;

    /// <summary>Records that state the sender's own identity (mDNS/LLMNR responses only).</summary>
    public int IdentityRecords;

    public DnsAnomalies Anomalies;

    public readonly bool IsResponse => (Flags & DnsConstants.FlagQr) != 0;

    public readonly int Opcode => (Flags >> 11) & 0xF;

    public readonly int Rcode => Flags & 0xF;
}
