namespace OtSensor.Protocols.Tests.S7CommPlus;

/// <summary>S7comm-plus frames (COTP user data), from the ICS-Security-Tools and icsnpp captures.</summary>
internal static class S7CommPlusVectors
{
    /// <summary>S7-1511_db2 style V2 request: GetMultiVariables, sequence 3, session id 0x000003C0.</summary>
    public static readonly byte[] GetMultiVariablesRequest =
    [
        0x72, 0x02,             // S7comm-plus, protocol version 2
        0x00, 0x12,             // data length 18
        0x31,                   // opcode Request
        0x00, 0x00,             // reserved
        0x05, 0x4C,             // function GetMultiVariables
        0x00, 0x00,             // reserved
        0x00, 0x03,             // sequence number 3
        0x00, 0x00, 0x03, 0xC0, // session id
        0x34,                   // transport flags
        0x00, 0x00, 0x00, 0x00, // (request data, empty item list)
        0x72, 0x02, 0x00, 0x00, // trailer
    ];

    /// <summary>Uploading-OB1 frame 11: V2 response to SetMultiVariables, sequence 2.</summary>
    public static readonly byte[] SetMultiVariablesResponse = Convert.FromHexString(
        "72020010" // 0x72, version 2, data length 16
        + "32" + "0000" + "0542" + "0000" + "0002" // Response, reserved, SetMultiVariables, reserved, sequence 2
        + "34" + "000000000000" // transport flags, return value
        + "72020000"); // trailer

    /// <summary>icsnpp s7comm_plus frame 7: V3 request with integrity digest, SetVariable, session 0x70000E4D.</summary>
    public static readonly byte[] SetVariableV3Request = Convert.FromHexString(
        "7203005e" // 0x72, version 3, data length 94
        + "20" + "e969a95a852ab0e288480ccecb618e48779f4b68a1ce9a9c42cd6aa536800683" // digest length 32, digest
        + "31" + "0000" + "04f2" + "0000" + "831a" + "70000e4d" + "74" // Request, SetVariable, seq 0x831A, session, flags
        + "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000" // request data (zeroed)
        + "72030000"); // trailer

    /// <summary>V3 notification with digest: opcode 0x33, subscription object id.</summary>
    public static readonly byte[] NotificationV3 = Convert.FromHexString(
        "7203002b" // 0x72, version 3, data length 43
        + "20" + "8c3ace381dfdbc42201789dec03b099172858efb6f3ef2e5e8ecb8bd25466533" // digest
        + "33" + "70000e51" + "0400000000" // Notification, subscription object id, payload
        + "72030000"); // trailer

    /// <summary>Uploading-OB1 frames 127-129 style: a PDU split over two frames; only the last has the trailer.</summary>
    public static readonly byte[] FragmentFirst = Convert.FromHexString(
        "7202000d" + "31" + "0000" + "04ca" + "0000" + "0027" + "000003c0"); // Request CreateObject, seq 0x27, no trailer
    public static readonly byte[] FragmentLast = Convert.FromHexString(
        "72020004" + "be52277b" + "72020000"); // continuation data, trailer
}
