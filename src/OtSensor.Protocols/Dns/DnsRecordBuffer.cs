using System.Runtime.CompilerServices;

namespace OtSensor.Protocols.Dns;

/// <summary>The first <see cref="DnsConstants.KeptRecords"/> records of a message, inline (no allocation).</summary>
[InlineArray(DnsConstants.KeptRecords)]
public struct DnsRecordBuffer
{
    private DnsRecordRef _element;
}
