using OtSensor.Core.Protocols;

namespace OtSensor.Protocols.S7CommPlus;

/// <summary>Decoded fields of one S7comm-plus frame.</summary>
internal struct S7CommPlusDecoded
{
    public byte Version;
    public ushort DataLength;

    /// <summary>Opcode, -1 for a continuation fragment or when absent.</summary>
    public int Opcode;

    /// <summary>Function code (requests and responses), -1 otherwise.</summary>
    public int Function;
    public int Sequence;
    public long SessionId;
    public long SubscriptionId;
    public bool IntegrityProtected;
    public bool Continuation;
    public bool MoreFragments;
    public OtOperation Operation;
    public S7CommPlusAnomalies Anomalies;
}
