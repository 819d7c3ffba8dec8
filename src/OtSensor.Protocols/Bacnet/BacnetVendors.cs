namespace OtSensor.Protocols.Bacnet;

/// <summary>Names of the BACnet vendor identifiers seen in the public captures, as ASHRAE assigns them.</summary>
/// <remarks>
/// ANSI/ASHRAE 135 §12.11.6 (Vendor_Identifier): the registry is kept by ASHRAE. The names below were checked
/// against tshark 4.0's value strings (<c>tshark -G values</c>, field <c>bacapp.vendor_identifier</c>); the
/// table stays small on purpose, an unknown identifier is still written as its number.
/// </remarks>
public static class BacnetVendors
{
    /// <summary>Vendor name as static UTF-8, empty when the identifier is not in the table.</summary>
    public static ReadOnlySpan<byte> NameUtf8(long id) => id switch
    {
        0 => "ASHRAE"u8,
        1 => "NIST"u8,
        2 => "The Trane Company"u8,
        5 => "Johnson Controls, Inc."u8,
        7 => "Siemens Schweiz AG (Formerly: Landis & Staefa Division Europe)"u8,
        8 => "Delta Controls"u8,
        9 => "Siemens Schweiz AG"u8,
        10 => "Schneider Electric"u8,
        11 => "TAC"u8,
        17 => "Honeywell Inc."u8,
        24 => "Automated Logic Corporation"u8,
        35 => "Reliable Controls Corporation"u8,
        36 => "Tridium Inc."u8,
        42 => "Acuity Brands Lighting, Inc."u8,
        260 => "BACnet Stack at SourceForge"u8,
        343 => "BACnet Interoperability Testing Services, Inc."u8,
        _ => default,
    };

    /// <summary>Vendor name as a static string, null when unknown.</summary>
    public static string? Name(long id) => id switch
    {
        0 => "ASHRAE",
        1 => "NIST",
        2 => "The Trane Company",
        5 => "Johnson Controls, Inc.",
        7 => "Siemens Schweiz AG (Formerly: Landis & Staefa Division Europe)",
        8 => "Delta Controls",
        9 => "Siemens Schweiz AG",
        10 => "Schneider Electric",
        11 => "TAC",
        17 => "Honeywell Inc.",
        24 => "Automated Logic Corporation",
        35 => "Reliable Controls Corporation",
        36 => "Tridium Inc.",
        42 => "Acuity Brands Lighting, Inc.",
        260 => "BACnet Stack at SourceForge",
        343 => "BACnet Interoperability Testing Services, Inc.",
        _ => null,
    };
}
