using System.Runtime.CompilerServices;
using OtSensor.Core.Net;
using OtSensor.Core.Time;

namespace OtSensor.Decoding.Packets;

/// <summary>Which network layer a frame carried.</summary>
public enum NetworkLayer : byte { None = 0, IPv4, IPv6, Arp, Other }

/// <summary>Which transport layer the network layer carried.</summary>
public enum TransportLayer : byte { None = 0, Tcp, Udp, Icmp, IcmpV6, Other }

/// <summary>TCP control bits (RFC 9293 §3.1).</summary>
[Flags]
public enum TcpFlags : byte
{
    None = 0, Fin = 0x01, Syn = 0x02, Rst = 0x04, Psh = 0x08, Ack = 0x10, Urg = 0x20, Ece = 0x40, Cwr = 0x80,
}

/// <summary>Up to three 802.1Q / 802.1ad tag control fields, inline (Suricata <c>vlan_id[VLAN_MAX_LAYERS]</c>).</summary>
[InlineArray(DecodedPacket.MaxVlanTags)]
public struct VlanTags
{
    private ushort _tci;
}

/// <summary>
/// Everything the L2–L4 decoder learned about one frame, as a flat struct with offsets into the frame
/// (Suricata's <c>Packet</c>, not PacketDotNet's object per layer). Reused for every packet: no allocation.
/// </summary>
public struct DecodedPacket
{
    public const int MaxVlanTags = 3;

    public Timestamp Timestamp;
    public long FrameNumber;
    public LinkType LinkType;
    public int FrameLength;

    // Layer 2 (zero when the link type has no MAC header, e.g. raw IP).
    public MacAddress SourceMac;
    public MacAddress DestinationMac;
    /// <summary>EtherType of the network layer after any VLAN tags.</summary>
    public ushort EtherType;
    public VlanTags VlanTags;
    public byte VlanCount;

    /// <summary>The frame is IEEE 802.3 with an 802.2 LLC header (not SNAP-encapsulated EtherType): see <see cref="LlcDsap"/>.</summary>
    public bool IsLlc;
    /// <summary>LLC destination service access point (IEEE Std 802.2 §3.3.1), when <see cref="IsLlc"/>.</summary>
    public byte LlcDsap;

    // Layer 3.
    public NetworkLayer Network;
    /// <summary>
    /// Offset of the network-layer header within the frame: IP or ARP, or for <see cref="NetworkLayer.Other"/>
    /// the first byte after the EtherType (or after the LLC header), where a layer-2 protocol's PDU starts.
    /// </summary>
    public int NetworkOffset;
    /// <summary>
    /// Bytes of the layer-2 payload at <see cref="NetworkOffset"/> for <see cref="NetworkLayer.Other"/>: up to the end of
    /// the frame after an EtherType, or up to the IEEE 802.3 length field after an LLC header (Ethernet padding excluded).
    /// </summary>
    public int NetworkLength;
    public IPAddressBytes SourceIP;
    public IPAddressBytes DestinationIP;
    /// <summary>IPv4 protocol / IPv6 next header after extension headers.</summary>
    public byte IPProtocol;
    public byte Ttl;
    /// <summary>IPv4 identification (or IPv6 fragment header identification).</summary>
    public uint IPIdentification;
    /// <summary>True for an IP fragment (more-fragments set or non-zero offset): the transport layer is not decoded.</summary>
    public bool IsFragment;
    public bool MoreFragments;
    /// <summary>Fragment offset in bytes.</summary>
    public int FragmentOffset;
    /// <summary>Offset and length of the IP payload within the frame (the fragment data for fragments).</summary>
    public int IPPayloadOffset;
    public int IPPayloadLength;

    // ARP (RFC 826) for Ethernet/IPv4.
    public ushort ArpOperation;
    public MacAddress ArpSenderMac;
    public IPAddressBytes ArpSenderIP;
    public MacAddress ArpTargetMac;
    public IPAddressBytes ArpTargetIP;

    // Layer 4.
    public TransportLayer Transport;
    /// <summary>Offset of the transport header within the decoded buffer (the frame, or the reassembled IP payload).</summary>
    public int TransportOffset;
    public ushort SourcePort;
    public ushort DestinationPort;
    public uint TcpSequence;
    public uint TcpAcknowledgment;
    public TcpFlags TcpFlags;
    public ushort TcpWindow;
    public byte IcmpType;
    public byte IcmpCode;

    /// <summary>Offset and length of the transport payload (TCP/UDP data) within the decoded buffer.</summary>
    public int PayloadOffset;
    public int PayloadLength;

    public DecodeAnomalies Anomalies;

    public readonly bool IsIP => Network is NetworkLayer.IPv4 or NetworkLayer.IPv6;
}
