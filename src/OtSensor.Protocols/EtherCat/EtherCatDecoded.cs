using OtSensor.Core.Protocols;

namespace OtSensor.Protocols.EtherCat;

/// <summary>
/// The scalar fields of one datagram (or of a frame without datagrams), filled by <see cref="EtherCatDatagramReader"/>
/// and wrapped with the frame by <see cref="EtherCatMessage"/>. Variable parts are offsets into the frame.
/// </summary>
internal struct EtherCatDecoded
{
    public ushort FrameHeader;
    public byte FrameType;
    public ushort FrameLength;
    public bool FromMaster;

    /// <summary>Position of the datagram in its frame, from 0.</summary>
    public byte Position;

    public byte Command;
    public byte Index;
    public uint Address;
    public ushort LengthField;
    public ushort Irq;
    public ushort WorkingCounter;

    /// <summary>Offset of the datagram's data in the frame and how much of it was captured.</summary>
    public int DataOffset;
    public int DataLength;

    public byte AlState;
    public bool AlErrorBit;

    public ushort MailboxLength;
    public ushort MailboxAddress;
    public byte MailboxType;
    public byte MailboxCounter;

    public ushort CoeNumber;
    public byte CoeService;
    public byte SdoCommand;
    public ushort SdoIndex;
    public byte SdoSubIndex;
    public uint SdoAbortCode;

    public byte FoeOpcode;

    /// <summary>FoE password (read/write request), packet number (data, ack) or error code (error).</summary>
    public uint FoeValue;
    public int FileNameOffset;
    public int FileNameLength;

    public EtherCatAnomalies Anomalies;
    public OtOperation Operation;
    public EtherCatFieldPresence Present;

    public readonly bool Has(EtherCatFieldPresence field) => (Present & field) != 0;
}
