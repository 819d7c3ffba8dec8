using OtSensor.Core.Protocols;

namespace OtSensor.Protocols.Registry;

/// <summary>
/// Registration of a layer-2-only protocol (PROFINET DCP/RT, IEC 61850 GOOSE and Sampled Values, EtherCAT,
/// BACnet over 802.2 LLC, LLDP): which EtherTypes or LLC service access points it decodes, and how to make
/// the per-pipeline session that receives their frames.
/// </summary>
/// <remarks>
/// The engine dispatches on the EtherType after any VLAN tags (IEEE Std 802.1Q-2022 §9.5) or, for 802.3
/// length frames, on the LLC destination SAP (IEEE Std 802.2 §3.3.1). There is no flow: a frame is offered
/// once, whole, and its records carry MAC addresses instead of IP endpoints.
/// </remarks>
public interface IFrameModule
{
    ProtocolId Protocol { get; }

    /// <summary>EtherTypes whose payload (the bytes after the type field) this module decodes.</summary>
    ReadOnlySpan<ushort> EtherTypes { get; }

    /// <summary>802.2 LLC destination SAPs whose payload (the bytes after the LLC header) this module decodes.</summary>
    ReadOnlySpan<byte> LlcSaps { get; }

    IFrameSession CreateFrameSession();
}
