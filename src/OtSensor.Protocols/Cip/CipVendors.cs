using System.Text;

namespace OtSensor.Protocols.Cip;

/// <summary>ODVA vendor ids of common vendors (Identity object attribute 1, ListIdentity, Forward Open originator vendor).</summary>
/// <remarks>
/// A selection of the ODVA vendor id registry; every number and spelling was checked against tshark 4.0's
/// <c>cip_vendor_vals</c> (<c>tshark -G values</c>, field <c>enip.lir.vendor</c>). Unknown ids have no name.
/// </remarks>
public static class CipVendors
{
    private static readonly (ushort Id, string Name)[] Table =
    [
        (1, "Rockwell Automation/Allen-Bradley"),
        (2, "Namco Controls Corp."),
        (3, "Honeywell Inc."),
        (4, "Parker Hannifin Corp. (Veriflo Division)"),
        (5, "Rockwell Automation/Reliance Elec."),
        (7, "SMC Corporation"),
        (8, "Molex Incorporated"),
        (12, "Banner Engineering Corp."),
        (26, "Festo Corporation"),
        (40, "Wago Corporation"),
        (43, "BALLUFF, Inc."),
        (44, "Yaskawa Electric America, Inc."),
        (46, "ABB Industrial Systems"),
        (47, "Omron Corporation"),
        (48, "TURCk, Inc."),
        (50, "Real Time Automation (C&ID)"),
        (56, "Softing GmbH"),
        (57, "Pepperl + Fuchs"),
        (58, "Spectrum Controls, Inc."),
        (68, "Eaton Electrical"),
        (82, "Mitsubishi Electric Automation, Inc."),
        (90, "HMS Industrial Networks AB"),
        (97, "Danfoss"),
        (108, "Beckhoff Automation GmbH"),
        (145, "Siemens Energy & Automation/Drives"),
        (161, "Mitsubishi Electric Corporation"),
        (176, "Red Lion Controls"),
        (243, "Schneider Automation, Inc."),
        (250, "Yokogawa Electric Corporation"),
        (255, "Bosch Rexroth"),
        (283, "Hilscher GmbH"),
        (309, "Prosoft Technology"),
        (326, "GE Fanuc Automation North America, Inc."),
        (367, "Keyence Corporation"),
        (445, "Lenze Drive Systems GmbH"),
        (562, "Phoenix Contact"),
        (591, "FANUC Ltd."),
        (678, "Cognex Corporation"),
        (808, "SICK AG"),
    ];

    private static readonly byte[][] Utf8Names = BuildUtf8();

    /// <summary>Vendor name, or null when the id is not in the table.</summary>
    public static string? Name(ushort id)
    {
        int i = IndexOf(id);
        return i < 0 ? null : Table[i].Name;
    }

    /// <summary>The same name as UTF-8 bytes (for identity receivers); empty when unknown.</summary>
    public static ReadOnlySpan<byte> NameUtf8(ushort id)
    {
        int i = IndexOf(id);
        return i < 0 ? default : Utf8Names[i];
    }

    private static int IndexOf(ushort id)
    {
        int lo = 0, hi = Table.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >> 1;
            int cmp = Table[mid].Id.CompareTo(id);
            if (cmp == 0) return mid;
            if (cmp < 0) lo = mid + 1;
            else hi = mid - 1;
        }
        return -1;
    }

    private static byte[][] BuildUtf8()
    {
        var names = new byte[Table.Length][];
        for (int i = 0; i < Table.Length; i++) names[i] = Encoding.UTF8.GetBytes(Table[i].Name);
        return names;
    }
}
