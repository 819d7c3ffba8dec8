namespace OtSensor.Simulation.Osi;

/// <summary>
/// ISO 8650-1 ACSE APDUs for an MMS association: AARQ [APPLICATION 0] / AARE [APPLICATION 1] naming the MMS
/// application context (1.0.9506.2.3) and carrying the MMS initiate PDU in user-information (EXTERNAL, indirect
/// reference = the MMS presentation context, single-ASN1-type); RLRQ [APPLICATION 2] / RLRE [APPLICATION 3] to release.
/// </summary>
/// <remarks>
/// <code>
/// AARQ 60 { 80 02 07 80 version1  a1 { 06 context-name }  be { 28 { 02 03  a0 MMS-PDU } } }
/// AARE 61 { 80 02 07 80  a1 { 06 }  a2 { 02 00 accepted }  a3 { a1 { 02 00 } }  be { 28 { 02 03  a0 MMS-PDU } } }
/// RLRQ 62 { 80 01 00 normal }   RLRE 63 { 80 01 00 normal }
/// </code>
/// </remarks>
public static class Acse
{
    public static byte[] AssociateRequest(byte[] mms) => Ber.Tlv(Ber.ApplicationConstructed(0), Version(), ContextName(), UserInformation(mms));

    public static byte[] AssociateResponse(byte[] mms) => Ber.Tlv(Ber.ApplicationConstructed(1), Version(), ContextName(),
        Ber.Tlv(Ber.ContextConstructed(2), Ber.Integer(0)),                                        // result: accepted
        Ber.Tlv(Ber.ContextConstructed(3), Ber.Tlv(Ber.ContextConstructed(1), Ber.Integer(0))),    // acse-service-user: null
        UserInformation(mms));

    public static byte[] ReleaseRequest() => Ber.Tlv(Ber.ApplicationConstructed(2), Ber.Integer(0, Ber.Context(0)));

    public static byte[] ReleaseResponse() => Ber.Tlv(Ber.ApplicationConstructed(3), Ber.Integer(0, Ber.Context(0)));

    /// <summary>protocol-version [0] BIT STRING { version1 } (7 unused bits, 0x80).</summary>
    private static byte[] Version() => Ber.BitString(Ber.Context(0), 7, 0x80);

    private static byte[] ContextName() => Ber.Tlv(Ber.ContextConstructed(1), Ber.Oid(1, 0, 9506, 2, 3));

    private static byte[] UserInformation(byte[] mms)
        => Ber.Tlv(Ber.ContextConstructed(30), Ber.Tlv(Ber.External, Ber.Integer(IsoPresentation.MmsContext), Ber.Tlv(Ber.ContextConstructed(0), mms)));
}
