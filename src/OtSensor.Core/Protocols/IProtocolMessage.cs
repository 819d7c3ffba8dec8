using System.Text.Json;

namespace OtSensor.Core.Protocols;

/// <summary>
/// One decoded application-layer PDU, as a small value type that keeps raw and decoded values side by side.
/// Implemented by each protocol's <c>…Message</c> struct; consumed generically (no boxing) by sinks.
/// </summary>
public interface IProtocolMessage
{
    ProtocolId Protocol { get; }

    /// <summary>The protocol's primary code per docs/event-log-contract.md; -1 when the PDU has none.</summary>
    int Function { get; }

    /// <summary>Name of <see cref="Function"/> from a static table; null when unknown or none.</summary>
    string? FunctionName { get; }

    OtOperation Operation { get; }

    /// <summary>True for a response (server to client), false for a request.</summary>
    bool IsResponse { get; }

    /// <summary>Protocol-specific anomaly bits; 0 when the PDU was well-formed.</summary>
    ulong Anomalies { get; }

    /// <summary>Stable name of one anomaly bit (0–63), from a static table.</summary>
    string AnomalyName(int bit);

    /// <summary>True when the message states identity attributes of its sender (see <see cref="ReportIdentity"/>).</summary>
    bool HasIdentity { get; }

    /// <summary>Hands the identity attributes this message states about its sender to <paramref name="receiver"/>.</summary>
    void ReportIdentity(IIdentityReceiver receiver);

    /// <summary>Writes the protocol-specific fields (beyond the contract keys) into the open JSON object.</summary>
    void WriteDetails(Utf8JsonWriter writer);
}
