namespace OtSensor.Core.Protocols;

/// <summary>The protocol-neutral facts of one PDU (the contract fields of <c>events.jsonl</c>), copied out of its message.</summary>
public readonly struct PduSummary
{
    public ProtocolId Protocol { get; init; }
    /// <summary>The protocol's primary code; -1 when none.</summary>
    public int Function { get; init; }
    public string? FunctionName { get; init; }
    public OtOperation Operation { get; init; }
    public bool IsResponse { get; init; }
    public ulong Anomalies { get; init; }

    public static PduSummary Of<TMessage>(in TMessage message) where TMessage : struct, IProtocolMessage, allows ref struct => new()
    {
        Protocol = message.Protocol,
        Function = message.Function,
        FunctionName = message.FunctionName,
        Operation = message.Operation,
        IsResponse = message.IsResponse,
        Anomalies = message.Anomalies,
    };
}
