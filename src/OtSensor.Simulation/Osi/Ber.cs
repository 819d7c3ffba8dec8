using System.Buffers.Binary;
using System.Text;

namespace OtSensor.Simulation.Osi;

/// <summary>
/// BER encoding (ITU-T X.690 §8) of the few types the OSI upper layers and MMS use: tag-length-value with definite
/// lengths only (short form below 128, long form 81 nn / 82 nnnn, §8.1.3), INTEGER, OBJECT IDENTIFIER, strings,
/// BIT STRING, BOOLEAN and NULL. Tags are single octets (numbers up to 30, §8.1.2.2), which covers every tag used here.
/// </summary>
public static class Ber
{
    /// <summary>Universal SEQUENCE (0x30), SET (0x31), INTEGER (0x02), OBJECT IDENTIFIER (0x06), VisibleString (0x1A), EXTERNAL (0x28).</summary>
    public const byte Sequence = 0x30, Set = 0x31, IntegerTag = 0x02, OidTag = 0x06, VisibleStringTag = 0x1A, External = 0x28;

    /// <summary>Context-specific primitive tag [n] (class bits 10, §8.1.2.2).</summary>
    public static byte Context(int number) => (byte)(0x80 | number);

    /// <summary>Context-specific constructed tag [n].</summary>
    public static byte ContextConstructed(int number) => (byte)(0xA0 | number);

    /// <summary>Application constructed tag [APPLICATION n].</summary>
    public static byte ApplicationConstructed(int number) => (byte)(0x60 | number);

    /// <summary>One element: tag, definite length, then the contents (concatenated).</summary>
    public static byte[] Tlv(byte tag, params byte[][] contents)
    {
        int length = 0;
        foreach (var c in contents) length += c.Length;
        int header = length < 0x80 ? 2 : length <= 0xFF ? 3 : 4;
        var element = new byte[header + length];
        element[0] = tag;
        if (header == 2) element[1] = (byte)length;
        else if (header == 3) { element[1] = 0x81; element[2] = (byte)length; }
        else { element[1] = 0x82; BinaryPrimitives.WriteUInt16BigEndian(element.AsSpan(2), (ushort)length); }
        int o = header;
        foreach (var c in contents) { c.CopyTo(element, o); o += c.Length; }
        return element;
    }

    /// <summary>An INTEGER in the fewest two's-complement octets (§8.3.2), under <paramref name="tag"/>.</summary>
    public static byte[] Integer(long value, byte tag = IntegerTag)
    {
        Span<byte> b = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(b, value);
        int start = 0;
        while (start < 7 && ((b[start] == 0x00 && (b[start + 1] & 0x80) == 0) || (b[start] == 0xFF && (b[start + 1] & 0x80) != 0))) start++;
        return Tlv(tag, b[start..].ToArray());
    }

    /// <summary>An OBJECT IDENTIFIER (§8.19): first two arcs as 40·a + b, then base-128 arcs, high bit on all but the last octet.</summary>
    public static byte[] Oid(params int[] arcs)
    {
        ArgumentNullException.ThrowIfNull(arcs);
        var content = new List<byte>();
        void Arc(int value)
        {
            Span<byte> groups = stackalloc byte[5];
            int n = 0;
            do { groups[n++] = (byte)(value & 0x7F); value >>= 7; } while (value != 0);
            for (int i = n - 1; i >= 0; i--) content.Add((byte)(groups[i] | (i > 0 ? 0x80 : 0)));
        }
        Arc((arcs[0] * 40) + arcs[1]);
        for (int i = 2; i < arcs.Length; i++) Arc(arcs[i]);
        return Tlv(OidTag, [.. content]);
    }

    /// <summary>A VisibleString (ASCII) under <paramref name="tag"/> (universal 26 unless implicitly tagged).</summary>
    public static byte[] Visible(string text, byte tag = VisibleStringTag) => Tlv(tag, Encoding.ASCII.GetBytes(text));

    /// <summary>A BIT STRING (§8.6): the count of unused bits in the last octet, then the bits.</summary>
    public static byte[] BitString(byte tag, int unusedBits, params byte[] bits) => Tlv(tag, [(byte)unusedBits, .. bits]);

    public static byte[] Boolean(byte tag, bool value) => Tlv(tag, [value ? (byte)0xFF : (byte)0x00]);

    public static byte[] Null(byte tag) => Tlv(tag);

    public static byte[] OctetString(byte tag, byte[] value) => Tlv(tag, value);
}
