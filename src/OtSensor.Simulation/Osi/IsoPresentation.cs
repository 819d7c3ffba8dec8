namespace OtSensor.Simulation.Osi;

/// <summary>
/// ISO 8823 presentation PPDUs (normal mode, BER): CP-type with two presentation contexts (1 = ACSE, 3 = MMS, both in
/// the basic encoding), CPA-type accepting both, and fully-encoded user data with one PDV naming its context.
/// </summary>
/// <remarks>
/// <code>
/// CP-type  31 { a0 { 80 01 01 normal-mode } a2 { 81 calling-sel 82 called-sel a4 context-list 88 requirements 61 user-data } }
/// CPA-type 31 { a0 { 80 01 01 } a2 { 83 responding-sel a5 result-list 88 requirements 61 user-data } }
/// user-data 61 { 30 { 02 context-id  a0 single-ASN1-type } }   fully-encoded-data, one PDV-list
/// </code>
/// </remarks>
public static class IsoPresentation
{
    public const int AcseContext = 1;
    public const int MmsContext = 3;
    private static readonly byte[] Selector = [0x00, 0x00, 0x00, 0x01];

    /// <summary>CP-type carrying <paramref name="acse"/> (an AARQ) in the ACSE context.</summary>
    public static byte[] Connect(byte[] acse)
    {
        var basic = Ber.Tlv(Ber.Sequence, Ber.Oid(2, 1, 1));                     // transfer-syntax-name-list: basic encoding
        var contexts = Ber.Tlv(Ber.ContextConstructed(4),
            Ber.Tlv(Ber.Sequence, Ber.Integer(AcseContext), Ber.Oid(2, 2, 1, 0, 1), basic),       // id-as-acse
            Ber.Tlv(Ber.Sequence, Ber.Integer(MmsContext), Ber.Oid(1, 0, 9506, 2, 1), basic));    // MMS abstract syntax
        return Ber.Tlv(Ber.Set, Mode(), Ber.Tlv(Ber.ContextConstructed(2),
            Ber.OctetString(Ber.Context(1), Selector), Ber.OctetString(Ber.Context(2), Selector), contexts, Requirements(), Data(AcseContext, acse)));
    }

    /// <summary>CPA-type accepting both contexts, carrying <paramref name="acse"/> (an AARE).</summary>
    public static byte[] Accept(byte[] acse)
    {
        var accepted = Ber.Tlv(Ber.Sequence, Ber.Integer(0, Ber.Context(0)), Ber.Tlv(Ber.Context(1), [0x51, 0x01]));  // acceptance, 2.1.1
        return Ber.Tlv(Ber.Set, Mode(), Ber.Tlv(Ber.ContextConstructed(2),
            Ber.OctetString(Ber.Context(3), Selector), Ber.Tlv(Ber.ContextConstructed(5), accepted, accepted), Requirements(), Data(AcseContext, acse)));
    }

    /// <summary>Fully-encoded-data [APPLICATION 1]: one PDV-list with the context id and the value as single-ASN1-type [0].</summary>
    public static byte[] Data(int context, byte[] value)
        => Ber.Tlv(Ber.ApplicationConstructed(1), Ber.Tlv(Ber.Sequence, Ber.Integer(context), Ber.Tlv(Ber.ContextConstructed(0), value)));

    private static byte[] Mode() => Ber.Tlv(Ber.ContextConstructed(0), Ber.Integer(1, Ber.Context(0)));

    /// <summary>Presentation requirements [8]: an empty functional-unit bit string (6 unused bits).</summary>
    private static byte[] Requirements() => Ber.BitString(Ber.Context(8), 6, 0x00);
}
