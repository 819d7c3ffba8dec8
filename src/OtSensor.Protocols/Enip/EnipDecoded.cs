using OtSensor.Core.Protocols;

namespace OtSensor.Protocols.Enip;

/// <summary>Decoded fields of one encapsulation packet (or one class-1 I/O datagram), as raw values and offsets.</summary>
internal struct EnipDecoded
{
    public bool IsIo;
    public bool IsResponse;
    public EnipAnomalies Anomalies;
    public OtOperation Operation;

    public ushort Command;
    public ushort Length;
    public uint SessionHandle;
    public uint Status;
    public ulong SenderContext;
    public uint Options;

    public bool HasSendData;
    public uint InterfaceHandle;
    public ushort Timeout;

    public int ItemCount;

    // Address item: connected (0xA1) or sequenced (0x8002).
    public bool HasConnection;
    public uint ConnectionId;
    public bool HasSequence;
    public uint Sequence;

    // Data item (0xB1 / 0xB2): offset and length of the CIP message (after the sequence count for 0xB1).
    public ushort DataItemType;
    public int CipOffset;
    public int CipLength;
    public bool HasCipSequence;
    public ushort CipSequence;

    public ushort ProtocolVersion;
    public bool HasProtocolVersion;
    public ushort Capabilities;
    public bool HasCapabilities;

    // CIP Identity item (ListIdentity reply).
    public bool HasIdentity;
    public ushort EncapsulationVersion;
    public ushort SocketPort;
    public uint SocketAddress;
    public ushort VendorId;
    public ushort DeviceType;
    public ushort ProductCode;
    public byte RevisionMajor;
    public byte RevisionMinor;
    public ushort DeviceStatus;
    public uint Serial;
    public int NameOffset;
    public int NameLength;
    public bool HasState;
    public byte State;
}
