using OtSensor.Core.Protocols;

namespace OtSensor.Protocols.Cip;

/// <summary>Decoded fields of one CIP message, kept as raw values beside offsets into the message.</summary>
internal struct CipDecoded
{
    public byte ServiceRaw;
    public bool IsResponse;
    public CipAnomalies Anomalies;
    public OtOperation Operation;

    /// <summary>Nesting level: 0 for a top-level message, 1+ inside Multiple Service Packet or Unconnected Send.</summary>
    public byte Depth;

    /// <summary>Service code of the enclosing message (Multiple Service Packet, Unconnected Send); 0 at top level.</summary>
    public byte ParentService;

    // Request path (requests only). -1 when the path has no such logical segment.
    public int PathWords;
    public int ClassId;
    public long InstanceId;
    public int AttributeId;
    public int MemberId;
    public int SymbolOffset;
    public int SymbolLength;
    public byte SegmentCount;

    // Reply status (responses only).
    public byte GeneralStatus;
    public byte ExtendedStatusWords;
    public ushort ExtendedStatus;

    /// <summary>Service data after the path (requests) or after the status (replies).</summary>
    public int DataOffset;
    public int DataLength;

    // Multiple Service Packet.
    public ushort ServiceCount;

    // Forward Open / Forward Close / Unconnected Send.
    public bool HasConnection;
    public uint OtConnectionId;
    public uint ToConnectionId;
    public ushort ConnectionSerial;
    public ushort OriginatorVendor;
    public uint OriginatorSerial;
    public uint OtRpi;
    public uint ToRpi;
    public uint OtParameters;
    public uint ToParameters;
    public byte TransportTrigger;
    public byte TimeoutMultiplier;
    public bool HasTimeout;
    public byte PriorityTick;
    public byte TimeoutTicks;

    // Connected transport (class 3 over SendUnitData): the connected data item's sequence count.
    public bool Connected;
    public uint ConnectionId;
    public ushort SequenceCount;
}
