namespace OtSensor.Protocols.Fins;

/// <summary>Decoded fields of one FINS frame (with its FINS/TCP header when carried over TCP).</summary>
internal struct FinsDecoded
{
    public FinsAnomalies Anomalies;

    public bool HasTcpHeader;
    public uint TcpLength;
    public uint TcpCommand;
    public uint TcpErrorCode;
    public bool HasNodes;
    public uint ClientNode;
    public uint ServerNode;

    public bool HasFrame;
    public int FrameOffset;
    public byte Icf;
    public byte Gct;
    public byte Dna;
    public byte Da1;
    public byte Da2;
    public byte Sna;
    public byte Sa1;
    public byte Sa2;
    public byte Sid;
    public int Command;
    public bool HasEndCode;
    public ushort EndCode;
    public int DataOffset;
    public int DataLength;
}
