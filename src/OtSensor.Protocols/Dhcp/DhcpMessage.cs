using System.Text.Json;
using OtSensor.Core.Protocols;
using OtSensor.Protocols.Naming;

namespace OtSensor.Protocols.Dhcp;

/// <summary>One DHCP (or plain BOOTP) message: header fields, the naming options and anomalies.</summary>
/// <remarks>
/// A <c>ref struct</c> over the datagram, valid only during <see cref="Registry.IProtocolEventSink.OnDhcp"/>.
/// Event-log contract: <c>function</c> is the DHCP message type (option 53), -1 for plain BOOTP. Whether a message
/// is a response comes from <c>op</c> (BOOTREPLY), not from the UDP direction: a server's broadcast reply opens a
/// flow of its own. Identity is reported only for what a client says about itself: a BOOTREQUEST sent directly
/// (giaddr 0.0.0.0; a relayed request's IP sender is the relay agent). A server's reply may carry option 12 for the
/// client (RFC 2132 §3.14): it is written in details with <c>yiaddr</c> and <c>chaddr</c>, never reported as the
/// server's own name.
/// </remarks>
public readonly ref struct DhcpMessage : IProtocolMessage
{
    private const string HostNameSource = "dhcp option 12 host name";
    private const string FqdnSource = "dhcp option 81 client fqdn";
    private const string VendorClassSource = "dhcp option 60 vendor class identifier";

    private readonly ReadOnlySpan<byte> _datagram;
    private readonly DhcpDecoded _d;

    /// <summary>A message over <paramref name="datagram"/> whose fields the parser fills in place through <see cref="Fields"/>.</summary>
    internal DhcpMessage(ReadOnlySpan<byte> datagram)
    {
        _datagram = datagram;
        _d = default;
    }

    /// <summary>The decoded fields, writable, for the parser only (messages are built in place: src/OtSensor.Protocols/README.md).</summary>
    [System.Diagnostics.CodeAnalysis.UnscopedRef]
    internal ref DhcpDecoded Fields => ref System.Runtime.CompilerServices.Unsafe.AsRef(in _d);

    public ProtocolId Protocol => ProtocolId.Dhcp;

    /// <summary>DHCP message type (option 53); -1 for BOOTP without it.</summary>
    public int Function => _d.MessageType;

    public string? FunctionName => DhcpNames.MessageType(_d.MessageType);

    public OtOperation Operation => OtOperation.Other;

    public bool IsResponse => _d.Op == DhcpConstants.BootReply;

    public ulong Anomalies => (ulong)_d.Anomalies;

    public DhcpAnomalies AnomalyFlags => _d.Anomalies;

    public string AnomalyName(int bit) => DhcpNames.Anomaly(bit);

    public byte Op => _d.Op;

    public uint TransactionId => _d.Xid;

    /// <summary>Client hardware address (<c>chaddr</c>, <c>hlen</c> bytes, at most 16); empty when truncated.</summary>
    public ReadOnlySpan<byte> ClientHardwareAddress
        => _d.HasHeader ? _datagram.Slice(DhcpConstants.ChaddrOffset, Math.Min((int)_d.Hlen, DhcpConstants.ChaddrLength)) : default;

    /// <summary>Address the server assigns (<c>yiaddr</c>); empty when truncated.</summary>
    public ReadOnlySpan<byte> YourAddress => _d.HasHeader ? _datagram.Slice(DhcpConstants.YiaddrOffset, 4) : default;

    public ReadOnlySpan<byte> ClientAddress => _d.HasHeader ? _datagram.Slice(DhcpConstants.CiaddrOffset, 4) : default;

    public ReadOnlySpan<byte> HostName => _datagram.Slice(_d.HostNameOffset, _d.HostNameLength);

    public ReadOnlySpan<byte> VendorClass => _datagram.Slice(_d.VendorClassOffset, _d.VendorClassLength);

    /// <summary>Option 55: the option codes the client asks for, in its order (a fingerprint of the DHCP client).</summary>
    public ReadOnlySpan<byte> ParameterRequestList => _datagram.Slice(_d.ParameterListOffset, _d.ParameterListLength);

    public ReadOnlySpan<byte> ClientId => _datagram.Slice(_d.ClientIdOffset, _d.ClientIdLength);

    /// <summary>Option 81 value: flags, RCODE1, RCODE2 and the name (RFC 4702 §2); empty when absent.</summary>
    public ReadOnlySpan<byte> ClientFqdn => _datagram.Slice(_d.FqdnOffset, _d.FqdnLength);

    private bool IsDirectClientRequest
        => _d.HasHeader && _d.Op == DhcpConstants.BootRequest && _datagram[DhcpConstants.GiaddrOffset..(DhcpConstants.GiaddrOffset + 4)].IndexOfAnyExcept((byte)0) < 0;

    /// <summary>A client's own request naming itself (option 12 or 81) or its software (option 60 with a known prefix).</summary>
    public bool HasIdentity
        => IsDirectClientRequest && (_d.HostNameLength > 0 || _d.FqdnLength > 0 || !OperatingSystemOf(VendorClass).IsEmpty);

    /// <summary>
    /// Option 12 → hostname; option 81 name → hostname (wire-encoded names are turned into dotted text);
    /// option 60 → operating system only for prefixes whose meaning is documented by their software
    /// ("MSFT" Windows DHCP client, "android-dhcp-" Android, "udhcp " BusyBox); other vendor classes stay in details.
    /// </summary>
    public void ReportIdentity(IIdentityReceiver receiver)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        if (!IsDirectClientRequest) return;
        if (_d.HostNameLength > 0) receiver.OnIdentity(IdentityField.Hostname, HostName, HostNameSource);
        if (_d.FqdnLength > 0)
        {
            Span<byte> name = stackalloc byte[256];
            int n = FqdnText(ClientFqdn, name);
            if (n > 0) receiver.OnIdentity(IdentityField.Hostname, name[..n], FqdnSource);
        }
        var os = OperatingSystemOf(VendorClass);
        if (!os.IsEmpty) receiver.OnIdentity(IdentityField.OperatingSystem, os, VendorClassSource);
    }

    /// <summary>The documented meaning of a vendor class identifier prefix; empty when unknown.</summary>
    public static ReadOnlySpan<byte> OperatingSystemOf(ReadOnlySpan<byte> vendorClass)
    {
        if (vendorClass.StartsWith("MSFT"u8)) return "Windows"u8;
        if (vendorClass.StartsWith("android-dhcp-"u8)) return "Android"u8;
        if (vendorClass.StartsWith("udhcp "u8)) return "Linux (BusyBox udhcp)"u8;
        return default;
    }

    /// <summary>
    /// The option 81 name as dotted text: ASCII as sent, or with the E flag (RFC 4702 §2.3.1) DNS wire labels
    /// joined by dots. Returns the text length in <paramref name="destination"/> (256 bytes), 0 when unusable.
    /// </summary>
    public static int FqdnText(ReadOnlySpan<byte> option, Span<byte> destination)
    {
        if (option.Length <= 3) return 0;
        var name = option[3..];
        if ((option[0] & DhcpConstants.FqdnEncodedFlag) == 0)
        {
            int n = Math.Min(name.Length, destination.Length);
            name[..n].CopyTo(destination);
            return n;
        }
        int pos = 0, written = 0;
        while (pos < name.Length)
        {
            int label = name[pos++];
            if (label == 0) break;
            // Compression is not allowed here (RFC 4702 §2.3.1); a pointer or a lying length ends the name.
            if (label > 63 || label > name.Length - pos || written + label + 1 > destination.Length) return written;
            if (written > 0) destination[written++] = (byte)'.';
            name.Slice(pos, label).CopyTo(destination[written..]);
            written += label;
            pos += label;
        }
        return written;
    }

    public void WriteDetails(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (!_d.HasHeader) return;
        writer.WriteNumber(DhcpFields.Op, _d.Op);
        writer.WriteString(DhcpFields.OpName, DhcpNames.Op(_d.Op));
        writer.WriteNumber(DhcpFields.Htype, _d.Htype);
        writer.WriteNumber(DhcpFields.Hops, _d.Hops);
        writer.WriteNumber(DhcpFields.Xid, _d.Xid);
        writer.WriteNumber(DhcpFields.Secs, _d.Secs);
        writer.WriteBoolean(DhcpFields.Broadcast, (_d.Flags & DhcpConstants.BroadcastFlag) != 0);
        NamingJson.WriteIPv4(writer, DhcpFields.Ciaddr, _datagram.Slice(DhcpConstants.CiaddrOffset, 4));
        NamingJson.WriteIPv4(writer, DhcpFields.Yiaddr, _datagram.Slice(DhcpConstants.YiaddrOffset, 4));
        NamingJson.WriteIPv4(writer, DhcpFields.Siaddr, _datagram.Slice(DhcpConstants.SiaddrOffset, 4));
        NamingJson.WriteIPv4(writer, DhcpFields.Giaddr, _datagram.Slice(DhcpConstants.GiaddrOffset, 4));
        var chaddr = ClientHardwareAddress;
        if (_d.Htype == DhcpConstants.HtypeEthernet && chaddr.Length == 6) NamingJson.WriteMac(writer, DhcpFields.Chaddr, chaddr);
        else NamingJson.WriteHex(writer, DhcpFields.Chaddr, chaddr);
        if (!_d.HasCookie)
        {
            writer.WriteBoolean(DhcpFields.Bootp, true);
            return;
        }
        if (_d.MessageType >= 0)
        {
            var name = DhcpNames.MessageType(_d.MessageType);
            if (name is null) writer.WriteNull(DhcpFields.MessageTypeName);
            else writer.WriteString(DhcpFields.MessageTypeName, name);
        }
        writer.WriteNumber(DhcpFields.OptionCount, _d.OptionCount);
        if (_d.HostNameLength > 0) NamingJson.WriteText(writer, DhcpFields.HostName, HostName);
        if (_d.DomainNameLength > 0) NamingJson.WriteText(writer, DhcpFields.DomainName, _datagram.Slice(_d.DomainNameOffset, _d.DomainNameLength));
        if (_d.FqdnLength > 0)
        {
            writer.WriteNumber(DhcpFields.FqdnFlags, ClientFqdn[0]);
            Span<byte> name = stackalloc byte[256];
            NamingJson.WriteText(writer, DhcpFields.Fqdn, name[..FqdnText(ClientFqdn, name)]);
        }
        if (_d.VendorClassLength > 0) NamingJson.WriteText(writer, DhcpFields.VendorClass, VendorClass);
        if (_d.ParameterListLength > 0)
        {
            writer.WriteNumber(DhcpFields.ParameterCount, _d.ParameterListLength);
            WriteParameterList(writer, ParameterRequestList);
        }
        if (_d.ClientIdLength > 0) NamingJson.WriteHex(writer, DhcpFields.ClientId, ClientId);
        if (_d.RequestedIpOffset > 0) NamingJson.WriteIPv4(writer, DhcpFields.RequestedIp, _datagram.Slice(_d.RequestedIpOffset, 4));
        if (_d.ServerIdOffset > 0) NamingJson.WriteIPv4(writer, DhcpFields.ServerId, _datagram.Slice(_d.ServerIdOffset, 4));
        if (_d.LeaseTime >= 0) writer.WriteNumber(DhcpFields.LeaseTime, _d.LeaseTime);
        if (_d.Overload >= 0) writer.WriteNumber(DhcpFields.Overload, _d.Overload);
    }

    /// <summary>Writes option 55 as "1,3,6,15": compact, and the order is part of the client's fingerprint.</summary>
    private static void WriteParameterList(Utf8JsonWriter writer, ReadOnlySpan<byte> list)
    {
        Span<char> chars = stackalloc char[4 * 255];
        int pos = 0;
        for (int i = 0; i < list.Length; i++)
        {
            if (i > 0) chars[pos++] = ',';
            list[i].TryFormat(chars[pos..], out int written, default, System.Globalization.CultureInfo.InvariantCulture);
            pos += written;
        }
        writer.WriteString(DhcpFields.ParameterRequestList, chars[..pos]);
    }
}
