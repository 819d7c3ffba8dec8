using OtSensor.Protocols.Dns;

namespace OtSensor.Protocols.NetBios;

/// <summary>The fields of one NetBIOS name service or datagram message, as offsets into it. Filled by <see cref="NetBiosParser"/>.</summary>
internal struct NetBiosDecoded
{
    public bool IsDatagram;
    public bool HasHeader;

    /// <summary>Name service: the DNS-format decoding (header, first questions and records).</summary>
    public DnsDecoded Ns;

    /// <summary>Name service: the question's name (or the first record's when there is no question); -1 when none.</summary>
    public int NameOffset;
    public bool HasNbFlags;
    public ushort NbFlags;
    public int NbAddressOffset;

    /// <summary>Name service: the NODE_NAME entries of a node status answer (RFC 1002 §4.2.18).</summary>
    public int NodeStatusOffset;
    public int NodeStatusCount;
    public int UnitIdOffset;

    public byte MessageType;
    public byte DatagramFlags;
    public ushort DatagramId;
    public int SourceNameOffset;
    public int DestinationNameOffset;

    /// <summary>Datagram: the browser frame in a \MAILSLOT\BROWSE transaction; -1 when none.</summary>
    public int BrowserOffset;
    public int BrowserLength;

    public NetBiosAnomalies Anomalies;
}
