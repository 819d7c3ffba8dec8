namespace OtSensor.Simulation.Osi;

/// <summary>
/// ISO 8327-1 session SPDUs as MMS stacks send them: CONNECT (13) / ACCEPT (14) with Connect Accept Item (protocol
/// options, version 2), Session Requirement (duplex) and user data (PGI 193); GIVE-TOKENS (1) + DATA TRANSFER (1) for
/// every data unit; FINISH (9) and DISCONNECT (10) carrying the ACSE release.
/// </summary>
/// <remarks>
/// <code>
/// SPDU  | SI | LI (1, or FF + 2) | parameters: PI/PGI code | LI | value ... | C1 LI user data |
/// DATA  | 01 00 | 01 00 | user data     (§8.3.3 GIVE-TOKENS with no parameters concatenated with DATA TRANSFER)
/// </code>
/// </remarks>
public static class IsoSession
{
    // Connect Accept Item (5): protocol options (19) 0, version number (22) 2; Session Requirement (20): duplex.
    private static readonly byte[] AcceptItem = [0x05, 0x06, 0x13, 0x01, 0x00, 0x16, 0x01, 0x02];
    private static readonly byte[] Requirement = [0x14, 0x02, 0x00, 0x02];
    // Calling (51) and called (52) session selectors 0001.
    private static readonly byte[] Selectors = [0x33, 0x02, 0x00, 0x01, 0x34, 0x02, 0x00, 0x01];

    public static byte[] Connect(byte[] userData) => Spdu(0x0D, [.. AcceptItem, .. Requirement, .. Selectors, .. UserData(userData)]);

    public static byte[] Accept(byte[] userData) => Spdu(0x0E, [.. AcceptItem, .. Requirement, .. UserData(userData)]);

    public static byte[] Finish(byte[] userData) => Spdu(0x09, UserData(userData));

    public static byte[] Disconnect(byte[] userData) => Spdu(0x0A, UserData(userData));

    public static byte[] DataTransfer(byte[] userData)
    {
        ArgumentNullException.ThrowIfNull(userData);
        return [0x01, 0x00, 0x01, 0x00, .. userData];
    }

    private static byte[] UserData(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return [0xC1, .. Length(data.Length), .. data];
    }

    private static byte[] Spdu(byte si, byte[] parameters) => [si, .. Length(parameters.Length), .. parameters];

    /// <summary>LI: one octet up to 254, else FF and two octets (§8.2.5).</summary>
    private static byte[] Length(int length) => length < 0xFF ? [(byte)length] : [0xFF, (byte)(length >> 8), (byte)length];
}
