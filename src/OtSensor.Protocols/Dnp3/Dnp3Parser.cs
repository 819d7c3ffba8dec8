namespace OtSensor.Protocols.Dnp3;

/// <summary>Decodes one reassembled application fragment into a <see cref="Dnp3Message"/>.</summary>
/// <remarks>
/// <para>IEEE 1815-2012 §4.2.2 (application fragment), §4.2.2.5 (function codes), §4.2.2.6 (IIN) and
/// §4.2.2.7 (object headers, walked by <see cref="Dnp3ObjectReader"/>).</para>
/// <code>
///  request:   +-----+----+---------------------------+
///             | AC  | FC | object headers + objects   |
///             +-----+----+---------------------------+
///  response:  +-----+----+------+------+---------------------------+
///             | AC  | FC | IIN1 | IIN2 | object headers + objects   |
///             +-----+----+------+------+---------------------------+
///  AC: FIR(7) FIN(6) CON(5) UNS(4) SEQ(3..0). Responses are FC 129, 130 (unsolicited) and 131 (authentication).
/// </code>
/// <para>The fragment comes from <see cref="Dnp3Session"/> after transport reassembly (§8.2). Nothing throws and
/// nothing allocates: malformed content becomes <see cref="Dnp3Anomalies"/> bits.</para>
/// </remarks>
public static class Dnp3Parser
{
    /// <summary>Parses <paramref name="fragment"/>, sent in link frames whose first header is <paramref name="link"/>.</summary>
    public static Dnp3Message Parse(ReadOnlySpan<byte> fragment, in Dnp3LinkHeader link, int linkFrames, bool crcError)
    {
        Parse(fragment, in link, linkFrames, crcError, out var message);
        return message;
    }

    /// <summary>The same, built in place in the caller's <paramref name="message"/> (the sessions' hot path: src/OtSensor.Protocols/README.md).</summary>
    internal static void Parse(ReadOnlySpan<byte> fragment, in Dnp3LinkHeader link, int linkFrames, bool crcError, out Dnp3Message message)
    {
        message = new Dnp3Message(fragment);
        ref Dnp3Decoded d = ref message.Fields;
        d.Link = link;
        d.LinkFrames = linkFrames;
        if (crcError) d.Anomalies |= Dnp3Anomalies.DataCrcError;
        if (fragment.Length < 2)
        {
            d.Anomalies |= Dnp3Anomalies.FragmentTooShort;
            if (fragment.Length == 1) d.ApplicationControl = fragment[0];
            d.ObjectsOffset = fragment.Length;
            return;
        }

        d.ApplicationControl = fragment[0];
        d.Function = fragment[1];
        d.HasFunction = true;
        d.ObjectsOffset = 2;
        bool response = d.Function >= (byte)Dnp3FunctionCode.Response;
        if (response)
        {
            if (fragment.Length >= 4)
            {
                d.HasIin = true;
                d.Iin = (ushort)((fragment[2] << 8) | fragment[3]);
                d.ObjectsOffset = 4;
                if ((fragment[3] & 0xC0) != 0) d.Anomalies |= Dnp3Anomalies.ReservedIinBits;
            }
            else
            {
                d.Anomalies |= Dnp3Anomalies.FragmentTooShort;
                d.ObjectsOffset = fragment.Length;
            }
        }

        CheckHeader(ref d, response);
        WalkObjects(ref d, fragment[d.ObjectsOffset..]);
        d.Operation = Dnp3Operations.Of(d.Function, d.Content);
        return;
    }

    private static void CheckHeader(ref Dnp3Decoded d, bool response)
    {
        if (Dnp3Names.Function(d.Function) is null) d.Anomalies |= Dnp3Anomalies.UnknownFunction;
        bool request = d.Function is >= 1 and <= (byte)Dnp3FunctionCode.AuthenticateRequestNoAck;
        bool fromMaster = d.Link.FromMaster;
        if ((response && fromMaster) || (request && !fromMaster)) d.Anomalies |= Dnp3Anomalies.DirectionMismatch;
        bool uns = (d.ApplicationControl & Dnp3Constants.AppUns) != 0;
        if ((d.Function == (byte)Dnp3FunctionCode.UnsolicitedResponse && !uns) || (d.Function == (byte)Dnp3FunctionCode.Response && uns))
            d.Anomalies |= Dnp3Anomalies.UnsolicitedBitMismatch;
        const byte firFin = Dnp3Constants.AppFir | Dnp3Constants.AppFin;
        if (request && (d.ApplicationControl & firFin) != firFin) d.Anomalies |= Dnp3Anomalies.MultiFragmentRequest;
        if (!d.Link.IsUserData) d.Anomalies |= Dnp3Anomalies.ReservedLinkFunction;
    }

    private static void WalkObjects(ref Dnp3Decoded d, ReadOnlySpan<byte> objects)
    {
        var reader = new Dnp3ObjectReader(objects, d.Function);
        bool fromOutstation = !d.Link.FromMaster;
        while (reader.TryRead(out var header))
        {
            d.Content |= ContentOf(header.Group);
            if (header.Group == 12 && header.Variation == 1 && header.DataLength > 0 && !ControlCodesValid(objects, header))
                d.Anomalies |= Dnp3Anomalies.InvalidControlCode;
            if (header.Group == 0 && fromOutstation && header.DataLength > 0 && IsIdentityAttribute(header.Variation))
                d.Content |= Dnp3Content.Identity;
        }

        d.Anomalies |= reader.Anomalies;
        d.ObjectCount = reader.ObjectCount;
        d.PointCount = reader.PointCount;
    }

    private static bool ControlCodesValid(ReadOnlySpan<byte> objects, in Dnp3ObjectHeader header)
    {
        int stride = header.PrefixLength + 11;
        var data = objects.Slice(header.DataOffset, header.DataLength);
        for (int offset = header.PrefixLength; offset < data.Length; offset += stride)
        {
            byte code = data[offset];
            if ((code & 0x0F) > 4 || (code >> 6) == 3) return false;
        }
        return true;
    }

    internal static bool IsIdentityAttribute(byte variation) => variation is 242 or 243 or 246 or 247 or 248 or 250 or 252;

    private static Dnp3Content ContentOf(byte group) => group switch
    {
        0 => Dnp3Content.DeviceAttributes,
        12 => Dnp3Content.BinaryOutputCommand,
        41 => Dnp3Content.AnalogOutput,
        50 => Dnp3Content.TimeAndDate,
        52 => Dnp3Content.TimeDelay,
        60 => Dnp3Content.ClassData,
        70 => Dnp3Content.FileControl,
        80 => Dnp3Content.InternalIndications,
        90 => Dnp3Content.ApplicationIdentifier,
        110 or 111 or 112 or 113 => Dnp3Content.OctetString,
        120 or 121 or 122 => Dnp3Content.SecureAuthentication,
        _ => Dnp3Content.None,
    };
}
