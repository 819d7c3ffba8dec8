using System.Buffers.Binary;

namespace OtSensor.Simulation.Osi;

/// <summary>
/// MMS PDUs (ISO 9506-2 §7) an IEC 61850 client and server exchange (IEC 61850-8-1 §8–§11): initiate, conclude,
/// and the confirmed services identify [2], getNameList [1] and read [4] with their responses and Data values.
/// </summary>
/// <remarks>
/// <code>
/// confirmed-RequestPDU  a0 { 02 invokeID  service-request }     confirmed-ResponsePDU a1 { 02 invokeID  service-response }
/// initiate-RequestPDU   a8 { 80 localDetail 81 maxCalling 82 maxCalled 83 nesting a4 { 80 version 81 CBB 82 services } }
/// conclude-Request 8b 00 / conclude-Response 8c 00
/// </code>
/// </remarks>
public static class MmsPdu
{
    public const int Identify = 2, GetNameList = 1, Read = 4;

    /// <summary>Services supported (§7.2.4, 85 bits): status, getNameList, identify, read, write, getVariableAccessAttributes, ...</summary>
    private static readonly byte[] ServicesSupported = [0xEE, 0x1C, 0x00, 0x00, 0x04, 0x08, 0x00, 0x00, 0x79, 0xEF, 0x18];

    public static byte[] InitiateRequest() => Initiate(8, 32000, 0xA0);

    public static byte[] InitiateResponse() => Initiate(9, 32000, 0xEE);

    /// <summary>localDetail, max outstanding calls 10/10 (responder: 5), nesting 5, version 1, parameter CBB str1 str2 vnam vlis, services.</summary>
    private static byte[] Initiate(int tag, int localDetail, byte firstServices)
    {
        byte[] services = [firstServices, .. ServicesSupported.AsSpan(1)];
        var detail = Ber.Tlv(Ber.ContextConstructed(4), Ber.Integer(1, Ber.Context(0)), Ber.BitString(Ber.Context(1), 5, 0xE1, 0x00),
            Ber.BitString(Ber.Context(2), 3, services));
        return Ber.Tlv(Ber.ContextConstructed(tag), Ber.Integer(localDetail, Ber.Context(0)), Ber.Integer(10, Ber.Context(1)),
            Ber.Integer(tag == 8 ? 10 : 5, Ber.Context(2)), Ber.Integer(5, Ber.Context(3)), detail);
    }

    public static byte[] ConcludeRequest() => Ber.Null(Ber.Context(11));

    public static byte[] ConcludeResponse() => Ber.Null(Ber.Context(12));

    /// <summary>identify-Request: NULL [2].</summary>
    public static byte[] IdentifyRequest(uint invokeId) => Request(invokeId, Ber.Null(Ber.Context(Identify)));

    /// <summary>identify-Response [2]: vendorName [0], modelName [1], revision [2] (VisibleString).</summary>
    public static byte[] IdentifyResponse(uint invokeId, string vendor, string model, string revision)
        => Response(invokeId, Ber.Tlv(Ber.ContextConstructed(Identify), Ber.Visible(vendor, Ber.Context(0)), Ber.Visible(model, Ber.Context(1)), Ber.Visible(revision, Ber.Context(2))));

    /// <summary>
    /// getNameList-Request [1]: objectClass [0] { basicObjectClass [0] } (9 domain, 0 namedVariable), objectScope [1]
    /// { vmdSpecific [0] NULL | domainSpecific [1] Identifier }.
    /// </summary>
    public static byte[] GetNameListRequest(uint invokeId, int objectClass, string? domain)
    {
        var scope = domain is null ? Ber.Null(Ber.Context(0)) : Ber.Visible(domain, Ber.Context(1));
        return Request(invokeId, Ber.Tlv(Ber.ContextConstructed(GetNameList),
            Ber.Tlv(Ber.ContextConstructed(0), Ber.Integer(objectClass, Ber.Context(0))), Ber.Tlv(Ber.ContextConstructed(1), scope)));
    }

    /// <summary>getNameList-Response [1]: listOfIdentifier [0] SEQUENCE OF Identifier, moreFollows [1] FALSE.</summary>
    public static byte[] GetNameListResponse(uint invokeId, IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var list = new byte[names.Count][];
        for (int i = 0; i < names.Count; i++) list[i] = Ber.Visible(names[i]);
        return Response(invokeId, Ber.Tlv(Ber.ContextConstructed(GetNameList), Ber.Tlv(Ber.ContextConstructed(0), list), Ber.Boolean(Ber.Context(1), false)));
    }

    /// <summary>read-Request [4]: variableAccessSpecification [1] { listOfVariable [0] { SEQUENCE { name [0] { domain-specific [1] { domainId, itemId } } } } }.</summary>
    public static byte[] ReadRequest(uint invokeId, string domain, string item)
    {
        var name = Ber.Tlv(Ber.ContextConstructed(0), Ber.Tlv(Ber.ContextConstructed(1), Ber.Visible(domain), Ber.Visible(item)));
        return Request(invokeId, Ber.Tlv(Ber.ContextConstructed(Read),
            Ber.Tlv(Ber.ContextConstructed(1), Ber.Tlv(Ber.ContextConstructed(0), Ber.Tlv(Ber.Sequence, name)))));
    }

    /// <summary>read-Response [4]: listOfAccessResult [1] with one success Data.</summary>
    public static byte[] ReadResponse(uint invokeId, byte[] data)
        => Response(invokeId, Ber.Tlv(Ber.ContextConstructed(Read), Ber.Tlv(Ber.ContextConstructed(1), data)));

    /// <summary>
    /// An IEC 61850 measured value (CDC MV, functional constraint MX) as MMS Data: structure [2] { mag structure [2] {
    /// floating-point [7] (exponent width 8, IEEE single) }, q bit-string [4] (13 bits, good), t utc-time [17] (IEC 61850-8-1 §8.1.3.7) }.
    /// </summary>
    public static byte[] MeasuredValue(float value, long unixNanoseconds)
    {
        var f = new byte[5];
        f[0] = 0x08;
        BinaryPrimitives.WriteSingleBigEndian(f.AsSpan(1), value);
        var t = new byte[8];
        BinaryPrimitives.WriteUInt32BigEndian(t, (uint)(unixNanoseconds / 1_000_000_000));
        uint fraction = (uint)((unixNanoseconds % 1_000_000_000) * (1L << 24) / 1_000_000_000);
        t[4] = (byte)(fraction >> 16);
        t[5] = (byte)(fraction >> 8);
        t[6] = (byte)fraction;
        t[7] = 0x0A;                                              // time quality: 10 bits of fraction accurate
        return Ber.Tlv(Ber.ContextConstructed(2), Ber.Tlv(Ber.ContextConstructed(2), Ber.OctetString(Ber.Context(7), f)),
            Ber.BitString(Ber.Context(4), 3, 0x00, 0x00), Ber.OctetString(Ber.Context(17), t));
    }

    private static byte[] Request(uint invokeId, byte[] service) => Ber.Tlv(Ber.ContextConstructed(0), Ber.Integer(invokeId), service);

    private static byte[] Response(uint invokeId, byte[] service) => Ber.Tlv(Ber.ContextConstructed(1), Ber.Integer(invokeId), service);
}
