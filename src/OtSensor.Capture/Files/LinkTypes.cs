using OtSensor.Core.Net;

namespace OtSensor.Capture.Files;

/// <summary>Maps raw LINKTYPE_* values to the <see cref="LinkType"/> values the decoder understands.</summary>
/// <remarks>Values from the tcpdump.org link-layer header type registry (draft-ietf-opsawg-pcaplinktype).</remarks>
public static class LinkTypes
{
    /// <summary>The <see cref="LinkType"/> for a raw value, or <see cref="LinkType.Unknown"/> for anything we do not decode.</summary>
    /// <remarks>Called for every frame: Ethernet, by far the most common, is answered without the switch.</remarks>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static LinkType FromRaw(ushort raw) => raw == (ushort)LinkType.Ethernet ? LinkType.Ethernet : FromRawOther(raw);

    private static LinkType FromRawOther(ushort raw) => raw switch
    {
        (ushort)LinkType.Null => LinkType.Null,
        (ushort)LinkType.Ethernet => LinkType.Ethernet,
        (ushort)LinkType.Raw => LinkType.Raw,
        (ushort)LinkType.Loop => LinkType.Loop,
        (ushort)LinkType.LinuxSll => LinkType.LinuxSll,
        (ushort)LinkType.IPv4 => LinkType.IPv4,
        (ushort)LinkType.IPv6 => LinkType.IPv6,
        (ushort)LinkType.LinuxSll2 => LinkType.LinuxSll2,
        _ => LinkType.Unknown,
    };
}
