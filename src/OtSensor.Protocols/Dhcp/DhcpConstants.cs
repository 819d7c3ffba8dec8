namespace OtSensor.Protocols.Dhcp;

/// <summary>Field offsets, option codes and bounds of DHCP/BOOTP (RFC 2131 §2, RFC 2132).</summary>
public static class DhcpConstants
{
    public const ushort ServerPort = 67;
    public const ushort ClientPort = 68;

    /// <summary>The fixed BOOTP header up to and including the <c>file</c> field (RFC 2131 §2, figure 1).</summary>
    public const int FixedHeaderLength = 236;

    /// <summary>Fixed header plus the magic cookie: where options start.</summary>
    public const int OptionsOffset = 240;

    /// <summary>RFC 2131 §3: 99.130.83.99.</summary>
    public const uint MagicCookie = 0x63825363;

    public const int OpOffset = 0;
    public const int HtypeOffset = 1;
    public const int HlenOffset = 2;
    public const int HopsOffset = 3;
    public const int XidOffset = 4;
    public const int SecsOffset = 8;
    public const int FlagsOffset = 10;
    public const int CiaddrOffset = 12;
    public const int YiaddrOffset = 16;
    public const int SiaddrOffset = 20;
    public const int GiaddrOffset = 24;
    public const int ChaddrOffset = 28;
    public const int ChaddrLength = 16;
    public const int SnameOffset = 44;
    public const int FileOffset = 108;
    public const int CookieOffset = 236;

    public const byte BootRequest = 1;
    public const byte BootReply = 2;

    /// <summary>Flags: the broadcast bit (RFC 2131 §2, figure 2).</summary>
    public const ushort BroadcastFlag = 0x8000;

    public const byte HtypeEthernet = 1;

    public const byte OptionPad = 0;
    public const byte OptionEnd = 255;
    public const byte OptionSubnetMask = 1;
    public const byte OptionRouter = 3;
    public const byte OptionDomainServer = 6;
    public const byte OptionHostName = 12;
    public const byte OptionDomainName = 15;
    public const byte OptionRequestedIp = 50;
    public const byte OptionLeaseTime = 51;
    public const byte OptionOverload = 52;
    public const byte OptionMessageType = 53;
    public const byte OptionServerId = 54;
    public const byte OptionParameterList = 55;
    public const byte OptionMaxMessageSize = 57;
    public const byte OptionVendorClass = 60;
    public const byte OptionClientId = 61;
    public const byte OptionClientFqdn = 81;

    /// <summary>RFC 4702 §2.1: the E flag, set when the FQDN option's name is in DNS wire (canonical) encoding.</summary>
    public const byte FqdnEncodedFlag = 0x04;

    /// <summary>Highest DHCP message type defined (RFC 2132 §9.6, RFC 4388, RFC 6926, RFC 7724: 1..18).</summary>
    public const byte MaxMessageType = 18;

    /// <summary>Bound on the option walk: 1,500 bytes of options hold at most ~750 two-byte options.</summary>
    public const int MaxOptions = 1024;
}
