using OtSensor.Core.Protocols;

namespace OtSensor.Protocols.Dns;

/// <summary>Which records of an LLMNR or mDNS response state the sender's own identity, and how they are reported.</summary>
/// <remarks>
/// Plain DNS answers describe third parties (the resolver answers for other hosts): never identity. LLMNR responders
/// answer only for names they are authoritative for, i.e. their own (RFC 4795 §2.1, §2.5): an A/AAAA answer names the
/// sender. mDNS responders mark the records they alone own with the cache-flush bit (RFC 6762 §10.2): a unique A/AAAA
/// record names the sender (a Sleep Proxy answering for a sleeping host, RFC 6762 §21, is the documented exception).
/// mDNS TXT records of DNS-SD services (RFC 6763 §6) carry model keys: <c>model=</c> (Apple device-info, AirPlay),
/// <c>ty=</c> (printers, IPP Everywhere), <c>md=</c> (HomeKit and Google Cast only) → model.
/// </remarks>
public static class DnsIdentity
{
    private const string LlmnrSource = "llmnr A/AAAA answer";
    private const string MdnsAddressSource = "mdns unique A/AAAA record";
    private const string MdnsTxtSource = "mdns TXT model key";

    public static bool States(ReadOnlySpan<byte> message, scoped in DnsRecordRef r, ProtocolId protocol, bool isResponse)
    {
        if (!isResponse || protocol == ProtocolId.Dns) return false;
        bool address = (r.Type == DnsConstants.TypeA && r.DataLength == 4) || (r.Type == DnsConstants.TypeAaaa && r.DataLength == 16);
        if (protocol == ProtocolId.Llmnr) return address && r.Section == 1;
        if (address) return (r.Class & DnsConstants.MdnsClassTopBit) != 0;
        return r.Type == DnsConstants.TypeTxt && !ModelValue(message.Slice(r.DataOffset, r.DataLength), MdAllowed(message, r.NameOffset)).IsEmpty;
    }

    public static void Report(ReadOnlySpan<byte> message, scoped in DnsRecordRef r, ProtocolId protocol, IIdentityReceiver receiver)
    {
        if (r.Type == DnsConstants.TypeTxt)
        {
            receiver.OnIdentity(IdentityField.Model, ModelValue(message.Slice(r.DataOffset, r.DataLength), MdAllowed(message, r.NameOffset)), MdnsTxtSource);
            return;
        }
        Span<byte> text = stackalloc byte[DnsConstants.MaxNameText];
        if (DnsName.Read(message, r.NameOffset, text, out int n, out _) != DnsAnomalies.None || n == 0) return;
        var name = text[..n];
        // "host.local" names the host "host" (RFC 6762 §3): the suffix is the mDNS domain, not part of the name.
        if (protocol == ProtocolId.Mdns && name.Length > 6 && AsciiEndsWithLocal(name)) name = name[..^6];
        receiver.OnIdentity(IdentityField.Hostname, name, protocol == ProtocolId.Llmnr ? LlmnrSource : MdnsAddressSource);
    }

    private static bool AsciiEndsWithLocal(ReadOnlySpan<byte> name)
        => System.Text.Ascii.EqualsIgnoreCase(name[^6..], ".local"u8);

    /// <summary>
    /// <c>md</c> means the model only in HomeKit (<c>_hap._tcp</c>) and Google Cast (<c>_googlecast._tcp</c>) records;
    /// AirPlay's <c>_raop._tcp</c> uses it for metadata types ("md=0,1,2"), so elsewhere it is ignored.
    /// </summary>
    private static bool MdAllowed(ReadOnlySpan<byte> message, int nameOffset)
    {
        Span<byte> text = stackalloc byte[DnsConstants.MaxNameText];
        if (DnsName.Read(message, nameOffset, text, out int n, out _) != DnsAnomalies.None) return false;
        var name = text[..n];
        return name.IndexOf("._hap._tcp."u8) >= 0 || name.IndexOf("._googlecast._tcp."u8) >= 0;
    }

    /// <summary>
    /// The value of the first <c>model</c> or <c>ty</c> key (or <c>md</c> when <paramref name="mdIsModel"/>) of a
    /// TXT record; empty when none.
    /// </summary>
    public static ReadOnlySpan<byte> ModelValue(ReadOnlySpan<byte> txt, bool mdIsModel)
    {
        int pos = 0;
        while (pos < txt.Length)
        {
            int length = txt[pos++];
            if (length > txt.Length - pos) return default;
            var s = txt.Slice(pos, length);
            pos += length;
            int eq = s.IndexOf((byte)'=');
            if (eq <= 0 || eq == s.Length - 1) continue;
            var key = s[..eq];
            // RFC 6763 §6.4: keys are case-insensitive ASCII.
            if ((mdIsModel && System.Text.Ascii.EqualsIgnoreCase(key, "md"u8)) || System.Text.Ascii.EqualsIgnoreCase(key, "model"u8) || System.Text.Ascii.EqualsIgnoreCase(key, "ty"u8))
                return s[(eq + 1)..];
        }
        return default;
    }
}
